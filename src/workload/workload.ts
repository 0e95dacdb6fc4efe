import { ApiObject, Chart } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { Autoscaling, resolveAutoscaling } from './autoscaling';
import { createMonitor, METRICS_PORT_NAME, monitoringPeer, resolveMetrics, ResolvedMetrics, scrapeAnnotations } from './metrics';
import { buildPodTemplate, PodTemplate } from './pod-template';
import { WorkloadProps } from './workload-props';
import { ACKNOWLEDGEMENT_PREFIX, acknowledgementKey } from '../conventions/acknowledgements';
import { ApiProtocol } from '../conventions/api-protocol';
import { disruptionBudget } from '../conventions/disruption-budget';
import { checkPinnedImage, versionLabelOf } from '../conventions/image';
import { selectorLabels, standardLabels, StandardLabel } from '../conventions/labels';
import { ResourcePreset } from '../conventions/resource-preset';
import { resolveRollout } from '../conventions/rollout';
import { RuleId } from '../conventions/rule-ids';
import { restrictedSecurity } from '../conventions/security-context';
import { resolveShutdown } from '../conventions/shutdown';
import { requireQuota } from '../namespace/workload-quota';
import { dnsAcknowledgement, dnsEgressRule } from '../network/dns-egress';
import { NetworkRules } from '../network/network-rules';
import { everyAddressFamily, ResolvedLoadBalancer, resolveServiceType, ServiceType } from '../network/service-type';
import { checkCpuLimits } from '../platform/cpu-limits';
import { PlatformDefaults, PlatformDefaultsProps } from '../platform/platform-defaults';
import { checkAllowedRegistry } from '../platform/registries';
import { checkPriorityClassName } from '../platform/scheduling';
import { SecurityPreset } from '../platform/security-preset';
import { checkAnnotations, checkInteger, checkLabels, checkObjectName, checkPortName, checkReferenceName, isLabelValue } from '../private/checks';
import { fail, problem } from '../private/errors';
import { keepPatchedValues } from '../private/keep-values';
import { refuseNameCollisions } from '../private/unique-names';
import { CheckedGrant } from '../rbac/grants';
import { WorkloadAccess } from '../rbac/workload-access';

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
  /**
   * The pods take no connections (a Worker): no Service, no container port unless `port` is
   * given (an admin port for probes and metrics), and a NetworkPolicy that denies all ingress on
   * purpose rather than for want of `allowFrom`.
   * @default false
   */
  readonly noIngress?: boolean;
  /**
   * A scaler outside the output (a KEDA ScaledObject, whose HPA KEDA creates in the cluster)
   * owns the replica count: the Deployment carries no `replicas`, and runs at most this many pods.
   * @default - the core's own replicas or autoscaler
   */
  readonly externalScaling?: ExternalScaling;
  /**
   * The object that runs the pods.
   * @default - a Deployment
   */
  readonly controller?: WorkloadController;
}

/**
 * The object that runs the pods when it is not the core's Deployment: a CronJob or a Job (run to
 * completion, no replicas, no PodDisruptionBudget) or a StatefulSet.
 */
export interface WorkloadController {
  /**
   * Pods that run to completion (a Job, a CronJob's jobs): the pod template gets this restart
   * policy, no readiness or startup probe, no spread or anti-affinity; the core makes no
   * PodDisruptionBudget and takes no `replicas` or `autoscaling`.
   * @default - long-running pods
   */
  readonly batch?: { readonly restartPolicy: string; readonly maxPods: number };
  /**
   * The controller replaces pods one at a time without a surge (a StatefulSet): the core takes
   * no `rollout`, and the quota counts `replicas` pods.
   * @default false
   */
  readonly noSurge?: boolean;
  /**
   * Services the construct makes beside the core's, for the quota (a StatefulSet's headless Service).
   * @default 0
   */
  readonly extraServices?: number;
  /** Makes the object from the core (its name, replicas, metadata) and the pods' template. */
  create(core: Workload, template: k8s.PodTemplateSpec, annotations: Record<string, string>): ApiObject;
}

/** A replica count owned by a scaler the core does not create. */
export interface ExternalScaling {
  /** The most pods the scaler may run. */
  readonly maxReplicas: number;
  /** The annotations it puts on the Deployment (acknowledgements of the rules it satisfies). */
  readonly annotations?: Record<string, string>;
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

const TRACK_SIZE_REASON = 'a canary release track runs as many pods as its share of traffic needs';

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
 * The hardened core every golden construct is made of, a construct under the golden construct
 * that owns it (`Workload` in a WebService, `Stable` and `Canary` in a CanaryRelease): the
 * ServiceAccount, the object running the pods (a Deployment unless the role gives another
 * controller), Service, PodDisruptionBudget, NetworkPolicy and, when asked for, an autoscaler and
 * a ConfigMap, all named after the workload and created as the core's children. Errors name the
 * owner, where the props were given. The Role and RoleBinding a later grant makes are created on
 * the owner, after the objects the owner made itself (an Ingress), so that adding the core kept
 * the output's order: cdk8s writes objects in the order of the construct tree.
 *
 * All defaults are applied here, once. The core is assembled from parts, each of one concern: the
 * pod template (`buildPodTemplate`), the NetworkPolicy's rules (`NetworkRules`), identity and API
 * access (`WorkloadAccess`), and the quota it needs of its namespace (`requireQuota`); the
 * opinions come from `conventions/`.
 */
export class Workload extends Construct {
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

  /** The Deployment running the pods, unless the role gave another controller. */
  public readonly deployment?: k8s.KubeDeployment;
  /** The object running the pods: the Deployment, or what the role's controller made. */
  public readonly controller: ApiObject;
  /** The Service in front of the pods; none for a workload that takes no connections. */
  public readonly service?: k8s.KubeService;
  /** The PodDisruptionBudget; none for pods that run to completion. */
  public readonly podDisruptionBudget?: k8s.KubePodDisruptionBudget;
  public readonly networkPolicy: k8s.KubeNetworkPolicy;
  public readonly autoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  public readonly configMap?: k8s.KubeConfigMap;
  /** The ServiceMonitor or PodMonitor of `metrics`, when the platform runs the Prometheus Operator (a CanaryRelease makes its own). */
  public readonly monitor?: ApiObject;
  /** `metrics`, checked. */
  public readonly metrics?: ResolvedMetrics;
  /** The load balancer of the Service, when `serviceType` is one. */
  public readonly loadBalancer?: ResolvedLoadBalancer;

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

  /** The pod template the Deployment embeds. */
  public readonly podTemplate: PodTemplate;
  /** The NetworkPolicy's rules. */
  public readonly networkRules = new NetworkRules();
  /** The ServiceAccount, and the Role and token once something is granted. */
  public readonly access: WorkloadAccess;

  /**
   * @param owner the golden construct: errors name it, and the objects of later grants are its children
   * @param props the owner's props; `name` defaults to the owner's id
   */
  constructor(private readonly owner: Construct, props: WorkloadProps, role: WorkloadRole) {
    if (props === null || typeof props !== 'object') {
      fail(owner, 'props', 'must be an object', props, 'pass at least { image }');
    }
    // A track's core is named after it (`Stable`, `Canary`), and so are the Role and RoleBinding its grants make on the owner.
    const trackId = role.track === undefined ? undefined : `${role.track.track[0].toUpperCase()}${role.track.track.slice(1)}`;
    super(owner, trackId ?? 'Workload');
    // Identity and labels.
    this.platform = PlatformDefaults.of(owner);
    const dnsEgress = dnsEgressRule(owner, this.platform.dns);
    this.networkRules.allowEgress(dnsEgress);
    const image = checkPinnedImage(owner, 'image', props.image);
    checkAllowedRegistry(owner, 'image', props.image, this.platform.allowedRegistries);
    this.name = checkObjectName(owner, 'name', props.name ?? owner.node.id);
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
    const appPort = role.noIngress && props.port === undefined ? undefined : this.port;
    this.metrics = props.metrics === undefined ? undefined : resolveMetrics(owner, props.metrics, {
      monitoring: this.platform.monitoring,
      appPort,
      appPortName: appPort === undefined ? undefined : this.portName,
      batch: role.controller?.batch !== undefined,
    });
    if (this.metrics !== undefined && !role.noIngress && this.metrics.port === this.servicePort) {
      fail(owner, 'metrics.port', 'is also the Service port of the app', this.metrics.port, 'serve metrics on another port, or change servicePort');
    }
    if (props.serviceType !== undefined && role.noIngress) {
      fail(owner, 'serviceType', 'does not apply: the pods take no connections and have no Service',
        ServiceType.isServiceType(props.serviceType) ? props.serviceType.type : props.serviceType, 'leave it out');
    }
    this.loadBalancer = resolveServiceType(owner, 'serviceType', props.serviceType);
    if (this.loadBalancer !== undefined && role.headless) {
      fail(owner, 'serviceType', 'a headless Service (clusterIP: None) cannot be a LoadBalancer', 'LoadBalancer', 'leave out `headless`, or `serviceType`');
    }

    // Scale.
    let autoscaling: Autoscaling | undefined;
    const batch = role.controller?.batch;
    if (role.controller?.noSurge && props.rollout !== undefined) {
      fail(owner, 'rollout', 'does not apply to a StatefulSet (it replaces one pod at a time, the highest ordinal first, with no surge)', props.rollout, 'leave it out');
    }
    if (batch !== undefined) {
      if (props.replicas !== undefined || props.autoscaling !== undefined) {
        fail(owner, props.replicas !== undefined ? 'replicas' : 'autoscaling', 'does not apply to pods that run to completion', props.replicas ?? props.autoscaling,
          'leave it out (a job runs one pod at a time)');
      }
      if (props.rollout !== undefined) {
        fail(owner, 'rollout', 'does not apply to pods that run to completion (nothing rolls: every run starts new pods)', props.rollout, 'leave it out');
      }
    } else if (role.externalScaling !== undefined) {
      if (props.replicas !== undefined || props.autoscaling !== undefined) {
        fail(owner, props.replicas !== undefined ? 'replicas' : 'autoscaling', 'cannot be set together with a scaler that owns the replica count',
          props.replicas ?? props.autoscaling, 'remove it, or use one way of scaling');
      }
    } else if (role.track !== undefined) {
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

    // The pods.
    const preset = this.platform.securityPreset ?? SecurityPreset.RESTRICTED;
    const security = restrictedSecurity(owner, props.security, preset.fixedIds);
    const shutdown = resolveShutdown(owner, props.shutdown);
    const rollout = resolveRollout(owner, props.rollout);
    const resources = (props.resources ?? this.platform.resources ?? ResourcePreset.SMALL);
    if (!ResourcePreset.isResourcePreset(resources)) {
      fail(owner, 'resources', 'must be a ResourcePreset', resources, 'use ResourcePreset.SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})');
    }
    this.resources = resources;
    const cpuLimits = checkCpuLimits(owner, this.platform.cpuLimits);
    this.cpuLimits = cpuLimits.enabled;
    const most = this.replicas ?? autoscaling?.maxReplicas ?? role.externalScaling?.maxReplicas ?? 0;
    this.maxPods = batch !== undefined ? batch.maxPods : role.controller?.noSurge ? most : most + rollout.surgePods(most);
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
    const priorityClassName = props.priorityClassName !== undefined ? checkPriorityClassName(owner, 'priorityClassName', props.priorityClassName)
      : this.platform.priorityClassName === undefined ? undefined : checkReferenceName(owner, 'priorityClassName', this.platform.priorityClassName);
    this.podTemplate = buildPodTemplate(props, {
      owner,
      name: this.name,
      labels: this.labels,
      selectorLabels: this.selectorLabels,
      podAnnotations: scrapeAnnotations(owner, this.metrics, podAnnotations),
      protocol: role.protocol,
      port: appPort === undefined ? undefined : { name: this.portName, number: this.port },
      metricsPort: this.metrics?.port,
      security,
      shutdown,
      resources,
      cpuLimits: cpuLimits.enabled,
      priorityClassName,
      platform: this.platform,
      restartPolicy: batch?.restartPolicy,
      // The tracks of a CanaryRelease run side by side: together always more than one pod.
      maxPods: role.track === undefined ? this.maxPods : Math.max(2, this.maxPods),
    });
    Object.assign(acknowledgements, this.podTemplate.acknowledgements);

    // The objects.
    this.access = new WorkloadAccess({
      scope: this,
      lateScope: owner,
      lateIdPrefix: trackId ?? '',
      name: this.name,
      namespace: this.namespace,
      metadata: () => this.metadata(),
      mountToken: (volume, mount) => this.podTemplate.mount(volume, mount),
    });

    const config = this.podTemplate.config;
    if (config) {
      this.configMap = keepPatchedValues(new k8s.KubeConfigMap(this, 'ConfigMap', {
        metadata: this.metadata(undefined, config.name),
        immutable: true,
        data: config.data,
      }));
    }

    this.deployment = role.controller !== undefined ? undefined : keepPatchedValues(new k8s.KubeDeployment(this, 'Deployment', {
      metadata: this.metadata({
        ...(autoscaling || role.externalScaling ? { 'polaris.fairwinds.com/deploymentMissingReplicas-exempt': 'true' } : {}),
        ...role.externalScaling?.annotations,
        ...acknowledgements,
      }),
      spec: {
        replicas: this.replicas,
        revisionHistoryLimit: rollout.revisionHistoryLimit,
        minReadySeconds: rollout.minReadySeconds,
        progressDeadlineSeconds: rollout.progressDeadlineSeconds,
        selector: { matchLabels: this.selectorLabels },
        strategy: rollout.strategy,
        template: this.podTemplate.spec,
      },
    }));

    this.controller = this.deployment ?? role.controller!.create(this, this.podTemplate.spec, acknowledgements);

    // A load balancer does not carry the metrics port (the cloud would open a listener for it): its pods get a PodMonitor.
    const metricsServicePort = this.metrics === undefined || role.noIngress || this.loadBalancer !== undefined ? undefined : this.metrics.port;
    this.service = role.noIngress ? undefined : keepPatchedValues(new k8s.KubeService(this, 'Service', {
      metadata: this.metadata(this.loadBalancer?.annotations),
      spec: {
        type: this.loadBalancer === undefined ? 'ClusterIP' : 'LoadBalancer',
        clusterIp: role.headless ? 'None' : undefined,
        externalTrafficPolicy: this.loadBalancer === undefined ? undefined : 'Local',
        loadBalancerSourceRanges: this.loadBalancer?.sourceRanges,
        selector: this.selectorLabels,
        ports: [{
          name: this.portName,
          port: this.servicePort,
          targetPort: k8s.IntOrString.fromString(this.portName),
          protocol: 'TCP',
          appProtocol: role.protocol.appProtocol,
        }, ...metricsServicePort === undefined ? [] : [{
          name: METRICS_PORT_NAME,
          port: metricsServicePort,
          targetPort: k8s.IntOrString.fromString(METRICS_PORT_NAME),
          protocol: 'TCP',
          appProtocol: 'http',
        }]],
      },
    }));

    this.podDisruptionBudget = batch !== undefined ? undefined : keepPatchedValues(new k8s.KubePodDisruptionBudget(this, 'PodDisruptionBudget', {
      metadata: this.metadata(),
      spec: disruptionBudget(this.selectorLabels),
    }));

    this.networkPolicy = keepPatchedValues(new k8s.KubeNetworkPolicy(this, 'NetworkPolicy', {
      metadata: this.metadata(dnsAcknowledgement(dnsEgress)),
      spec: this.networkRules.policySpec({ matchLabels: { [StandardLabel.INSTANCE]: this.name } }),
    }));
    if (this.metrics !== undefined) {
      this.networkRules.allowScrapeFrom(monitoringPeer(this.metrics), METRICS_PORT_NAME);
      if (this.metrics.monitoring.prometheusOperator === true && role.track === undefined) {
        this.monitor = createMonitor(this, metricsServicePort === undefined ? 'PodMonitor' : 'ServiceMonitor', this.metrics, {
          kind: metricsServicePort === undefined ? 'PodMonitor' : 'ServiceMonitor',
          metadata: this.metadata(),
          selector: { matchLabels: this.selectorLabels },
        });
      }
    }
    if (this.loadBalancer !== undefined) {
      this.allowLoadBalancer(this.loadBalancer);
    }

    if (autoscaling) {
      this.autoscaler = keepPatchedValues(new k8s.KubeHorizontalPodAutoscalerV2(this, 'Autoscaler', {
        metadata: this.metadata(autoscaling.minReplicas < 2 ? { [acknowledgementKey(RuleId.HPA_MIN)]: TRACK_SIZE_REASON } : undefined),
        spec: {
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: this.name },
          minReplicas: autoscaling.minReplicas,
          maxReplicas: autoscaling.maxReplicas,
          metrics: autoscaling.metrics,
        },
      }));
    }

    refuseNameCollisions(owner, () => this.objects());
    requireQuota(owner, this.namespace, () => {
      const v = this.podTemplate.podResources();
      return {
        owner,
        name: this.name,
        pods: this.maxPods,
        services: (this.service ? 1 : 0) + (role.controller?.extraServices ?? 0),
        cpuRequest: v.cpuRequest,
        cpuLimit: v.cpuLimit,
        memory: v.memory,
        ephemeralStorageRequest: v.storageRequest,
        ephemeralStorageLimit: v.storageLimit,
      };
    });
    owner.node.addValidation({
      validate: () => (role.noIngress || this.networkRules.hasIngress ? [] : [problem('allowFrom', `nothing may reach the pods${role.track ? ` of the ${role.track.track} track` : ''}: their NetworkPolicy denies all ingress`,
        'no peers', `declare the clients with ${owner.node.id}.allowFrom(...) (a golden workload, NetworkPeer.pods(labels) or NetworkPeer.namespace(name))`)]),
    });
  }

  /** The ServiceAccount of the pods. */
  public get serviceAccount(): k8s.KubeServiceAccount {
    return this.access.serviceAccount;
  }

  /** The Role of the grants, once something was granted. */
  public get role(): k8s.KubeRole | undefined {
    return this.access.role;
  }

  /** The RoleBinding of the grants, once something was granted. */
  public get roleBinding(): k8s.KubeRoleBinding | undefined {
    return this.access.roleBinding;
  }

  /** Every object of the core. */
  public objects(): ApiObject[] {
    return [this.serviceAccount, this.configMap, this.controller, this.service, this.podDisruptionBudget, this.networkPolicy, this.autoscaler,
      this.monitor, this.role, this.roleBinding].filter((o): o is ApiObject => o !== undefined);
  }

  /** Lets a peer reach the pods' port. Adding the same peer twice adds one rule. */
  public allowIngressFrom(peer: k8s.NetworkPolicyPeer): void {
    this.networkRules.allowIngressFrom(peer, this.portName);
  }

  /**
   * Lets the clients of a load balancer reach the pods' port: an ipBlock per source range (the
   * Service's `externalTrafficPolicy: Local` keeps their addresses), and the reason of a range of
   * every address on the NetworkPolicy, as for `NetworkPeer.ipBlock`.
   */
  public allowLoadBalancer(loadBalancer: ResolvedLoadBalancer): void {
    for (const cidr of loadBalancer.sourceRanges) {
      this.allowIngressFrom({ ipBlock: { cidr } });
      const family = everyAddressFamily(cidr);
      if (family !== undefined) {
        this.networkPolicy.metadata.addAnnotation(`cdk8s-golden.io/every-${family}-address-reason`, loadBalancer.reason);
      }
    }
  }

  /** Lets the pods open connections to a peer on these ports. Adding the same rule twice adds one. */
  public allowEgressTo(peer: k8s.NetworkPolicyPeer, ports: k8s.NetworkPolicyPort[]): void {
    this.networkRules.allowEgressTo(peer, ports);
  }

  /** Adds an egress rule (such as the one to the API server). Adding the same rule twice adds one. */
  public allowEgress(rule: k8s.NetworkPolicyEgressRule): void {
    this.networkRules.allowEgress(rule);
  }

  /**
   * Adds a checked rule to the workload's Role, creating the Role and its RoleBinding on first
   * use and mounting a short-lived, projected API token.
   */
  public grant(grant: CheckedGrant): void {
    this.access.grant(grant);
  }

  /** Metadata of an object of this workload. */
  public metadata(annotations?: Record<string, string>, name?: string): k8s.ObjectMeta {
    const merged = { ...this.annotations, ...annotations };
    return { name: name ?? this.name, labels: this.labels, annotations: Object.keys(merged).length > 0 ? merged : undefined };
  }

  private labelValue(field: string, value: unknown): string {
    if (typeof value !== 'string' || value.length === 0 || !isLabelValue(value)) {
      fail(this.owner, field, 'must be a label value', value, "use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
    }
    return value;
  }
}
