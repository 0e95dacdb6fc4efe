import { ApiObject } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { splitTracks } from './canary/track-split';
import { TrafficStrategy } from './canary/traffic-strategy';
import { ApiProtocol } from './conventions/api-protocol';
import { checkPinnedImage } from './conventions/image';
import { StandardLabel } from './conventions/labels';
import { NetworkPort } from './conventions/network-port';
import { ExposureOptions } from './network/exposure-options';
import { resolveExposure } from './network/ingress';
import { PeerSelection } from './network/network-peer';
import { resolveServiceType } from './network/service-type';
import { checkInteger, checkObjectName } from './private/checks';
import { fail } from './private/errors';
import { keepPatchedValues } from './private/keep-values';
import { refuseNameCollisions } from './private/unique-names';
import { Autoscaling, resolveAutoscaling } from './workload/autoscaling';
import { resolveConfig } from './workload/config';
import { resolveEnv } from './workload/env';
import { GoldenConstruct } from './workload/golden-construct';
import { createMonitor } from './workload/metrics';
import { Wiring } from './workload/wiring';
import { Workload } from './workload/workload';
import { WorkloadOptions } from './workload/workload-props';

/** One track of a release: its image, and optionally its own config and environment. */
export interface ReleaseTrackProps {
  /** The image, pinned to a tag or digest. */
  readonly image: string;
  /**
   * Config files of this track (replacing the release's `config`): a change here is canaried.
   * @default - the release's `config`
   */
  readonly config?: { [fileName: string]: string };
  /**
   * Environment variables of this track (replacing the release's `env`).
   * @default - the release's `env`
   */
  readonly env?: { [name: string]: string };
}

/** The canary track: its image and its share of traffic. */
export interface CanaryTrackProps extends ReleaseTrackProps {
  /** The percent of traffic for the canary: a whole number from 0 to 100. */
  readonly weight: number;
}

/** A release of a service in two tracks. */
export interface CanaryReleaseProps extends WorkloadOptions, ExposureOptions {
  /** The stable track: what most traffic goes to. */
  readonly stable: ReleaseTrackProps;
  /**
   * The canary track and its weight. Start it at weight 0 and raise it one step per commit; promote
   * by making its image the stable image and removing `canary`, in one commit; abort by setting its
   * weight to 0.
   * @default - no canary: only the stable track runs
   */
  readonly canary?: CanaryTrackProps;
  /**
   * How traffic moves to the canary.
   * @default TrafficStrategy.replicaRatio()
   */
  readonly strategy?: TrafficStrategy;
  /**
   * The weights the rollout may use, ascending, e.g. [0, 5, 25, 50, 100]: a weight outside them is
   * refused, so each commit moves one reviewed step.
   * @default - any weight from 0 to 100
   */
  readonly steps?: number[];
  /**
   * The protocol the service speaks. `ApiProtocol.TCP` works with the replica-ratio strategy and
   * no `host` only (raw TCP cannot be routed by HTTP host or weight).
   * @default ApiProtocol.HTTP
   */
  readonly protocol?: ApiProtocol;
}

/** The objects of one track. */
export interface ReleaseTrack {
  /** `<name>-stable` or `<name>-canary`. */
  readonly name: string;
  /** The track's selector labels: name, instance and track. */
  readonly selectorLabels: { [key: string]: string };
  /** Fixed pods of the track; undefined under its autoscaler. */
  readonly replicas?: number;
  readonly deployment: k8s.KubeDeployment;
  readonly service: k8s.KubeService;
  readonly serviceAccount: k8s.KubeServiceAccount;
  readonly podDisruptionBudget: k8s.KubePodDisruptionBudget;
  readonly networkPolicy: k8s.KubeNetworkPolicy;
  readonly autoscaler?: k8s.KubeHorizontalPodAutoscalerV2;
  readonly configMap?: k8s.KubeConfigMap;
}

const LONGEST_TRACK_SUFFIX = '-canary'.length;

/**
 * A release as code: a stable and a canary track of one service, and the traffic between them.
 * Each move of the weight is a reviewable commit; promotion and abort are code changes. A
 * WebService with two tracks when `host` is given (or traffic comes through a Gateway), an
 * InternalApi with two tracks otherwise.
 */
export class CanaryRelease extends GoldenConstruct {
  /** The release's name: the Service clients use, and the prefix of the tracks' names. */
  public readonly name: string;
  /** The namespace of its chart, if the chart has one. */
  public readonly namespace?: string;
  /** The canary's percent of traffic; undefined without a canary. */
  public readonly weight?: number;
  /** How traffic moves to the canary. */
  public readonly strategy: TrafficStrategy;
  /** The container port. */
  public readonly port: number;
  /** The Service port. */
  public readonly servicePort: number;
  /** The stable track. */
  public readonly stable: ReleaseTrack;
  /** The canary track, when there is one. */
  public readonly canary?: ReleaseTrack;
  /**
   * The Service `<name>` that in-cluster callers use. It selects both tracks with the replica
   * ratio, and with the Gateway API or ingress-nginx the stable track at weight 0, both tracks from
   * 1 to 99 and the canary at 100.
   */
  public readonly service: k8s.KubeService;
  /** The Ingress, when `host` is given, the strategy uses one and the release is not exposed through the platform's Gateway. */
  public readonly ingress?: k8s.KubeIngress;
  /** The ingress-nginx canary Ingress. */
  public readonly canaryIngress?: k8s.KubeIngress;
  /** The HTTPRoute of the Gateway API strategy, or of `host` through the platform's Gateway (PlatformDefaults.gateway). */
  public readonly httpRoute?: ApiObject;
  /**
   * The ServiceMonitor `<name>` of `metrics` (when the platform runs the Prometheus Operator):
   * it selects the two track Services, which carry the `metrics` port, so that each pod is
   * scraped once and its series say which track it belongs to.
   */
  public readonly monitor?: ApiObject;

  /** @internal */
  protected readonly _wiring: Wiring;

  constructor(scope: Construct, id: string, props: CanaryReleaseProps) {
    super(scope, id);
    if (props === null || typeof props !== 'object') {
      fail(this, 'props', 'must be an object', props, "pass at least { stable: { image: '…' } }");
    }
    this.name = checkObjectName(this, 'name', props.name ?? id, 63 - LONGEST_TRACK_SUFFIX);
    const strategy = props.strategy ?? TrafficStrategy.replicaRatio();
    if (!TrafficStrategy.isTrafficStrategy(strategy)) {
      fail(this, 'strategy', 'must be a TrafficStrategy', strategy, 'use TrafficStrategy.replicaRatio(), gatewayApi({...}) or ingressNginx()');
    }
    this.strategy = strategy;

    // The tracks' images and the weight.
    const stableTrack = this.track('stable', props.stable);
    const canaryTrack = props.canary === undefined ? undefined : this.track('canary', props.canary) as CanaryTrackProps;
    if (canaryTrack !== undefined && canaryTrack.image === stableTrack.image) {
      fail(this, 'canary.image', 'is the stable image: there is nothing to canary', canaryTrack.image,
        'set the new image on the canary, or, to promote, set it as stable.image and remove canary');
    }
    this.weight = canaryTrack === undefined ? undefined
      : checkInteger(this, 'canary.weight', canaryTrack.weight, 0, 100, 'use a whole percent from 0 (abort) to 100 (all traffic on the canary)');
    this.checkSteps(props.steps);
    // The release's own env and config, even where both tracks replace them.
    if (props.env !== undefined) {
      resolveEnv(this, props.env, undefined);
    }
    if (props.config !== undefined) {
      resolveConfig(this, this.name, props.config);
    }
    const traffic = strategy._bind(this, props);

    // Sizes.
    let autoscaling: Autoscaling | undefined;
    let total = 0;
    if (props.autoscaling !== undefined) {
      if (props.replicas !== undefined) {
        fail(this, 'replicas', 'cannot be set together with autoscaling (the autoscalers own the replica counts)', props.replicas, 'remove `replicas` or `autoscaling`');
      }
      autoscaling = resolveAutoscaling(this, props.autoscaling);
    } else {
      total = checkInteger(this, 'replicas', props.replicas ?? 3, 2, 10000, 'use a whole number of at least 2, so that both tracks can run at once (or use autoscaling)');
    }
    const sizes = splitTracks(traffic.splitsByPods, total, autoscaling, this.weight);

    // The tracks.
    const exposure = traffic.usesIngress ? resolveExposure(this, this.name, props, traffic.ingressOnly ? traffic.name : undefined) : undefined;
    const protocol = props.protocol ?? ApiProtocol.HTTP;
    if (!ApiProtocol.isApiProtocol(protocol)) {
      fail(this, 'protocol', 'must be an ApiProtocol', protocol, 'use ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC or ApiProtocol.TCP');
    }
    if (protocol._rawTcp && (!traffic.usesIngress || exposure?.host !== undefined)) {
      fail(this, 'protocol', 'raw TCP cannot be routed by HTTP host, path or weight (an Ingress or HTTPRoute)', traffic.usesIngress ? exposure?.host : traffic.name,
        'leave out `host` and use TrafficStrategy.replicaRatio(), which splits TCP connections by the tracks\' pods');
    }
    const component = !traffic.usesIngress || exposure?.host !== undefined ? 'web' : 'api';
    // The release Service is the one a load balancer fronts; the tracks' Services stay ClusterIP.
    const loadBalancer = resolveServiceType(this, 'serviceType', props.serviceType);
    const core = (track: string, given: ReleaseTrackProps, size: { replicas: number; autoscaling?: Autoscaling }) => new Workload(this, {
      ...props,
      name: `${this.name}-${track}`,
      replicas: undefined,
      autoscaling: undefined,
      serviceType: undefined,
      config: given.config ?? props.config,
      env: given.env ?? props.env,
      image: given.image,
    }, { component, protocol, track: { appName: this.name, track, replicas: size.replicas, autoscaling: size.autoscaling } });
    const stableCore = core('stable', stableTrack, sizes.stable);
    const canaryCore = canaryTrack === undefined ? undefined : core('canary', canaryTrack, sizes.canary!);
    const cores = [stableCore, ...(canaryCore ? [canaryCore] : [])];
    this.namespace = stableCore.namespace;
    this.port = stableCore.port;
    this.servicePort = stableCore.servicePort;
    // The cores are the tracks: a ReleaseTrack is read from its core, never copied.
    // A track's core always makes its Service (only a Worker's core has none).
    this.stable = stableCore as ReleaseTrack;
    this.canary = canaryCore as ReleaseTrack | undefined;
    this._wiring = new Wiring(this, () => cores, this.namespace, this.port);

    // The release Service: what in-cluster callers use.
    const labels: Record<string, string> = Object.fromEntries(Object.entries(stableCore.labels).filter(([key]) => key !== StandardLabel.TRACK));
    labels[StandardLabel.INSTANCE] = this.name;
    this.service = keepPatchedValues(new k8s.KubeService(this, 'Service', {
      metadata: { ...stableCore.metadata(loadBalancer?.annotations, this.name), labels },
      spec: {
        type: loadBalancer === undefined ? 'ClusterIP' : 'LoadBalancer',
        externalTrafficPolicy: loadBalancer === undefined ? undefined : 'Local',
        loadBalancerSourceRanges: loadBalancer?.sourceRanges,
        selector: releaseSelector(this.name, traffic.splitsByPods, this.weight),
        ports: [{
          name: stableCore.portName,
          port: this.servicePort,
          targetPort: k8s.IntOrString.fromString(stableCore.portName),
          protocol: 'TCP',
          appProtocol: protocol.appProtocol,
        }],
      },
    }));

    if (loadBalancer !== undefined) {
      cores.forEach((c) => c.allowLoadBalancer(loadBalancer));
    }
    // Metrics: the track Services carry the metrics port, the release Service does not.
    const metrics = stableCore.metrics;
    if (metrics !== undefined && metrics.monitoring.prometheusOperator === true) {
      this.monitor = createMonitor(this, 'ServiceMonitor', metrics, {
        kind: 'ServiceMonitor',
        metadata: { ...stableCore.metadata(undefined, this.name), labels },
        selector: {
          matchLabels: { [StandardLabel.NAME]: this.name },
          matchExpressions: [{ key: StandardLabel.TRACK, operator: 'Exists' }],
        },
      });
    }

    // Traffic.
    const routed = traffic.route({
      scope: this,
      name: this.name,
      namespace: this.namespace,
      weight: this.weight,
      labels,
      servicePort: this.servicePort,
      portName: stableCore.portName,
      service: this.service.name,
      stableService: this.stable.service.name,
      canaryService: this.canary?.service.name,
      exposure,
      props,
      allowFrom: (peer) => this._wiring.allowFrom([peer]),
    });
    this.ingress = routed.ingress;
    this.canaryIngress = routed.canaryIngress;
    this.httpRoute = routed.httpRoute;
    refuseNameCollisions(this, () => [this.service, this.ingress, this.canaryIngress, this.httpRoute, this.monitor]
      .filter((o): o is ApiObject => o !== undefined));
  }

  /** Both tracks' pods, on their port. */
  public toPeerSelection(): PeerSelection {
    return {
      description: `CanaryRelease ${this.node.path}`,
      namespace: this.namespace,
      podLabels: { [StandardLabel.NAME]: this.name },
      ports: [NetworkPort.tcp(this.port)],
      golden: true,
    };
  }

  private track(field: string, given: unknown): ReleaseTrackProps {
    if (given === null || typeof given !== 'object') {
      fail(this, field, 'must be a track', given, `pass { image: 'registry/app:1.2.3'${field === 'canary' ? ', weight: 10' : ''} }`);
    }
    const track = given as ReleaseTrackProps;
    checkPinnedImage(this, `${field}.image`, track.image);
    if (track.config !== undefined) {
      resolveConfig(this, this.name, track.config, `${field}.config`);
    }
    if (track.env !== undefined) {
      resolveEnv(this, track.env, undefined, `${field}.`);
    }
    return track;
  }

  private checkSteps(steps: unknown): void {
    if (steps === undefined) {
      return;
    }
    if (!Array.isArray(steps) || steps.length === 0) {
      fail(this, 'steps', 'must be a list of weights', steps, 'list the weights the rollout may use, such as [0, 5, 25, 50, 100]');
    }
    steps.forEach((step, i) => {
      checkInteger(this, `steps[${i}]`, step, 0, 100);
      if (i > 0 && step <= steps[i - 1]) {
        fail(this, `steps[${i}]`, `must be above the step before it (${steps[i - 1]})`, step, 'list the weights in ascending order, each once');
      }
    });
    if (this.weight !== undefined && !steps.includes(this.weight)) {
      fail(this, 'canary.weight', `is not one of the declared steps (${steps.join(', ')})`, this.weight, 'move to the next declared step, or declare this weight in `steps`');
    }
  }

}

/**
 * The pods behind the release Service `<name>`. With the replica ratio, both tracks: their pods are
 * the split. With a router (Gateway API, ingress-nginx), the route splits outside traffic, and both
 * tracks keep pods at weight 0 and 100; in-cluster callers then get the stable track at weight 0
 * (abort means abort), the canary at 100, and both tracks in between, where the canary's pods are
 * at most its weight plus one pod. Only the Service's selector changes with the weight, never a
 * Deployment's.
 */
function releaseSelector(name: string, splitsByPods: boolean, weight: number | undefined): Record<string, string> {
  const both = { [StandardLabel.NAME]: name };
  if (splitsByPods || weight === undefined || (weight > 0 && weight < 100)) {
    return both;
  }
  return { ...both, [StandardLabel.TRACK]: weight === 0 ? 'stable' : 'canary' };
}
