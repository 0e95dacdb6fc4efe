import { Construct } from 'constructs';
import { Wiring } from './wiring';
import { INetworkPeer, PeerSelection } from '../network/network-peer';
import { ApiResource } from '../rbac/api-resource';
import { GrantOptions } from '../rbac/grant-options';

/**
 * What every golden construct that runs pods shares (WebService, InternalApi, CanaryRelease):
 * it is a network peer, its NetworkPolicies admit only what `allowFrom` and `allowTo` declare,
 * and its pods reach the Kubernetes API only through grants.
 */
export abstract class GoldenConstruct extends Construct implements INetworkPeer {
  /**
   * The wiring of the construct's pods, set by the subclass's constructor.
   * @internal
   */
  protected abstract readonly _wiring: Wiring;

  /** How the construct's pods are selected in NetworkPolicy rules. */
  public abstract toPeerSelection(): PeerSelection;

  /**
   * Lets peers open connections to the pods' port (every track of a CanaryRelease). A golden
   * peer also gets the matching egress rule in its own NetworkPolicy.
   */
  public allowFrom(...peers: INetworkPeer[]): void {
    this._wiring.allowFrom(peers);
  }

  /**
   * Lets the pods open connections to peers: golden constructs (on their port; they get the
   * matching ingress rule), pods or namespaces with `ports`, or IP ranges outside the cluster.
   * DNS is always allowed; nothing else is.
   */
  public allowTo(...peers: INetworkPeer[]): void {
    this._wiring.allowTo(peers);
  }

  /**
   * Lets the pods read objects of a kind in their namespace through the Kubernetes API: a Role
   * scoped to the namespace (and to `names` when given) bound to the ServiceAccount, and egress
   * to the API server the platform declares (`PlatformDefaults.apiServer`; refused without it).
   * Wildcards are impossible; every Secret, `pods/exec` and `pods/attach` need an acknowledgement.
   */
  public grantRead(resource: ApiResource, options: GrantOptions = {}): void {
    this._wiring.grantRead(resource, options);
  }

  /**
   * Lets the pods take part in leader election on one Lease (client-go's `leaderelection`,
   * controller-runtime's manager): get and update on that Lease by name, and create on Leases,
   * which RBAC cannot limit by name (`resourceNames` never matches a create, since the object does
   * not exist yet). Like every grant, it needs `PlatformDefaults.apiServer`.
   * @param leaseName the name of the Lease, in the workload's namespace
   */
  public grantLeaderElection(leaseName: string): void {
    this._wiring.grantLeaderElection(leaseName);
  }

  /** Lets the pods read these ConfigMaps, by name. */
  public grantReadConfigMap(...names: string[]): void {
    this.grantRead(ApiResource.CONFIG_MAPS, { names });
  }

  /** Lets the pods read these Secrets, by name (never every Secret). */
  public grantReadSecret(...names: string[]): void {
    this.grantRead(ApiResource.SECRETS, { names });
  }
}
