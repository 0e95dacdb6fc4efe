import { posix } from 'path';
import { ApiObject, Chart, Lazy, Size, SizeRoundingBehavior } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { Autoscaling, resolveAutoscaling } from './autoscaling';
import { ConfigContent, resolveConfig } from './config';
import { resolveEnv } from './env';
import { WorkloadProps } from './workload-props';
import { ACKNOWLEDGEMENT_PREFIX, acknowledgementKey } from '../conventions/acknowledgements';
import { ApiProtocol } from '../conventions/api-protocol';
import { HealthCheck } from '../conventions/health-check';
import { checkPinnedImage, versionLabelOf } from '../conventions/image';
import { selectorLabels, standardLabels, StandardLabel } from '../conventions/labels';
import { PROBE_DEFAULTS } from '../conventions/probes';
import { ResourcePreset } from '../conventions/resource-preset';
import { resolveRollout } from '../conventions/rollout';
import { RuleId } from '../conventions/rule-ids';
import { restrictedSecurity } from '../conventions/security-context';
import { resolveShutdown } from '../conventions/shutdown';
import { registerWorkload, secureNamespace, WorkloadNeeds } from '../namespace/namespace-registry';
import { dnsEgressRule } from '../network/dns-egress';
import { checkCpuLimits } from '../platform/cpu-limits';
import { PlatformDefaults, PlatformDefaultsProps } from '../platform/platform-defaults';
import { checkAllowedRegistry } from '../platform/registries';
import { SecurityPreset } from '../platform/security-preset';
import {
  checkAnnotations, checkInteger, checkLabels, checkObjectName, checkPortName, checkReferenceName, checkStringList, isLabelValue,
} from '../private/checks';
import { fail, problem } from '../private/errors';
import { refuseNameCollisions } from '../private/unique-names';
import { CheckedGrant } from '../rbac/grants';

/** What the construct using the core decides about it. */
export interface WorkloadRole {
  /** The default `app.kubernetes.io/component`. */
  readonly component: string;
  /** The protocol of the port: appProtocol, default port name and health checks. */
  readonly protocol: ApiProtocol;
  /** A headless Service (no cluster IP; DNS returns the pod IPs). */
  readonly headless?: boolean;
  /** The track of a CanaryRelease this core runs, if it is one. */
  readonly track?: TrackRole;
}

/** What a CanaryRelease decides for one of its tracks. */
export interface TrackRole {
  /** The release's name: the `app.kubernetes.io/name` label of both tracks. */
  readonly appName: string;
  /** `stable` or `canary`. */
  readonly track: string;
  /** The pods the track runs without autoscaling (0 and 1 allowed: a share of traffic). */
  readonly replicas: number;
  /** The track's autoscaler, already resolved (its minimum may be 1). */
  readonly autoscaling?: Autoscaling;
}

const IDENTICAL_TCP_CHECKS_REASON = 'a raw TCP server has one check that fits any server, a TCP connect, used for readiness and liveness; '
  + 'a readinessProbe that checks its dependencies removes this';
const TRACK_SIZE_REASON = 'a canary release track runs as many pods as its share of traffic needs';

const CONTAINER = 'app';
const TMP_VOLUME = 'tmp';
const CONFIG_VOLUME = 'config';
const TOKEN_VOLUME = 'kube-api-access';
const TOKEN_PATH = '/var/run/secrets/kubernetes.io/serviceaccount';

/** The config mount: an absolute path, normalised, not over `/`, `/tmp` or the API token. */
function checkMountPath(owner: Construct, value: unknown): string {
  const fix = "use a path such as '/config'";
  if (typeof value !== 'string' || !/^\/[^\s]*$/.test(value) || value.split('/').includes('..')) {
    fail(owner, 'configMountPath', 'must be an absolute path other than / and /tmp', value, fix);
  }
  const normalised = posix.normalize(value).replace(/\/+$/, '') || '/';
  if (['/', '/tmp', TOKEN_PATH].includes(normalised)) {
    fail(owner, 'configMountPath', `must be an absolute path other than / and /tmp${normalised === TOKEN_PATH ? ' (and the API token\'s)' : ''}`, value, fix);
  }
  return normalised;
}

/**
 * Annotations, refusing those that would switch a hardening off: an AppArmor profile other than
 * the runtime default or a local one, and an acknowledgement without a reason.
 */
function checkHardeningAnnotations(owner: Construct, field: string, value: unknown): Record<string, string> {
  const annotations = checkAnnotations(owner, field, value);
  for (const [key, v] of Object.entries(annotations)) {
    if (key.startsWith('container.apparmor.security.beta.kubernetes.io/') && v !== 'runtime/default' && !v.startsWith('localhost/')) {
      fail(owner, `${field}.${key}`, 'would run the container without the restricted AppArmor profile', v, "use 'runtime/default' or 'localhost/<profile>', or leave it out");
    }
    if (key.startsWith(ACKNOWLEDGEMENT_PREFIX) && v.trim().length === 0) {
      fail(owner, `${field}.${key}`, 'acknowledges a guardrail rule without a written reason', v, 'write why the finding is acceptable, or use Guardrails.acknowledge');
    }
  }
  return annotations;
}
const RESERVED_LABELS = [
  StandardLabel.NAME, StandardLabel.INSTANCE, StandardLabel.VERSION, StandardLabel.COMPONENT, StandardLabel.PART_OF,
  StandardLabel.MANAGED_BY, StandardLabel.TRACK,
];

/**
 * The hardened core every golden construct is made of: ServiceAccount, Deployment, Service,
 * PodDisruptionBudget, NetworkPolicy and, when asked for, an autoscaler and a ConfigMap, all
 * named after the workload and created as children of the construct that owns them (so errors
 * name that construct). All defaults are applied here, once.
 */
export class Workload {
  /** The name of every object. */
  public readonly name: string;
  /** The labels on every object. */
  public readonly labels: Record<string, string>;
  /** The labels the selectors use: name and instance, never anything that changes. */
  public readonly selectorLabels: Record<string, string>;
  /** The container port. */
  public readonly port: number;
  /** The name of the container and Service port. */
  public readonly portName: string;
  /** The Service port. */
  public readonly servicePort: number;
  /** Fixed replicas, or undefined under an autoscaler. */
  public readonly replicas?: number;

  public readonly serviceAccount: k8s.KubeServiceAccount;
  public readonly deployment: k8s.KubeDeployment;
  public readonly service: k8s.KubeService;
  public readonly podDisruptionBudget: k8s.KubePodDisruptionBudget;
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  public readonly autoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  public readonly configMap?: k8s.KubeConfigMap;

  /** The annotations on every object. */
  public readonly annotations?: Record<string, string>;
  /** The namespace of the chart the workload is in, if it has one. */
  public readonly namespace?: string;
  /** The protocol of the port. */
  public readonly protocol: ApiProtocol;
  /** The platform defaults in force at the owner. */
  public readonly platform: PlatformDefaultsProps;
  /** The resources of the container, and the pods the workload may run at most (with the rollout surge). */
  public readonly resources: ResourcePreset;
  public readonly cpuLimits: boolean;
  public readonly maxPods: number;

  /** The Role and RoleBinding, once something was granted. */
  public role?: k8s.KubeRole;
  public roleBinding?: k8s.KubeRoleBinding;

  /** Prefix of the construct ids of the objects: the track (`Stable`, `Canary`) or nothing. */
  private readonly idPrefix: string;
  private readonly ingressRules: k8s.NetworkPolicyIngressRule[] = [];
  private readonly egressRules: k8s.NetworkPolicyEgressRule[] = [];
  private readonly ruleKeys = new Set<string>();
  private readonly policyRules: k8s.PolicyRule[] = [];
  private readonly acknowledgements: Record<string, string> = {};
  /** Acknowledgements the probes need on the Deployment. */
  private readonly probeAcknowledgements: Record<string, string> = {};
  private readonly volumes: k8s.Volume[] = [];
  private readonly volumeMounts: k8s.VolumeMount[] = [];

  constructor(private readonly owner: Construct, id: string, props: WorkloadProps, role: WorkloadRole) {
    if (props === null || typeof props !== 'object') {
      fail(owner, 'props', 'must be an object', props, 'pass at least { image }');
    }
    // Identity and labels.
    this.idPrefix = role.track === undefined ? '' : `${role.track.track[0].toUpperCase()}${role.track.track.slice(1)}`;
    this.platform = PlatformDefaults.of(owner);
    this.egressRules.push(dnsEgressRule(owner, this.platform.dns));
    const image = checkPinnedImage(owner, 'image', props.image);
    checkAllowedRegistry(owner, 'image', props.image, this.platform.allowedRegistries);
    this.name = checkObjectName(owner, 'name', props.name ?? id);
    const version = props.version === undefined ? versionLabelOf(owner, 'image', image) : this.labelValue('version', props.version);
    const extra = {
      ...(this.platform.labels === undefined ? {} : checkLabels(owner, 'PlatformDefaults.labels', this.platform.labels)),
      ...(props.labels === undefined ? {} : checkLabels(owner, 'labels', props.labels)),
    };
    for (const key of Object.keys(extra)) {
      if (RESERVED_LABELS.includes(key)) {
        fail(owner, 'labels', 'sets a standard label that the construct owns', key, 'use the `name`, `version`, `component` or `partOf` prop instead');
      }
    }
    const appName = role.track?.appName ?? this.name;
    this.labels = standardLabels({
      name: appName,
      instance: this.name,
      track: role.track?.track,
      version,
      component: this.labelValue('component', props.component ?? role.component),
      partOf: this.labelValue('partOf', props.partOf ?? appName),
      extra,
    });
    this.selectorLabels = selectorLabels(appName, this.name, role.track?.track);
    this.annotations = props.annotations === undefined ? undefined : checkHardeningAnnotations(owner, 'annotations', props.annotations);
    const podAnnotations = props.podAnnotations === undefined ? undefined : checkHardeningAnnotations(owner, 'podAnnotations', props.podAnnotations);

    // Ports.
    this.namespace = Chart.of(owner).namespace;
    this.protocol = role.protocol;
    this.port = checkInteger(owner, 'port', props.port ?? 8080, 1, 65535);
    this.portName = checkPortName(owner, 'portName', props.portName ?? role.protocol.defaultPortName);
    this.servicePort = checkInteger(owner, 'servicePort', props.servicePort ?? 80, 1, 65535);

    // Scale.
    let autoscaling: Autoscaling | undefined;
    if (role.track !== undefined) {
      autoscaling = role.track.autoscaling;
      this.replicas = autoscaling === undefined ? role.track.replicas : undefined;
    } else if (props.autoscaling !== undefined) {
      if (props.replicas !== undefined) {
        fail(owner, 'replicas', 'cannot be set together with autoscaling (the autoscaler owns the replica count)', props.replicas, 'remove `replicas` or `autoscaling`');
      }
      autoscaling = resolveAutoscaling(owner, props.autoscaling);
    } else {
      this.replicas = checkInteger(owner, 'replicas', props.replicas ?? 3, 2, 10000,
        'use a whole number of at least 2, so that one node loss or eviction does not take the service down (or use autoscaling)');
    }

    // The container.
    const preset = this.platform.securityPreset ?? SecurityPreset.RESTRICTED;
    const security = restrictedSecurity(owner, props.security, preset.fixedIds);
    const shutdown = resolveShutdown(owner, props.shutdown);
    const rollout = resolveRollout(owner, props.rollout);
    const resources = (props.resources ?? this.platform.resources ?? ResourcePreset.SMALL);
    if (!(resources instanceof ResourcePreset)) {
      fail(owner, 'resources', 'must be a ResourcePreset', resources, 'use ResourcePreset.SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})');
    }
    this.resources = resources;
    const cpuLimits = checkCpuLimits(owner, this.platform.cpuLimits);
    this.cpuLimits = cpuLimits.enabled;
    this.maxPods = (this.replicas ?? autoscaling!.maxReplicas) + rollout.surgePods(this.replicas ?? autoscaling!.maxReplicas);
    const acknowledgements: Record<string, string> = {};
    if (!cpuLimits.enabled) {
      acknowledgements[acknowledgementKey(RuleId.CPU_LIMIT)] = `the platform runs without CPU limits: ${cpuLimits.disabledReason}`;
    }
    if (this.replicas !== undefined && this.replicas < 2) {
      acknowledgements[acknowledgementKey(RuleId.REPLICAS)] = TRACK_SIZE_REASON;
    }
    if (security.pod.runAsUser === undefined) {
      acknowledgements[acknowledgementKey(RuleId.RUN_AS_USER)] = 'the platform assigns user and group IDs (SecurityPreset.PLATFORM_ASSIGNED)';
    }
    const priorityClassName = this.platform.priorityClassName === undefined ? undefined
      : checkReferenceName(owner, 'priorityClassName', this.platform.priorityClassName);
    const probes = this.probes(props);
    Object.assign(acknowledgements, this.probeAcknowledgements);
    const config = props.config === undefined ? undefined : resolveConfig(owner, this.name, props.config);
    const configMountPath = checkMountPath(owner, props.configMountPath ?? '/config');
    const tmpSize = this.tmpSize(props.tmpVolumeSize);

    const container: k8s.Container = {
      name: CONTAINER,
      image: props.image,
      imagePullPolicy: 'Always',
      command: props.command === undefined ? undefined : checkStringList(owner, 'command', props.command),
      args: props.args === undefined ? undefined : checkStringList(owner, 'args', props.args),
      ports: [{ name: this.portName, containerPort: this.port, protocol: 'TCP' }],
      env: resolveEnv(owner, props.env, props.secretEnv),
      envFrom: this.envFrom(props),
      resources: resources._toResources(owner, 'resources', cpuLimits.enabled),
      ...probes,
      lifecycle: shutdown.lifecycle,
      securityContext: security.container,
      volumeMounts: Lazy.any({ produce: () => this.volumeMounts }) as any,
    };
    this.volumes.push({ name: TMP_VOLUME, emptyDir: { sizeLimit: k8s.Quantity.fromString(`${tmpSize}Mi`) } });
    this.volumeMounts.push({ name: TMP_VOLUME, mountPath: '/tmp' });
    if (config) {
      this.volumes.push({ name: CONFIG_VOLUME, configMap: { name: config.name } });
      this.volumeMounts.push({ name: CONFIG_VOLUME, mountPath: configMountPath, readOnly: true });
    }

    // The objects.
    this.serviceAccount = new k8s.KubeServiceAccount(owner, `${this.idPrefix}ServiceAccount`, {
      metadata: this.metadata(),
      automountServiceAccountToken: false,
    });

    if (config) {
      this.configMap = this.createConfigMap(config);
    }

    this.deployment = new k8s.KubeDeployment(owner, `${this.idPrefix}Deployment`, {
      metadata: this.metadata({
        ...(autoscaling ? { 'polaris.fairwinds.com/deploymentMissingReplicas-exempt': 'true' } : {}),
        ...acknowledgements,
      }),
      spec: {
        replicas: this.replicas,
        revisionHistoryLimit: rollout.revisionHistoryLimit,
        minReadySeconds: rollout.minReadySeconds,
        progressDeadlineSeconds: rollout.progressDeadlineSeconds,
        selector: { matchLabels: this.selectorLabels },
        strategy: rollout.strategy,
        template: {
          metadata: { labels: this.labels, annotations: podAnnotations },
          spec: {
            serviceAccountName: this.name,
            automountServiceAccountToken: false,
            priorityClassName,
            terminationGracePeriodSeconds: shutdown.terminationGracePeriodSeconds,
            securityContext: security.pod,
            affinity: this.antiAffinity(),
            topologySpreadConstraints: ['topology.kubernetes.io/zone', 'kubernetes.io/hostname'].map((topologyKey) => ({
              maxSkew: 1,
              topologyKey,
              whenUnsatisfiable: 'ScheduleAnyway',
              labelSelector: { matchLabels: this.selectorLabels },
            })),
            volumes: Lazy.any({ produce: () => this.volumes }) as any,
            containers: [container],
          },
        },
      },
    });

    this.service = new k8s.KubeService(owner, `${this.idPrefix}Service`, {
      metadata: this.metadata(),
      spec: {
        type: 'ClusterIP',
        clusterIp: role.headless ? 'None' : undefined,
        selector: this.selectorLabels,
        ports: [{
          name: this.portName,
          port: this.servicePort,
          targetPort: k8s.IntOrString.fromString(this.portName),
          protocol: 'TCP',
          appProtocol: role.protocol.appProtocol,
        }],
      },
    });

    this.podDisruptionBudget = new k8s.KubePodDisruptionBudget(owner, `${this.idPrefix}PodDisruptionBudget`, {
      metadata: this.metadata(),
      spec: {
        maxUnavailable: k8s.IntOrString.fromNumber(1),
        unhealthyPodEvictionPolicy: 'AlwaysAllow',
        selector: { matchLabels: this.selectorLabels },
      },
    });

    this.networkPolicy = new k8s.KubeNetworkPolicy(owner, `${this.idPrefix}NetworkPolicy`, {
      metadata: this.metadata(),
      spec: {
        podSelector: { matchLabels: { [StandardLabel.INSTANCE]: this.name } },
        policyTypes: ['Ingress', 'Egress'],
        ingress: Lazy.any({ produce: () => this.ingressRules }) as any,
        egress: Lazy.any({ produce: () => this.egressRules }) as any,
      },
    });

    if (autoscaling) {
      this.autoscaler = new k8s.KubeHorizontalPodAutoscalerV2(owner, `${this.idPrefix}Autoscaler`, {
        metadata: this.metadata(autoscaling.minReplicas < 2 ? { [acknowledgementKey(RuleId.HPA_MIN)]: TRACK_SIZE_REASON } : undefined),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name },
          minReplicas: autoscaling.minReplicas,
          maxReplicas: autoscaling.maxReplicas,
          metrics: autoscaling.metrics,
        },
      });
    }

    refuseNameCollisions(owner, () => this.objects());
    const needs = () => {
      const v = resources._values(owner, 'resources');
      return {
        owner,
        name: this.name,
        pods: this.maxPods,
        services: 1,
        cpuRequest: v.cpuRequest,
        cpuLimit: v.cpuLimit,
        memory: v.memory,
        ephemeralStorageRequest: v.storageRequest,
        ephemeralStorageLimit: v.storageLimit,
      };
    };
    registerWorkload(owner, this.namespace, needs);
    owner.node.addValidation({ validate: () => this.quotaProblems(needs()) });
    owner.node.addValidation({
      validate: () => (this.ingressRules.length > 0 ? [] : [problem('allowFrom', `nothing may reach the pods${role.track ? ` of the ${role.track.track} track` : ''}: their NetworkPolicy denies all ingress`,
        'no peers', `declare the clients with ${owner.node.id}.allowFrom(...) (a golden workload, NetworkPeer.pods(labels) or NetworkPeer.namespace(name))`)]),
    });
  }

  /** Every object of the core. */
  public objects(): ApiObject[] {
    return [this.serviceAccount, this.configMap, this.deployment, this.service, this.podDisruptionBudget, this.networkPolicy, this.autoscaler,
      this.role, this.roleBinding].filter((o): o is ApiObject => o !== undefined);
  }

  /** Lets a peer reach the pods' port. Adding the same peer twice adds one rule. */
  public allowIngressFrom(peer: k8s.NetworkPolicyPeer): void {
    const rule: k8s.NetworkPolicyIngressRule = { from: [peer], ports: [{ port: k8s.IntOrString.fromString(this.portName), protocol: 'TCP' }] };
    if (this.once('ingress', rule)) {
      this.ingressRules.push(rule);
    }
  }

  /** Lets the pods open connections to a peer on these ports. Adding the same rule twice adds one. */
  public allowEgressTo(peer: k8s.NetworkPolicyPeer, ports: k8s.NetworkPolicyPort[]): void {
    const rule: k8s.NetworkPolicyEgressRule = { to: [peer], ports };
    if (this.once('egress', rule)) {
      this.egressRules.push(rule);
    }
  }

  /** Adds an egress rule (such as the one to the API server). Adding the same rule twice adds one. */
  public allowEgress(rule: k8s.NetworkPolicyEgressRule): void {
    if (this.once('egress', rule)) {
      this.egressRules.push(rule);
    }
  }

  /**
   * Adds a checked rule to the workload's Role, creating the Role and its RoleBinding on first
   * use and mounting a short-lived, projected API token (the ServiceAccount and the pod keep
   * `automountServiceAccountToken: false`).
   */
  public grant(grant: CheckedGrant): void {
    if (!this.once('grant', grant.rule)) {
      return;
    }
    this.policyRules.push(grant.rule);
    if (!this.role) {
      this.createRole();
    }
    for (const [key, reason] of Object.entries(grant.acknowledgement ?? {})) {
      const previous = this.acknowledgements[key];
      this.acknowledgements[key] = previous === undefined || previous === reason ? reason : `${previous}; ${reason}`;
      this.role!.metadata.addAnnotation(key, this.acknowledgements[key]);
    }
  }

  private createRole(): void {
    this.role = new k8s.KubeRole(this.owner, `${this.idPrefix}Role`, {
      metadata: this.metadata(),
      rules: Lazy.any({ produce: () => this.policyRules }) as any,
    });
    this.roleBinding = new k8s.KubeRoleBinding(this.owner, `${this.idPrefix}RoleBinding`, {
      metadata: this.metadata(),
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: this.name },
      subjects: [{ kind: 'ServiceAccount', name: this.name, namespace: this.namespace }],
    });
    this.volumes.push({
      name: TOKEN_VOLUME,
      projected: {
        sources: [
          { serviceAccountToken: { path: 'token', expirationSeconds: 3607 } },
          { configMap: { name: 'kube-root-ca.crt', items: [{ key: 'ca.crt', path: 'ca.crt' }] } },
          { downwardApi: { items: [{ path: 'namespace', fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } }] } },
        ],
      },
    });
    this.volumeMounts.push({ name: TOKEN_VOLUME, mountPath: TOKEN_PATH, readOnly: true });
  }

  /** Metadata of an object of this workload. */
  public metadata(annotations?: Record<string, string>, name?: string): k8s.ObjectMeta {
    const merged = { ...this.annotations, ...annotations };
    return { name: name ?? this.name, labels: this.labels, annotations: Object.keys(merged).length > 0 ? merged : undefined };
  }

  /** Whether the workload alone fits the quota of its SecureNamespace, if it has one. */
  private quotaProblems(needs: WorkloadNeeds): string[] {
    const ns = secureNamespace(this.owner, this.namespace);
    if (ns === undefined) {
      return [];
    }
    const checks: Array<[string, number, number, string]> = [
      ['cpu requests', needs.pods * needs.cpuRequest, ns.quota.cpuRequests, 'm'],
      ['memory', needs.pods * needs.memory, ns.quota.memory, 'Mi'],
      ['ephemeral-storage requests', needs.pods * needs.ephemeralStorageRequest, ns.quota.ephemeralStorageRequests, 'Mi'],
      ['ephemeral-storage limits', needs.pods * needs.ephemeralStorageLimit, ns.quota.ephemeralStorageLimits, 'Mi'],
      ['pods', needs.pods, ns.quota.pods, ''],
      ...(ns.cpuLimits ? [['cpu limits', needs.pods * needs.cpuLimit, ns.quota.cpuLimits, 'm'] as [string, number, number, string]] : []),
    ];
    return checks.filter(([, need, quota]) => need > quota).map(([what, need, quota, unit]) => problem('resources',
      `needs up to ${need}${unit} of ${what} (${needs.pods} pods at the largest scale and rollout surge), more than the quota of namespace '${this.namespace}' (${quota}${unit}, set by ${ns.owner.node.path})`,
      `${need}${unit}`, 'lower the resources or replicas, or raise the namespace quota'));
  }

  /** True the first time a rule of that kind is seen. */
  private once(kind: string, rule: unknown): boolean {
    const key = `${kind}:${JSON.stringify(rule)}`;
    if (this.ruleKeys.has(key)) {
      return false;
    }
    this.ruleKeys.add(key);
    return true;
  }

  private labelValue(field: string, value: unknown): string {
    if (typeof value !== 'string' || value.length === 0 || !isLabelValue(value)) {
      fail(this.owner, field, 'must be a label value', value, "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    return value;
  }

  private probes(props: WorkloadProps): Pick<k8s.Container, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> {
    const defaults = this.protocol.defaultHealthChecks();
    const pick = (field: string, given: unknown, fallback: HealthCheck): HealthCheck => {
      if (given === undefined) {
        return fallback;
      }
      if (!(given instanceof HealthCheck)) {
        fail(this.owner, field, 'must be a HealthCheck', given, "use HealthCheck.httpGet('/path'), HealthCheck.tcpSocket() or HealthCheck.exec([...])");
      }
      return given;
    };
    const readiness = pick('readinessProbe', props.readinessProbe, defaults.readiness);
    const liveness = pick('livenessProbe', props.livenessProbe, defaults.liveness);
    // The startup probe checks what liveness will check once it passes: an overridden liveness
    // check (or, when only readiness is overridden, the readiness check), with the startup timings.
    const followed = props.livenessProbe !== undefined ? liveness : props.readinessProbe !== undefined ? readiness : undefined;
    const startup = pick('startupProbe', props.startupProbe, followed?._handlerOnly() ?? defaults.startup);
    const sameCheck = readiness.describe(this.portName) === liveness.describe(this.portName);
    if (sameCheck && props.readinessProbe === undefined && props.livenessProbe === undefined && this.protocol._identicalDefaultChecks) {
      this.probeAcknowledgements[acknowledgementKey(RuleId.PROBES_IDENTICAL)] = IDENTICAL_TCP_CHECKS_REASON;
    } else if (sameCheck) {
      fail(this.owner, 'livenessProbe', 'must not be the same check as the readiness probe (a slow pod would be restarted instead of taken out of rotation)',
        liveness.describe(this.portName), "check a different thing, such as HealthCheck.httpGet('/healthz') for liveness and '/readyz' for readiness");
    }
    const port = { name: this.portName, number: this.port };
    // Readiness and liveness first: a bad check the startup probe follows is reported under the field that set it.
    const readinessProbe = readiness._toProbe(this.owner, 'readinessProbe', port, PROBE_DEFAULTS.readiness);
    const livenessProbe = liveness._toProbe(this.owner, 'livenessProbe', port, PROBE_DEFAULTS.liveness);
    return { startupProbe: startup._toProbe(this.owner, 'startupProbe', port, PROBE_DEFAULTS.startup), readinessProbe, livenessProbe };
  }

  private envFrom(props: WorkloadProps): k8s.EnvFromSource[] | undefined {
    if (props.envFrom === undefined) {
      return undefined;
    }
    if (!Array.isArray(props.envFrom)) {
      fail(this.owner, 'envFrom', 'must be a list of EnvSource', props.envFrom, "use [EnvSource.fromConfigMap('name'), EnvSource.fromSecret('name')]");
    }
    return props.envFrom.map((source, i) => {
      if (source === null || typeof source !== 'object' || typeof source._toEnvFrom !== 'function') {
        fail(this.owner, `envFrom[${i}]`, 'must be an EnvSource', source, "use EnvSource.fromConfigMap('name') or EnvSource.fromSecret('name')");
      }
      return source._toEnvFrom(this.owner, `envFrom[${i}]`);
    });
  }

  private tmpSize(size: unknown): number {
    if (size === undefined) {
      return 64;
    }
    const mebibytes = size instanceof Size ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : NaN;
    if (!Number.isSafeInteger(mebibytes) || mebibytes < 1) {
      fail(this.owner, 'tmpVolumeSize', 'must be a whole number of MiB, at least 1', size instanceof Size ? `${mebibytes}Mi` : size, 'use Size.mebibytes(n)');
    }
    return mebibytes;
  }

  private antiAffinity(): k8s.Affinity {
    return {
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 100,
          podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: this.selectorLabels } },
        }],
      },
    };
  }

  private createConfigMap(config: ConfigContent): k8s.KubeConfigMap {
    return new k8s.KubeConfigMap(this.owner, `${this.idPrefix}ConfigMap`, {
      metadata: this.metadata(undefined, config.name),
      immutable: true,
      data: config.data,
    });
  }
}
