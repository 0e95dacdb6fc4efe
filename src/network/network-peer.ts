import { NetworkPort } from '../conventions/network-port';

/** How a peer is selected in a NetworkPolicy rule. */
export interface PeerSelection {
  /** What the peer is, for error messages, e.g. `pods app=orders in namespace payments`. */
  readonly description: string;
  /**
   * The peer's namespace.
   * @default - the namespace of the policy's workload
   */
  readonly namespace?: string;
  /**
   * Labels of the peer's pods.
   * @default - every pod of the namespace (with `namespace`), or none (with `cidr`)
   */
  readonly podLabels?: { [key: string]: string };
  /**
   * An IP range outside the cluster, in CIDR notation.
   * @default - not an IP range
   */
  readonly cidr?: string;
  /**
   * Ranges inside `cidr` that are not part of the peer.
   * @default - none
   */
  readonly except?: string[];
  /**
   * The written reason for an IP range of every address (`0.0.0.0/0`, `::/0`).
   * @default - none (such a range is refused)
   */
  readonly reason?: string;
  /**
   * The ports the peer listens on, for traffic to it.
   * @default - the peer declares none (a golden workload's own port is used for golden peers)
   */
  readonly ports?: NetworkPort[];
  /**
   * Whether the peer is a golden workload of this library, whose own NetworkPolicy gets the
   * matching rule.
   * @default false
   */
  readonly golden?: boolean;
}

/**
 * Something traffic can be allowed from or to: a WebService, an InternalApi, pods selected by
 * labels, a whole namespace, or an IP range.
 */
export interface INetworkPeer {
  /** How the peer is selected in NetworkPolicy rules. */
  toPeerSelection(): PeerSelection;
}

/** Options of a label-selected peer. */
export interface PodsPeerOptions {
  /**
   * The namespace of the pods.
   * @default - the namespace of the workload that allows the traffic
   */
  readonly namespace?: string;
  /**
   * The ports the pods listen on; required for `allowTo`.
   * @default - none (enough for `allowFrom`)
   */
  readonly ports?: NetworkPort[];
}

/** Peers that are not golden workloads. */
export class NetworkPeer implements INetworkPeer {
  /**
   * Every pod of a namespace (selected by its `kubernetes.io/metadata.name` label).
   * @param ports the ports to allow for `allowTo`
   */
  public static namespace(name: string, ports?: NetworkPort[]): NetworkPeer {
    return new NetworkPeer({ description: `namespace ${name}`, namespace: name, ports });
  }

  /** Pods with these labels, in the workload's namespace unless another is given. */
  public static pods(labels: { [key: string]: string }, options: PodsPeerOptions = {}): NetworkPeer {
    const entries = labels !== null && typeof labels === 'object' ? Object.entries(labels) : [];
    const shown = entries.length === 0 ? '(no labels)' : entries.map(([k, v]) => `${k}=${v}`).join(',');
    const where = options.namespace === undefined ? '' : ` in namespace ${options.namespace}`;
    return new NetworkPeer({ description: `pods ${shown}${where}`, podLabels: labels, namespace: options.namespace, ports: options.ports });
  }

  /**
   * An IP range outside the cluster, for `allowTo`: a database, a SaaS API, a partner network.
   *
   * A range holding the cloud metadata address (`169.254.169.254`, `fd00:ec2::254`), which hands
   * out the node's credentials, is refused unless `except` leaves that address out; the address
   * itself is refused. Every address (`0.0.0.0/0`, `::/0`) needs a written `reason`, kept on the
   * workload's NetworkPolicy as the annotation `cdk8s-golden.io/every-ipv4-address-reason` (or `-ipv6-`).
   *
   * @param cidr the range, e.g. `203.0.113.0/24` or `2001:db8::/32`
   * @param ports the ports to allow
   * @param except ranges inside `cidr` to leave out
   * @param reason why the workload may reach every address; required for `0.0.0.0/0` and `::/0`, refused otherwise
   */
  public static ipBlock(cidr: string, ports: NetworkPort[], except?: string[], reason?: string): NetworkPeer {
    return new NetworkPeer({ description: `ip block ${cidr}`, cidr, ports, except, reason });
  }

  private constructor(private readonly selection: PeerSelection) {}

  public toPeerSelection(): PeerSelection {
    return this.selection;
  }
}
