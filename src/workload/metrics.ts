import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct, IConstruct } from 'constructs';
import { NAMESPACE_NAME_LABEL } from '../network/policy-peer';
import { checkPlatformMonitoring, PlatformMonitoring } from '../platform/platform-monitoring';
import { checkInteger } from '../private/checks';
import { fail } from '../private/errors';

/** The port (and path) on which the app container serves Prometheus metrics. */
export interface MetricsOptions {
  /**
   * The container port of the metrics endpoint, named `metrics`; it must differ from the app's
   * `port`. Only the platform's Prometheus (PlatformDefaults.monitoring) may reach it.
   */
  readonly port: number;
  /**
   * The HTTP path of the metrics endpoint: an absolute path.
   * @default '/metrics'
   */
  readonly path?: string;
}

/** The name of the metrics port on the container, the Service and in the monitors. */
export const METRICS_PORT_NAME = 'metrics';

/** The API version of the Prometheus Operator's ServiceMonitor and PodMonitor. */
export const MONITORING_API_VERSION = 'monitoring.coreos.com/v1';

/** The pod annotations the community Prometheus configurations read (the `kubernetes-pods` job). */
const SCRAPE_ANNOTATIONS = ['prometheus.io/scrape', 'prometheus.io/port', 'prometheus.io/path', 'prometheus.io/scheme'];

/** `metrics`, checked against the workload's ports and the platform's monitoring. */
export interface ResolvedMetrics {
  readonly port: number;
  readonly path: string;
  readonly monitoring: PlatformMonitoring;
}

/** A path segment character of RFC 3986 (pchar), or `/`: no query, fragment, space or non-ASCII. */
const URL_PATH = /^\/([A-Za-z0-9\-._~!$&'()*+,;=:@/]|%[0-9A-Fa-f]{2})*$/;

/**
 * Checks `metrics` where it is given: the port a whole number other than the app's port, the path
 * absolute, and the platform's monitoring declared (else nobody may scrape it).
 */
export function resolveMetrics(owner: IConstruct, value: unknown, context: {
  readonly monitoring?: PlatformMonitoring;
  readonly appPort?: number;
  readonly appPortName?: string;
  readonly batch: boolean;
}): ResolvedMetrics {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(owner, 'metrics', 'must be the metrics endpoint', value, 'pass { port: 9090 } or { port: 9090, path: \'/metrics\' }');
  }
  const given = value as MetricsOptions;
  if (context.batch) {
    fail(owner, 'metrics', 'does not apply to pods that run to completion: Prometheus may never scrape a pod that ends between two scrapes', given.port,
      'push the job\'s metrics to a Prometheus Pushgateway (allowTo it), or leave metrics out');
  }
  const port = checkInteger(owner, 'metrics.port', given.port, 1, 65535);
  if (port === context.appPort) {
    fail(owner, 'metrics.port', 'must differ from the app\'s port (the metrics port is let in from the monitoring namespace only)', port,
      'serve metrics on a port of their own, such as 9090');
  }
  if (context.appPortName === METRICS_PORT_NAME) {
    fail(owner, 'portName', `is the name of the metrics port ('${METRICS_PORT_NAME}')`, context.appPortName, "name the app's port otherwise, such as 'http'");
  }
  // null is no path (not the default): a JavaScript caller who passes it meant something.
  const path = given.path === undefined ? '/metrics' : given.path;
  if (typeof path !== 'string' || !URL_PATH.test(path) || path.length > 1024 || path.split('/').some((s) => s === '.' || s === '..')) {
    fail(owner, 'metrics.path', 'must be an absolute URL path without query, fragment, spaces or dot segments', path, "use a path such as '/metrics'");
  }
  if (context.monitoring === undefined) {
    fail(owner, 'metrics', 'no NetworkPolicy would let Prometheus reach the port: the platform declares no monitoring namespace', given,
      "declare where Prometheus runs, once: PlatformDefaults.set(app, { monitoring: { namespace: 'monitoring' } })");
  }
  const monitoring = checkPlatformMonitoring(owner, 'PlatformDefaults.monitoring', context.monitoring);
  return { port, path, monitoring };
}

/** The NetworkPolicy peer of the platform's Prometheus: its namespace (and pod labels). */
export function monitoringPeer(metrics: ResolvedMetrics): k8s.NetworkPolicyPeer {
  const podLabels = metrics.monitoring.podLabels;
  return {
    namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: metrics.monitoring.namespace } },
    podSelector: podLabels === undefined ? undefined : { matchLabels: podLabels },
  };
}

/**
 * The scrape annotations of the pods, when the platform runs no Prometheus Operator; refuses
 * `prometheus.io/*` annotations of the user's that `metrics` would contradict.
 */
export function scrapeAnnotations(owner: IConstruct, metrics: ResolvedMetrics | undefined,
  podAnnotations: Record<string, string> | undefined): Record<string, string> | undefined {
  if (metrics === undefined || metrics.monitoring.prometheusOperator === true) {
    return podAnnotations;
  }
  for (const key of SCRAPE_ANNOTATIONS) {
    if (podAnnotations?.[key] !== undefined) {
      fail(owner, `podAnnotations.${key}`, 'is written by `metrics`', podAnnotations[key], 'leave the prometheus.io annotations out of podAnnotations');
    }
  }
  return {
    ...podAnnotations,
    'prometheus.io/scrape': 'true',
    'prometheus.io/port': String(metrics.port),
    'prometheus.io/path': metrics.path,
  };
}

/** What a ServiceMonitor or PodMonitor is made of. */
export interface MonitorSpec {
  /** `ServiceMonitor` (selects Services) or `PodMonitor` (selects pods). */
  readonly kind: 'ServiceMonitor' | 'PodMonitor';
  /** The workload's metadata (the platform's `monitorLabels` are added); the namespace comes from the chart. */
  readonly metadata: k8s.ObjectMeta;
  /** The Services (or pods) to scrape. */
  readonly selector: k8s.LabelSelector;
}

/**
 * The Prometheus Operator object that scrapes the metrics port: a ServiceMonitor over the Services
 * that carry the `metrics` port, or a PodMonitor over the pods. Every defaulted field of the
 * endpoint (scheme, path) is written out.
 */
export function createMonitor(scope: Construct, id: string, metrics: ResolvedMetrics, spec: MonitorSpec): ApiObject {
  const endpoint = { port: METRICS_PORT_NAME, path: metrics.path, scheme: 'http' };
  return new ApiObject(scope, id, {
    apiVersion: MONITORING_API_VERSION,
    kind: spec.kind,
    metadata: { ...spec.metadata, labels: { ...spec.metadata.labels, ...metrics.monitoring.monitorLabels } },
    spec: spec.kind === 'ServiceMonitor'
      ? { selector: spec.selector, endpoints: [endpoint] }
      : { selector: spec.selector, podMetricsEndpoints: [endpoint] },
  });
}
