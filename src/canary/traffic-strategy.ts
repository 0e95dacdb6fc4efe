import { IConstruct } from 'constructs';
import { GatewayApi, GatewayApiOptions } from './gateway-api';
import { IngressNginx, IngressNginxOptions } from './ingress-nginx';
import { ReplicaRatio } from './replica-ratio';
import { BoundTraffic, TrafficRouting } from './traffic-routing';
import { ExposureOptions } from '../network/exposure-options';
import { brand, isBranded } from '../private/brand';

/**
 * How a CanaryRelease moves traffic to the canary. Each strategy binds itself to the release it
 * is given to: it checks its options there, sizes the tracks' share of the pods, and creates the
 * objects that route traffic (an Ingress, a canary Ingress, an HTTPRoute).
 */
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
    return new TrafficStrategy(new ReplicaRatio());
  }

  /**
   * An HTTPRoute (`gateway.networking.k8s.io/v1`) with weighted backendRefs to the two track
   * Services, attached to the platform's Gateway (PlatformDefaults.gateway) unless the options
   * name another.
   */
  public static gatewayApi(options?: GatewayApiOptions): TrafficStrategy {
    return new TrafficStrategy(new GatewayApi(options));
  }

  /** The main Ingress plus a canary Ingress with ingress-nginx's `canary-weight`. Needs `host`. */
  public static ingressNginx(options: IngressNginxOptions = {}): TrafficStrategy {
    return new TrafficStrategy(new IngressNginx(options));
  }

  private constructor(private readonly routing: TrafficRouting) {
    brand(this, 'TrafficStrategy');
  }

  /**
   * Binds the strategy to a release: checks the options and the release's props it depends on,
   * throwing at the release.
   * @internal
   */
  public _bind(release: IConstruct, props: ExposureOptions): BoundTraffic {
    return this.routing.bind(release, props);
  }
}
