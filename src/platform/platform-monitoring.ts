import { IConstruct } from 'constructs';
import { checkKnownFields, checkLabels, checkNamespaceName } from '../private/checks';
import { fail } from '../private/errors';

/**
 * Where the platform's Prometheus runs, and how it finds scrape targets. With it, a workload's
 * `metrics` port is let in from this namespace (and only on that port); without it, `metrics` is
 * refused, since a metrics port that no NetworkPolicy lets Prometheus reach is scraped by nobody.
 */
export interface PlatformMonitoring {
  /** The namespace of the Prometheus pods, let in on every workload's metrics port. */
  readonly namespace: string;
  /**
   * Labels of the Prometheus pods: only they, in `namespace`, are let in on the metrics port.
   * @default - every pod of `namespace`
   */
  readonly podLabels?: { [key: string]: string };
  /**
   * The cluster runs the Prometheus Operator (monitoring.coreos.com/v1 CRDs): a workload with a
   * Service gets a `ServiceMonitor`, a Worker (or a Service of type LoadBalancer, which does not
   * carry the metrics port) a `PodMonitor`. Without it, the pods carry the
   * `prometheus.io/scrape`, `/port` and `/path` annotations that the community Prometheus
   * configurations (the Helm chart's `kubernetes-pods` job) read.
   * @default false
   */
  readonly prometheusOperator?: boolean;
  /**
   * Labels on every ServiceMonitor and PodMonitor, for the Prometheus resource's
   * `serviceMonitorSelector` and `podMonitorSelector` (kube-prometheus-stack selects
   * `release: <its Helm release>` by default).
   * @default - the workload's labels only
   */
  readonly monitorLabels?: { [key: string]: string };
}

const FIELDS: ReadonlyArray<string> = ['namespace', 'podLabels', 'prometheusOperator', 'monitorLabels'];

/** Checks the platform's monitoring where it is declared or used; returns a plain copy without undefined fields. */
export function checkPlatformMonitoring(scope: IConstruct, field: string, value: unknown): PlatformMonitoring {
  const given = checkKnownFields(scope, field, value, FIELDS, 'the platform monitoring', "must say where the platform's Prometheus runs", "pass { namespace: 'monitoring' }");
  const monitoring: { -readonly [K in keyof PlatformMonitoring]: PlatformMonitoring[K] } = {
    namespace: checkNamespaceName(scope, `${field}.namespace`, given.namespace),
  };
  if (given.podLabels !== undefined) {
    const podLabels = checkLabels(scope, `${field}.podLabels`, given.podLabels);
    if (Object.keys(podLabels).length === 0) {
      fail(scope, `${field}.podLabels`, 'selects every pod of the namespace when empty', podLabels, 'name at least one label of the Prometheus pods, or leave podLabels out');
    }
    monitoring.podLabels = podLabels;
  }
  if (given.prometheusOperator !== undefined) {
    if (typeof given.prometheusOperator !== 'boolean') {
      fail(scope, `${field}.prometheusOperator`, 'must be true or false', given.prometheusOperator, 'pass a boolean');
    }
    monitoring.prometheusOperator = given.prometheusOperator;
  }
  if (given.monitorLabels !== undefined) {
    const monitorLabels = checkLabels(scope, `${field}.monitorLabels`, given.monitorLabels);
    const standard = Object.keys(monitorLabels).find((key) => key.startsWith('app.kubernetes.io/'));
    if (standard !== undefined) {
      fail(scope, `${field}.monitorLabels`, 'sets a standard label that the workload owns', standard, "use a label of the platform's own, such as 'release'");
    }
    monitoring.monitorLabels = monitorLabels;
  }
  return monitoring;
}
