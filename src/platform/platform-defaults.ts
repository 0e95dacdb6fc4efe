import { App, Chart } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { ApiServerAddress, apiServerEgressRule } from './api-server';
import { ClusterDns } from './cluster-dns';
import { CpuLimits } from './cpu-limits';
import { IngressTls } from './ingress-tls';
import { checkPlatformGateway, PlatformGateway } from './platform-gateway';
import { checkPlatformMonitoring, PlatformMonitoring } from './platform-monitoring';
import { checkRegistryList } from './registries';
import { SYSTEM_PRIORITY_CLASSES, checkAffinity, checkNodeSelector, checkTolerations } from './scheduling';
import { SecurityPreset } from './security-preset';
import { ResourcePreset } from '../conventions/resource-preset';
import { checkLabels } from '../private/checks';
import { fail } from '../private/errors';

/**
 * The organisation-wide defaults a platform team sets once, at App or Chart scope. Every golden
 * construct below reads them; construct props override Chart defaults, which override App
 * defaults.
 */
export interface PlatformDefaultsProps {
  /**
   * The IngressClass of every Ingress.
   * @default 'nginx'
   */
  readonly ingressClassName?: string;
  /**
   * The namespace of the ingress controller's pods, allowed into every WebService.
   * @default 'ingress-nginx'
   */
  readonly ingressControllerNamespace?: string;
  /**
   * The certificate of every Ingress: a cert-manager issuer, or an existing Secret.
   * @default IngressTls.certManagerClusterIssuer('letsencrypt')
   */
  readonly tls?: IngressTls;
  /**
   * Labels on every object, such as team or cost centre. Merged: App, then Chart, then the
   * construct's own `labels`.
   * @default - none
   */
  readonly labels?: { [key: string]: string };
  /**
   * The resource preset of every container.
   * @default ResourcePreset.SMALL
   */
  readonly resources?: ResourcePreset;
  /**
   * Registries (and optionally paths) that images may come from, e.g. `ghcr.io/acme/` or
   * `registry.acme.com`. An image from anywhere else is refused.
   * @default - any registry
   */
  readonly allowedRegistries?: string[];
  /**
   * Whether containers get CPU limits.
   * @default CpuLimits.ENABLED
   */
  readonly cpuLimits?: CpuLimits;
  /**
   * The PriorityClass of every pod; it must exist in the cluster. The classes Kubernetes keeps
   * for its own components (`system-node-critical`, `system-cluster-critical`) are refused.
   * @default - none (the cluster's default priority)
   */
  readonly priorityClassName?: string;
  /**
   * Node labels every pod must be scheduled on (`spec.nodeSelector`); a workload's
   * `nodeSelector` replaces it.
   * @default - any node
   */
  readonly nodeSelector?: { [key: string]: string };
  /**
   * Taints every pod tolerates; a workload's `tolerations` replace them.
   * @default - none
   */
  readonly tolerations?: k8s.Toleration[];
  /**
   * Affinity every pod gets on top of the default anti-affinity (pods of a workload prefer
   * different nodes), which it never replaces; a workload's `affinity` replaces it.
   * @default - the default anti-affinity only
   */
  readonly affinity?: k8s.Affinity;
  /**
   * How pods get their user and group IDs.
   * @default SecurityPreset.RESTRICTED
   */
  readonly securityPreset?: SecurityPreset;
  /**
   * Where pods send DNS queries: the egress every workload's NetworkPolicy and every
   * SecureNamespace's `allow-dns` policy allow. Use `ClusterDns.OPENSHIFT` on OpenShift,
   * `ClusterDns.ipBlock('169.254.20.10/32')` with NodeLocal DNSCache, or
   * `ClusterDns.pods(namespace, labels, ports)` for another DNS.
   * @default ClusterDns.KUBE_DNS (pods `k8s-app: kube-dns` in kube-system, 53 over UDP and TCP)
   */
  readonly dns?: ClusterDns;
  /**
   * Where pods reach the Kubernetes API server. A workload with a grant (`grantRead`,
   * `grantLeaderElection`, …) gets an API token and an egress rule to these addresses on this
   * port; without it, grants are refused (the token would be useless behind the NetworkPolicy).
   * @default - not declared: grants are refused
   */
  readonly apiServer?: ApiServerAddress;
  /**
   * The platform's Gateway (Gateway API). With it, every exposed WebService (and CanaryRelease)
   * attaches an HTTPRoute to it instead of creating an Ingress, and the NetworkPolicies let the
   * Gateway's data plane in instead of the ingress controller. A Chart's Gateway replaces the App's.
   * @default - none: services are exposed through an Ingress
   */
  readonly gateway?: PlatformGateway;
  /**
   * Where the platform's Prometheus runs (its namespace, optionally its pods' labels) and whether
   * the cluster runs the Prometheus Operator. A workload's `metrics` port is let in from there
   * only, and scraped through a ServiceMonitor (PodMonitor for a Worker) or scrape annotations.
   * A Chart's monitoring replaces the App's.
   * @default - not declared: `metrics` is refused
   */
  readonly monitoring?: PlatformMonitoring;
}


/**
 * Where the defaults of an App or a Chart are kept: on the construct itself, under a global symbol,
 * so that every installed copy of the library (a platform team's profile package and the app)
 * finds them by walking the construct tree. Not enumerable: nothing else sees it.
 */
const PROFILE = Symbol.for('cdk8s-golden.PlatformDefaults');

function profileOf(scope: IConstruct): PlatformDefaultsProps | undefined {
  return (scope as unknown as Record<symbol, PlatformDefaultsProps | undefined>)[PROFILE];
}

/** Sets and reads the platform defaults of a scope. */
export class PlatformDefaults {
  /**
   * Sets the defaults of an App or a Chart: every golden construct below it reads them. Setting
   * them twice on one scope merges, the later value of a field winning.
   */
  public static set(scope: IConstruct, defaults: PlatformDefaultsProps): void {
    if (!(scope instanceof App) && !Chart.isChart(scope)) {
      fail(scope, 'PlatformDefaults.set', 'platform defaults are set on an App or a Chart', scope?.constructor?.name, 'call it with the App or a Chart');
    }
    if (defaults === null || typeof defaults !== 'object' || Array.isArray(defaults)) {
      fail(scope, 'PlatformDefaults.set', 'needs the defaults as an object', defaults, 'pass { ingressClassName: …, … }');
    }
    checkDefaults(scope, defaults);
    Object.defineProperty(scope, PROFILE, { value: merge(profileOf(scope) ?? {}, defaults), configurable: true, writable: true });
  }

  /** The defaults in force at a construct: App defaults, overridden by those of the enclosing Charts, inner last. */
  public static of(scope: IConstruct): PlatformDefaultsProps {
    let resolved: PlatformDefaultsProps = {};
    for (const s of scope.node.scopes) {
      const profile = profileOf(s);
      if (profile !== undefined) {
        resolved = merge(resolved, profile);
      }
    }
    return resolved;
  }

  private constructor() {}
}

/** Checks the type of every field where the platform team sets it (values are checked where used). */
function checkDefaults(scope: IConstruct, defaults: PlatformDefaultsProps): void {
  const instances: Array<[keyof PlatformDefaultsProps, string, (x: unknown) => boolean, string]> = [
    ['tls', 'IngressTls', IngressTls.isIngressTls, "IngressTls.certManagerClusterIssuer('…') or IngressTls.existingSecret('…')"],
    ['resources', 'ResourcePreset', ResourcePreset.isResourcePreset, 'ResourcePreset.SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})'],
    ['cpuLimits', 'CpuLimits', CpuLimits.isCpuLimits, "CpuLimits.ENABLED or CpuLimits.disabled('why')"],
    ['securityPreset', 'SecurityPreset', SecurityPreset.isSecurityPreset, 'SecurityPreset.RESTRICTED or SecurityPreset.PLATFORM_ASSIGNED'],
    ['dns', 'ClusterDns', ClusterDns.isClusterDns, "ClusterDns.KUBE_DNS, ClusterDns.OPENSHIFT, ClusterDns.pods(...) or ClusterDns.ipBlock('169.254.20.10/32')"],
  ];
  for (const [field, typeName, isType, fix] of instances) {
    const value = defaults[field];
    if (value !== undefined && !isType(value)) {
      fail(scope, `PlatformDefaults.${field}`, `must be ${/^[AEIOU]/.test(typeName) ? 'an' : 'a'} ${typeName}`, value, `use ${fix}`);
    }
  }
  for (const field of ['ingressClassName', 'ingressControllerNamespace', 'priorityClassName'] as const) {
    const value = defaults[field];
    if (value !== undefined && (typeof value !== 'string' || value.length === 0)) {
      fail(scope, `PlatformDefaults.${field}`, 'must be a non-empty string', value, 'pass a name, or leave it out');
    }
  }
  if (typeof defaults.priorityClassName === 'string' && SYSTEM_PRIORITY_CLASSES.includes(defaults.priorityClassName)) {
    fail(scope, 'PlatformDefaults.priorityClassName', "is a class Kubernetes keeps for the cluster's own components: their pods preempt every other pod and are evicted last",
      defaults.priorityClassName, 'create a PriorityClass for the platform\'s workloads and name it here');
  }
  if (defaults.nodeSelector !== undefined) {
    checkNodeSelector(scope, 'PlatformDefaults.nodeSelector', defaults.nodeSelector);
  }
  if (defaults.tolerations !== undefined) {
    checkTolerations(scope, 'PlatformDefaults.tolerations', defaults.tolerations);
  }
  if (defaults.affinity !== undefined) {
    checkAffinity(scope, 'PlatformDefaults.affinity', defaults.affinity);
  }
  if (defaults.apiServer !== undefined) {
    apiServerEgressRule(scope, 'PlatformDefaults.apiServer', defaults.apiServer);
  }
  if (defaults.gateway !== undefined) {
    checkPlatformGateway(scope, 'PlatformDefaults.gateway', defaults.gateway);
  }
  if (defaults.monitoring !== undefined) {
    checkPlatformMonitoring(scope, 'PlatformDefaults.monitoring', defaults.monitoring);
  }
  if (defaults.dns !== undefined) {
    defaults.dns._toEgressRule(scope, 'PlatformDefaults.dns');
  }
  if (defaults.labels !== undefined) {
    checkLabels(scope, 'PlatformDefaults.labels', defaults.labels);
  }
  if (defaults.allowedRegistries !== undefined) {
    checkRegistryList(scope, defaults.allowedRegistries, 'PlatformDefaults.allowedRegistries');
  }
}

/** `over` wins field by field; labels merge. */
function merge(base: PlatformDefaultsProps, over: PlatformDefaultsProps): PlatformDefaultsProps {
  const defined = Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined)) as PlatformDefaultsProps;
  const labels = base.labels === undefined && over.labels === undefined ? undefined : { ...base.labels, ...over.labels };
  return { ...base, ...defined, labels };
}
