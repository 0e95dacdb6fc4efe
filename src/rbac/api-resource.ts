import { brand, isBranded } from '../private/brand';

/** A kind of object in the Kubernetes API, for RBAC grants. */
export class ApiResource {
  /** ConfigMaps. */
  public static readonly CONFIG_MAPS = new ApiResource('', 'configmaps');
  /** Secrets: a grant on every Secret of the namespace must be acknowledged with a reason. */
  public static readonly SECRETS = new ApiResource('', 'secrets');
  /** Pods. */
  public static readonly PODS = new ApiResource('', 'pods');
  /** Pod logs. */
  public static readonly PODS_LOG = new ApiResource('', 'pods/log');
  /** Exec into pods: a remote shell; must be acknowledged with a reason. */
  public static readonly PODS_EXEC = new ApiResource('', 'pods/exec');
  /** Attach to pods: must be acknowledged with a reason. */
  public static readonly PODS_ATTACH = new ApiResource('', 'pods/attach');
  /** Services. */
  public static readonly SERVICES = new ApiResource('', 'services');
  /** EndpointSlices, for client-side load balancing. */
  public static readonly ENDPOINT_SLICES = new ApiResource('discovery.k8s.io', 'endpointslices');
  /** Events. */
  public static readonly EVENTS = new ApiResource('', 'events');
  /**
   * Leases. Reading them is all `grantRead` allows; leader election also creates and updates its
   * Lease: use `grantLeaderElection(leaseName)`.
   */
  public static readonly LEASES = new ApiResource('coordination.k8s.io', 'leases');
  /** Deployments. */
  public static readonly DEPLOYMENTS = new ApiResource('apps', 'deployments');

  /** Whether `x` is an ApiResource, from any installed copy of this library. */
  public static isApiResource(x: any): x is ApiResource {
    return isBranded(x, 'ApiResource');
  }

  /**
   * Any other resource, such as a custom resource.
   * @param apiGroup the API group, '' for the core group
   * @param resource the plural resource name, e.g. `certificates`
   */
  public static of(apiGroup: string, resource: string): ApiResource {
    return new ApiResource(apiGroup, resource);
  }

  private constructor(
    /** The API group ('' for the core group). */
    public readonly apiGroup: string,
    /** The plural resource name, with a subresource after `/`. */
    public readonly resource: string,
  ) {
    brand(this, 'ApiResource');
  }

  /** `resource.group`, or `resource` for the core group. */
  public toString(): string {
    return this.apiGroup === '' ? this.resource : `${this.resource}.${this.apiGroup}`;
  }
}
