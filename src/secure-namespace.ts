import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { StandardLabel } from './conventions/labels';
import { ResourcePreset } from './conventions/resource-preset';
import { orderNamespacesFirst } from './namespace/namespace-order';
import { NamespaceQuota, QuotaNumbers } from './namespace/namespace-quota';
import { registerNamespace, secureNamespaces, workloadsIn, WorkloadNeeds } from './namespace/namespace-registry';
import { PodSecurityLevel } from './namespace/pod-security-level';
import { dnsAcknowledgement, dnsEgressRule } from './network/dns-egress';
import { checkCpuLimits } from './platform/cpu-limits';
import { PlatformDefaults } from './platform/platform-defaults';
import { checkAnnotations, checkLabels, checkObjectName } from './private/checks';
import { clusterScoped } from './private/cluster-scoped';
import { fail, problem } from './private/errors';
import { keepPatchedValues } from './private/keep-values';
import { refuseNameCollisions } from './private/unique-names';

/** The Pod Security policy version of the Kubernetes version this library targets. */
const POD_SECURITY_VERSION = 'v1.30';

/** The namespaces Kubernetes creates and uses itself. */
const RESERVED_NAMESPACES: ReadonlyArray<string> = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

/** A namespace locked down before anything runs in it. */
export interface SecureNamespaceProps {
  /**
   * The namespace's name: a DNS label of at most 63 characters. The namespaces Kubernetes
   * reserves for itself (`default`, `kube-system`, `kube-public`, `kube-node-lease`) are refused.
   */
  readonly name: string;
  /**
   * The Pod Security level the API server enforces, audits and warns about.
   * @default PodSecurityLevel.RESTRICTED
   */
  readonly podSecurity?: PodSecurityLevel;
  /**
   * The written reason for a level below `restricted`; required then, refused otherwise.
   * @default - none
   */
  readonly podSecurityReason?: string;
  /**
   * The policy version the level is pinned to, `v1.<minor>` (never `latest`, which changes
   * meaning with each cluster upgrade). Another version than `v1.30`, the Kubernetes version this
   * library targets, needs `podSecurityVersionReason`: an older version leaves out the checks
   * added since, a newer one is not what the rest of the library was checked against.
   * @default 'v1.30'
   */
  readonly podSecurityVersion?: string;
  /**
   * The written reason for a `podSecurityVersion` other than `v1.30`; required then, refused
   * otherwise. It is kept on the Namespace as the annotation
   * `cdk8s-golden.io/pod-security-version-reason`.
   * @default - none
   */
  readonly podSecurityVersionReason?: string;
  /**
   * What the namespace may use in all (ResourceQuota).
   * @default NamespaceQuota.MEDIUM
   */
  readonly quota?: NamespaceQuota;
  /**
   * Requests and limits given to containers that set none (LimitRange).
   * @default - the platform's resource preset, else ResourcePreset.SMALL
   */
  readonly containerDefaults?: ResourcePreset;
  /**
   * Ownership labels on the namespace and its objects, such as team or cost centre.
   * @default - the platform's labels only
   */
  readonly labels?: { [key: string]: string };
  /**
   * Annotations on the namespace, such as an owner's contact.
   * @default - none
   */
  readonly annotations?: { [key: string]: string };
}

/**
 * A Namespace labelled for Pod Security admission, with default-deny NetworkPolicies (DNS egress
 * allowed), a ResourceQuota and a LimitRange. Golden workloads in charts with this namespace need
 * no further setup; one whose requests cannot fit the quota is refused at synth.
 */
export class SecureNamespace extends Construct {
  /** The namespace's name. */
  public readonly name: string;
  /** The Pod Security level enforced. */
  public readonly podSecurity: PodSecurityLevel;
  /** The Namespace (cluster-scoped: it carries no metadata.namespace). */
  public readonly namespace: k8s.KubeNamespace;
  /** The NetworkPolicy that denies all ingress and egress of every pod in the namespace. */
  public readonly defaultDenyPolicy: k8s.KubeNetworkPolicy;
  /** The NetworkPolicy that allows every pod to reach the cluster DNS. */
  public readonly dnsPolicy: k8s.KubeNetworkPolicy;
  /** The ResourceQuota. */
  public readonly resourceQuota: k8s.KubeResourceQuota;
  /** The LimitRange. */
  public readonly limitRange: k8s.KubeLimitRange;

  private readonly quota: QuotaNumbers;
  private readonly cpuLimitsEnforced: boolean;

  constructor(scope: Construct, id: string, props: SecureNamespaceProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') {
      fail(this, 'props', 'must be an object', props, "pass at least { name: 'shop' }");
    }
    this.name = checkObjectName(this, 'name', props.name);
    if (RESERVED_NAMESPACES.includes(this.name)) {
      fail(this, 'name', 'is a namespace Kubernetes keeps for itself: default-deny policies, a quota and restricted Pod Security there break the cluster\'s own pods (or, in default, every object without a namespace)',
        this.name, "choose a namespace of the application's own, such as 'shop'");
    }

    // Pod Security.
    const level = props.podSecurity ?? PodSecurityLevel.RESTRICTED;
    if (!PodSecurityLevel.isPodSecurityLevel(level)) {
      fail(this, 'podSecurity', 'must be a PodSecurityLevel', level, 'use PodSecurityLevel.RESTRICTED, BASELINE or PRIVILEGED');
    }
    this.podSecurity = level;
    const reason = props.podSecurityReason;
    if (level.value !== PodSecurityLevel.RESTRICTED.value && (typeof reason !== 'string' || reason.trim().length < 10)) {
      fail(this, 'podSecurityReason', `a level below restricted (${level.value}) needs a written reason of at least 10 characters`, reason,
        'say why the namespace cannot run restricted, or keep PodSecurityLevel.RESTRICTED');
    }
    if (level.value === PodSecurityLevel.RESTRICTED.value && reason !== undefined) {
      fail(this, 'podSecurityReason', 'is only for levels below restricted', reason, 'remove it');
    }
    const version = props.podSecurityVersion ?? POD_SECURITY_VERSION;
    if (typeof version !== 'string' || !/^v1\.[0-9]{1,2}$/.test(version)) {
      fail(this, 'podSecurityVersion', "must pin a policy version as 'v1.<minor>' (not 'latest')", version, "use 'v1.30', the Kubernetes version this library targets");
    }
    const versionReason = props.podSecurityVersionReason;
    if (version !== POD_SECURITY_VERSION && (typeof versionReason !== 'string' || versionReason.trim().length < 10)) {
      fail(this, 'podSecurityVersionReason', `a policy version other than ${POD_SECURITY_VERSION} (${version}) needs a written reason of at least 10 characters: `
        + 'an older version leaves out the checks added since', versionReason, `say why the namespace pins ${version}, or keep '${POD_SECURITY_VERSION}'`);
    }
    if (version === POD_SECURITY_VERSION && versionReason !== undefined) {
      fail(this, 'podSecurityVersionReason', `is only for a policy version other than ${POD_SECURITY_VERSION}`, versionReason, 'remove it');
    }

    // Labels.
    const platform = PlatformDefaults.of(this);
    const labels = {
      ...(platform.labels === undefined ? {} : checkLabels(this, 'PlatformDefaults.labels', platform.labels)),
      ...(props.labels === undefined ? {} : checkLabels(this, 'labels', props.labels)),
      [StandardLabel.NAME]: this.name,
      [StandardLabel.INSTANCE]: this.name,
      [StandardLabel.COMPONENT]: 'namespace',
      [StandardLabel.PART_OF]: this.name,
      [StandardLabel.MANAGED_BY]: StandardLabel.MANAGER,
    };
    const annotations = props.annotations === undefined ? undefined : checkAnnotations(this, 'annotations', props.annotations);
    const podSecurityLabels: Record<string, string> = {};
    for (const mode of ['enforce', 'audit', 'warn']) {
      podSecurityLabels[`pod-security.kubernetes.io/${mode}`] = level.value;
      podSecurityLabels[`pod-security.kubernetes.io/${mode}-version`] = version;
    }

    // Quota and defaults.
    const quotaSource = props.quota ?? NamespaceQuota.MEDIUM;
    if (!NamespaceQuota.isNamespaceQuota(quotaSource)) {
      fail(this, 'quota', 'must be a NamespaceQuota', quotaSource, 'use NamespaceQuota.SMALL, MEDIUM, LARGE or NamespaceQuota.custom({...})');
    }
    this.quota = quotaSource._numbers(this, 'quota');
    this.cpuLimitsEnforced = checkCpuLimits(this, platform.cpuLimits).enabled;
    const defaults = props.containerDefaults ?? platform.resources ?? ResourcePreset.SMALL;
    if (!ResourcePreset.isResourcePreset(defaults)) {
      fail(this, 'containerDefaults', 'must be a ResourcePreset', defaults, 'use ResourcePreset.SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})');
    }
    const containerResources = defaults._toResources(this, 'containerDefaults', this.cpuLimitsEnforced);
    const other = registerNamespace(this.name, {
      owner: this, quota: this.quota, cpuLimits: this.cpuLimitsEnforced, namespaceObject: () => this.namespace,
    });
    if (other !== undefined) {
      fail(this, 'name', `namespace '${this.name}' is already declared by ${other.owner.node.path}`, this.name, 'declare each SecureNamespace once per app');
    }

    // The objects.
    const inNamespace = (name: string): k8s.ObjectMeta => ({ name, namespace: this.name, labels });
    this.namespace = clusterScoped(keepPatchedValues(new k8s.KubeNamespace(this, 'Namespace', {
      metadata: {
        name: this.name,
        labels: { ...labels, ...podSecurityLabels },
        annotations: {
          ...annotations,
          ...(reason === undefined ? {} : { 'cdk8s-golden.io/pod-security-reason': reason }),
          ...(versionReason === undefined ? {} : { 'cdk8s-golden.io/pod-security-version-reason': versionReason }),
        },
      },
    })));
    this.defaultDenyPolicy = keepPatchedValues(new k8s.KubeNetworkPolicy(this, 'DefaultDeny', {
      metadata: inNamespace('default-deny'),
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    }));
    const dnsEgress = dnsEgressRule(this, platform.dns);
    const dnsAck = dnsAcknowledgement(dnsEgress);
    this.dnsPolicy = keepPatchedValues(new k8s.KubeNetworkPolicy(this, 'AllowDns', {
      metadata: dnsAck === undefined ? inNamespace('allow-dns') : { ...inNamespace('allow-dns'), annotations: dnsAck },
      spec: { podSelector: {}, policyTypes: ['Egress'], egress: [dnsEgress] },
    }));
    const q = (text: string) => k8s.Quantity.fromString(text);
    const cpu = (millis: number) => q(millis % 1000 === 0 ? `${millis / 1000}` : `${millis}m`);
    const hard: Record<string, k8s.Quantity> = {
      'requests.cpu': cpu(this.quota.cpuRequests),
      'requests.memory': q(`${this.quota.memory}Mi`),
      'requests.ephemeral-storage': q(`${this.quota.ephemeralStorageRequests}Mi`),
      'limits.memory': q(`${this.quota.memory}Mi`),
      'limits.ephemeral-storage': q(`${this.quota.ephemeralStorageLimits}Mi`),
      'pods': q(`${this.quota.pods}`),
      'services': q(`${this.quota.services}`),
    };
    if (this.cpuLimitsEnforced) {
      hard['limits.cpu'] = cpu(this.quota.cpuLimits);
    }
    this.resourceQuota = keepPatchedValues(new k8s.KubeResourceQuota(this, 'ResourceQuota', { metadata: inNamespace('quota'), spec: { hard } }));
    this.limitRange = keepPatchedValues(new k8s.KubeLimitRange(this, 'LimitRange', {
      metadata: inNamespace('container-defaults'),
      spec: { limits: [{ type: 'Container', defaultRequest: containerResources.requests, default: containerResources.limits }] },
    }));

    refuseNameCollisions(this, () => [this.namespace, this.defaultDenyPolicy, this.dnsPolicy, this.resourceQuota, this.limitRange] as ApiObject[]);
    this.node.addValidation({ validate: () => this.quotaProblems() });
    if (secureNamespaces(this).size === 1) {
      // The app's first SecureNamespace orders every SecureNamespace's Namespace first, at synth
      // before cdk8s resolves dependencies, when every chart of the app exists.
      this.node.addValidation({
        validate: () => {
          orderNamespacesFirst(this);
          return [];
        },
      });
    }
  }

  /** Whether one workload, and all of them together, fit the quota at their largest scale. */
  private quotaProblems(): string[] {
    const workloads = workloadsIn(this, this.name);
    const errors: string[] = [];
    const dimensions: Array<[string, keyof QuotaNumbers, (w: WorkloadNeeds) => number, string]> = [
      ['requests.cpu', 'cpuRequests', (w) => w.pods * w.cpuRequest, 'm'],
      ['requests.memory', 'memory', (w) => w.pods * w.memory, 'Mi'],
      ['requests.ephemeral-storage', 'ephemeralStorageRequests', (w) => w.pods * w.ephemeralStorageRequest, 'Mi'],
      ['limits.memory', 'memory', (w) => w.pods * w.memory, 'Mi'],
      ['limits.ephemeral-storage', 'ephemeralStorageLimits', (w) => w.pods * w.ephemeralStorageLimit, 'Mi'],
      ['pods', 'pods', (w) => w.pods, ''],
      ['services', 'services', (w) => w.services, ''],
    ];
    if (this.cpuLimitsEnforced) {
      dimensions.push(['limits.cpu', 'cpuLimits', (w) => w.pods * w.cpuLimit, 'm']);
    }
    for (const [key, field, need, unit] of dimensions) {
      const total = workloads.reduce((sum, w) => sum + need(w), 0);
      if (total > this.quota[field]) {
        const parts = workloads.map((w) => `${w.owner.node.path} ${need(w)}${unit}${key === 'pods' || key === 'services' ? '' : ` (${w.pods} pods)`}`).join(', ');
        errors.push(problem(`quota.${key}`, `the golden workloads of namespace '${this.name}' need up to ${total}${unit} at their largest scale and rollout surge (${parts})`,
          `${this.quota[field]}${unit}`, 'raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads\' resources or replicas'));
      }
    }
    return errors;
  }
}
