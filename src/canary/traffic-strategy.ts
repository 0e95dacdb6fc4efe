import { brand, isBranded } from '../private/brand';

/** A header that always routes a request to the canary (for testers and synthetic checks). */
export interface CanaryHeaderMatch {
  /** The header name, e.g. `x-canary`. */
  readonly name: string;
  /** The exact value that selects the canary, e.g. `always`. */
  readonly value: string;
}

/** Where an HTTPRoute attaches, and who may send traffic to the tracks. */
export interface GatewayApiOptions {
  /** The Gateway the HTTPRoute attaches to. */
  readonly gatewayName: string;
  /**
   * The Gateway's namespace (its listener must allow routes from the release's namespace).
   * @default - the release's namespace
   */
  readonly gatewayNamespace?: string;
  /**
   * The Gateway listener to attach to.
   * @default - every listener that accepts the route
   */
  readonly sectionName?: string;
  /**
   * The namespace of the gateway's data-plane pods, allowed into both tracks.
   * @default - the Gateway's namespace
   */
  readonly controllerNamespace?: string;
  /**
   * A header that always routes to the canary.
   * @default - none
   */
  readonly canaryHeader?: CanaryHeaderMatch;
}

/** ingress-nginx canary settings. */
export interface IngressNginxOptions {
  /**
   * A header that always routes to the canary (`canary-by-header`, `canary-by-header-value`).
   * @default - none
   */
  readonly canaryHeader?: CanaryHeaderMatch;
}

/** The kinds of strategy. */
export enum TrafficStrategyKind {
  /** Pods of both tracks behind one Service, in the ratio of the weight. */
  REPLICA_RATIO = 'replica-ratio',
  /** A Gateway API HTTPRoute with weighted backends. */
  GATEWAY_API = 'gateway-api',
  /** ingress-nginx canary annotations on a second Ingress. */
  INGRESS_NGINX = 'ingress-nginx',
}

/** How a CanaryRelease moves traffic to the canary. */
export class TrafficStrategy {
  /** Whether `x` is a TrafficStrategy, from any installed copy of this library. */
  public static isTrafficStrategy(x: any): x is TrafficStrategy {
    return isBranded(x, 'TrafficStrategy');
  }

  /**
   * The canary's share of the pods behind the release's Service follows the weight (within one
   * pod). Needs no mesh, gateway or controller; cannot route by header.
   */
  public static replicaRatio(): TrafficStrategy {
    return new TrafficStrategy(TrafficStrategyKind.REPLICA_RATIO, undefined, undefined);
  }

  /** An HTTPRoute (`gateway.networking.k8s.io/v1`) with weighted backendRefs to the two track Services. */
  public static gatewayApi(options: GatewayApiOptions): TrafficStrategy {
    return new TrafficStrategy(TrafficStrategyKind.GATEWAY_API, options, undefined);
  }

  /** The main Ingress plus a canary Ingress with ingress-nginx's `canary-weight`. Needs `host`. */
  public static ingressNginx(options: IngressNginxOptions = {}): TrafficStrategy {
    return new TrafficStrategy(TrafficStrategyKind.INGRESS_NGINX, undefined, options);
  }

  private constructor(
    /** The kind of strategy. */
    public readonly kind: TrafficStrategyKind,
    /** The Gateway API options, for that strategy. */
    public readonly gatewayApiOptions: GatewayApiOptions | undefined,
    /** The ingress-nginx options, for that strategy. */
    public readonly ingressNginxOptions: IngressNginxOptions | undefined,
  ) {
    brand(this, 'TrafficStrategy');
  }
}
