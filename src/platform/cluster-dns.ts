import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkPorts, NetworkPort, policyPorts } from '../conventions/network-port';
import { brand, isBranded } from '../private/brand';
import { checkLabels, checkNamespaceName } from '../private/checks';
import { checkCidr } from '../private/cidr';
import { fail } from '../private/errors';

/**
 * Where the pods' DNS queries go, for the one egress every pod gets: the cluster DNS pods
 * (selected by namespace and labels), or an address block such as the node-local DNS cache.
 * The platform team sets it once, as `PlatformDefaults.dns`.
 */
export class ClusterDns {
  /**
   * CoreDNS / kube-dns as most distributions run it: pods labelled `k8s-app: kube-dns` in
   * `kube-system`, port 53 over UDP and TCP.
   */
  public static readonly KUBE_DNS = ClusterDns.pods('kube-system', { 'k8s-app': 'kube-dns' });

  /**
   * OpenShift's cluster DNS: pods labelled `dns.operator.openshift.io/daemonset-dns: default` in
   * `openshift-dns`, which listen on port 5353 over UDP and TCP (the Service maps 53 to 5353, and
   * NetworkPolicies see the pod's port).
   */
  public static readonly OPENSHIFT = ClusterDns.pods('openshift-dns', { 'dns.operator.openshift.io/daemonset-dns': 'default' },
    [NetworkPort.udp(5353), NetworkPort.tcp(5353)]);

  /** Whether `x` is a ClusterDns, from any installed copy of this library. */
  public static isClusterDns(x: any): x is ClusterDns {
    return isBranded(x, 'ClusterDns');
  }

  /**
   * DNS pods selected by namespace and labels.
   * @param namespace the namespace of the DNS pods
   * @param podLabels labels of the DNS pods (at least one)
   * @param ports the ports the DNS pods listen on; default 53 over UDP and TCP
   */
  public static pods(namespace: string, podLabels: { [key: string]: string }, ports?: NetworkPort[]): ClusterDns {
    return new ClusterDns(namespace, podLabels, undefined, ports);
  }

  /**
   * DNS servers at an address block, such as NodeLocal DNSCache's link-local address
   * `169.254.20.10/32`.
   * @param cidr the block, in CIDR notation
   * @param ports the ports the servers listen on; default 53 over UDP and TCP
   */
  public static ipBlock(cidr: string, ports?: NetworkPort[]): ClusterDns {
    return new ClusterDns(undefined, undefined, cidr, ports);
  }

  private constructor(
    private readonly namespace: string | undefined,
    private readonly podLabels: { [key: string]: string } | undefined,
    private readonly cidr: string | undefined,
    private readonly ports: NetworkPort[] | undefined,
  ) {
    brand(this, 'ClusterDns');
  }

  /** What the DNS peer is, for people: `pods k8s-app=kube-dns in namespace kube-system on 53/UDP, 53/TCP`. */
  public describe(): string {
    const where = this.cidr !== undefined ? `ip block ${this.cidr}`
      : `pods ${Object.entries(this.podLabels ?? {}).map(([k, v]) => `${k}=${v}`).join(',')} in namespace ${this.namespace}`;
    const ports = (this.ports ?? [NetworkPort.udp(53), NetworkPort.tcp(53)]).map((p) => `${p?.port}/${p?.protocol}`).join(', ');
    return `${where} on ${ports}`;
  }

  /**
   * The egress rule to the DNS servers, checked.
   * @internal
   */
  public _toEgressRule(scope: IConstruct, field: string): k8s.NetworkPolicyEgressRule {
    const ports = this.ports === undefined ? [NetworkPort.udp(53), NetworkPort.tcp(53)] : checkPorts(scope, `${field}.ports`, this.ports);
    if (ports.length === 0) {
      fail(scope, `${field}.ports`, 'must list the ports the DNS servers listen on', [], 'leave ports out for 53 over UDP and TCP, or pass [NetworkPort.udp(5353), NetworkPort.tcp(5353)]');
    }
    if (this.cidr !== undefined) {
      return { to: [{ ipBlock: { cidr: checkCidr(scope, `${field}.cidr`, this.cidr) } }], ports: policyPorts(ports) };
    }
    const namespace = checkNamespaceName(scope, `${field}.namespace`, this.namespace);
    const labels = checkLabels(scope, `${field}.podLabels`, this.podLabels);
    if (Object.keys(labels).length === 0) {
      fail(scope, `${field}.podLabels`, 'selects every pod of the namespace', labels, "name the DNS pods' labels, such as { 'k8s-app': 'kube-dns' }");
    }
    return {
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } },
        podSelector: { matchLabels: labels },
      }],
      ports: policyPorts(ports),
    };
  }
}
