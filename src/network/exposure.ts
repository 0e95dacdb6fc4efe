import { brand, isBranded } from '../private/brand';

/** How a public service is reached from outside the cluster: an Ingress, or an HTTPRoute to the platform's Gateway. */
export class Exposure {
  /** An Ingress (with TLS) served by the platform's IngressClass. */
  public static readonly INGRESS = new Exposure('ingress');
  /**
   * An HTTPRoute (`gateway.networking.k8s.io/v1`) attached to the platform's Gateway
   * (`PlatformDefaults.gateway`), which owns TLS.
   */
  public static readonly GATEWAY = new Exposure('gateway');

  /** Whether `x` is an Exposure, from any installed copy of this library. */
  public static isExposure(x: any): x is Exposure {
    return isBranded(x, 'Exposure');
  }

  private constructor(
    /** `ingress` or `gateway`. */
    public readonly kind: string,
  ) {
    brand(this, 'Exposure');
  }
}
