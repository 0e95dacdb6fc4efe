import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { Workload } from './workload';
import { checkPorts, NetworkPort, policyPorts } from '../conventions/network-port';
import { INetworkPeer, PeerSelection } from '../network/network-peer';
import { checkLabelPeers, LabelPeer } from '../network/peer-check';
import { policyPeer } from '../network/policy-peer';
import { apiServerEgressRule } from '../platform/api-server';
import { PlatformDefaults } from '../platform/platform-defaults';
import { fail, formatValue } from '../private/errors';
import { ApiResource } from '../rbac/api-resource';
import { GrantOptions } from '../rbac/grant-options';
import { CheckedGrant, checkGrant, checkLeaderElectionGrant } from '../rbac/grants';

/** The wiring of each golden construct (WebService, InternalApi, CanaryRelease), by construct. */
const wirings = new WeakMap<object, Wiring>();

/**
 * Network and RBAC wiring of a golden construct over its workload cores (one for a WebService or
 * an InternalApi, one per track for a CanaryRelease): what `allowFrom`, `allowTo` and the grants
 * do, in one place.
 */
export class Wiring {
  /** The wiring of a golden construct, if the peer is one. */
  public static of(peer: unknown): Wiring | undefined {
    return peer !== null && typeof peer === 'object' ? wirings.get(peer) : undefined;
  }

  private readonly labelPeers: LabelPeer[] = [];
  /** Why the owner's pods take no connections, when they take none (a Worker). */
  private noIngressReason?: string;
  private readonly labelPeerKeys = new Set<string>();

  constructor(
    private readonly owner: Construct & INetworkPeer,
    private readonly cores: () => Workload[],
    /** The namespace of the owner's chart. */
    private readonly namespace: string | undefined,
    /** The owner's port, which peers reach. */
    private readonly port: number,
  ) {
    wirings.set(owner, this);
    checkLabelPeers(owner, () => this.labelPeers);
  }

  /**
   * Lets peers reach every core's port; golden peers also get the matching egress. Every peer is
   * checked before any is wired, so a refused call changes nothing.
   */
  public allowFrom(peers: INetworkPeer[]): void {
    if (this.noIngressReason !== undefined && peers.length > 0) {
      fail(this.owner, 'allowFrom', this.noIngressReason, peers.map((p) => this.selectionOf('allowFrom', p).description).join(', '),
        'let the clients reach a WebService or InternalApi instead, or talk to them through a queue');
    }
    const steps = peers.map((peer, i) => {
      const field = `allowFrom[${i}]`;
      const selection = this.selectionOf(field, peer);
      const source = Wiring.of(peer);
      if (source === undefined && selection.ports !== undefined && selection.cidr === undefined) {
        fail(this.owner, `${field}.ports`, 'only apply to allowTo (traffic here always goes to this workload\'s port)', selection.ports.map((p) => p.port), 'leave ports out');
      }
      const from = policyPeer(this.owner, field, selection, this.namespace);
      const to = source === undefined ? undefined : policyPeer(this.owner, field, this.owner.toPeerSelection(), source.namespace);
      return () => {
        this.cores().forEach((core) => core.allowIngressFrom(from));
        this.keepEveryAddressReason(selection);
        this.trackLabelPeer(field, selection, undefined);
        if (source !== undefined && to !== undefined) {
          source.cores().forEach((core) => core.allowEgressTo(to, policyPorts([NetworkPort.tcp(this.port)])));
        }
      };
    });
    steps.forEach((wire) => wire());
  }

  /**
   * Lets every core open connections to peers (golden peers get the matching ingress). Every peer
   * is checked before any is wired, so a refused call changes nothing.
   */
  public allowTo(peers: INetworkPeer[]): void {
    const steps = peers.map((peer, i) => {
      const field = `allowTo[${i}]`;
      const selection = this.selectionOf(field, peer);
      const target = Wiring.of(peer);
      if (target !== undefined) {
        if (target.noIngressReason !== undefined) {
          fail(this.owner, field, `names ${target.owner.node.path}, which ${target.noIngressReason}`, this.selectionOf(field, peer).description,
            'allow traffic to a WebService or InternalApi instead');
        }
        // Checked here too, from the target's side, so that nothing is wired when it is refused.
        policyPeer(target.owner, 'allowFrom[0]', this.owner.toPeerSelection(), target.namespace);
        return () => target.allowFrom([this.owner]);
      }
      const ports = selection.ports === undefined ? [] : checkPorts(this.owner, `${field}.ports`, selection.ports);
      if (ports.length === 0) {
        fail(this.owner, `${field}.ports`, `traffic to ${selection.description} needs the ports it may use`, selection.ports,
          'pass ports, such as NetworkPeer.ipBlock(\'203.0.113.0/24\', [NetworkPort.tcp(443)])');
      }
      const to = policyPeer(this.owner, field, selection, this.namespace);
      return () => {
        this.cores().forEach((core) => core.allowEgressTo(to, policyPorts(ports)));
        this.keepEveryAddressReason(selection);
        this.trackLabelPeer(field, selection, ports);
      };
    });
    steps.forEach((wire) => wire());
  }

  /** The objects that run the owner's pods (a Deployment per track, a StatefulSet…). */
  public controllers(): ApiObject[] {
    return this.cores().map((core) => core.controller);
  }

  /** Refuses every peer that would reach the owner's pods: they take no connections, for this reason. */
  public refuseIngress(reason: string): void {
    this.noIngressReason = reason;
  }

  /**
   * Keeps the written reason for an IP block of every address (`0.0.0.0/0`, `::/0`, refused
   * without one) on each core's NetworkPolicy, for reviewers: the annotation
   * `cdk8s-golden.io/every-ipv4-address-reason` or `…every-ipv6-address-reason`.
   */
  private keepEveryAddressReason(selection: PeerSelection): void {
    if (selection.reason === undefined || selection.cidr === undefined) {
      return;
    }
    const family = selection.cidr.includes(':') ? 'ipv6' : 'ipv4';
    for (const core of this.cores()) {
      core.networkPolicy.metadata.addAnnotation(`cdk8s-golden.io/every-${family}-address-reason`, selection.reason);
    }
  }

  /** Adds a checked read grant to every core's Role, and egress to the API server. */
  public grantRead(resource: ApiResource, options: GrantOptions | undefined): void {
    this.checkNamespace('grantRead');
    const grant = checkGrant(this.owner, 'grantRead', resource, options ?? {});
    this.addGrants('grantRead', [grant]);
  }

  /** Adds the grants of leader election on one Lease to every core's Role, and egress to the API server. */
  public grantLeaderElection(leaseName: string): void {
    this.checkNamespace('grantLeaderElection');
    this.addGrants('grantLeaderElection', checkLeaderElectionGrant(this.owner, 'grantLeaderElection', leaseName));
  }

  private checkNamespace(field: string): void {
    if (this.namespace === undefined) {
      fail(this.owner, field, 'a Role and its binding need a namespace, and the chart has none', undefined, 'set `namespace` on the chart');
    }
  }

  /**
   * Grants are only usable when the pods can reach the API server: the platform must have
   * declared where it is, and every core gets egress to it with the grants.
   */
  private addGrants(field: string, grants: CheckedGrant[]): void {
    const apiServer = PlatformDefaults.of(this.owner).apiServer;
    if (apiServer === undefined) {
      fail(this.owner, field, 'the pods would get an API token but could not reach the Kubernetes API server, which their NetworkPolicy does not allow',
        'no PlatformDefaults.apiServer',
        "declare the API server's endpoint addresses and port once, with PlatformDefaults.set(app, { apiServer: { cidrs: ['10.0.0.10/32'], port: 443 } }) "
        + '(see kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes)');
    }
    const egress = apiServerEgressRule(this.owner, 'PlatformDefaults.apiServer', apiServer);
    this.cores().forEach((core) => {
      core.allowEgress(egress);
      grants.forEach((grant) => core.grant(grant));
    });
  }

  private selectionOf(field: string, peer: unknown): PeerSelection {
    const selection = peer !== null && typeof peer === 'object' && typeof (peer as INetworkPeer).toPeerSelection === 'function'
      ? (peer as INetworkPeer).toPeerSelection() : undefined;
    if (selection === undefined || typeof selection !== 'object' || typeof selection.description !== 'string') {
      fail(this.owner, field, 'is not a network peer', typeof peer === 'object' && peer !== null ? peer.constructor?.name ?? formatValue(peer) : peer,
        'pass a WebService, an InternalApi, a CanaryRelease, NetworkPeer.pods(labels), NetworkPeer.namespace(name) or NetworkPeer.ipBlock(cidr, ports)');
    }
    if (selection.golden === true && (selection.namespace === undefined) !== (this.namespace === undefined)) {
      fail(this.owner, field, `cannot tell whether ${selection.description} shares this workload's namespace: one chart has a namespace, the other none`,
        selection.namespace ?? 'no namespace', 'set `namespace` on both charts');
    }
    return selection;
  }

  private trackLabelPeer(field: string, selection: PeerSelection, ports: NetworkPort[] | undefined): void {
    if (selection.golden === true || selection.podLabels === undefined) {
      return;
    }
    const peer: LabelPeer = {
      field,
      description: selection.description,
      namespace: selection.namespace ?? this.namespace,
      labels: selection.podLabels,
      ports: ports?.map((p) => ({ port: p.port, protocol: p.protocol })),
    };
    // The same peer allowed again is checked (and reported) once.
    const key = JSON.stringify([peer.namespace, peer.labels, peer.ports, field.split('[')[0]]);
    if (!this.labelPeerKeys.has(key)) {
      this.labelPeerKeys.add(key);
      this.labelPeers.push(peer);
    }
  }
}
