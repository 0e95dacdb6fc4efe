import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { acknowledgementKey } from '../conventions/acknowledgements';
import { RuleId } from '../conventions/rule-ids';
import { ClusterDns } from '../platform/cluster-dns';
import { fail } from '../private/errors';

/**
 * Egress to the cluster DNS, the one egress every workload and every SecureNamespace gets: to the
 * DNS the platform declares (`PlatformDefaults.dns`), by default CoreDNS / kube-dns in kube-system
 * on port 53 over UDP and TCP.
 * @param scope the construct whose NetworkPolicy it is, for errors
 * @param dns the platform's DNS, if it declares one
 */
export function dnsEgressRule(scope: IConstruct, dns: ClusterDns | undefined): k8s.NetworkPolicyEgressRule {
  const peer = dns ?? ClusterDns.KUBE_DNS;
  if (!ClusterDns.isClusterDns(peer)) {
    fail(scope, 'PlatformDefaults.dns', 'must be a ClusterDns', peer, "use ClusterDns.KUBE_DNS, ClusterDns.OPENSHIFT, ClusterDns.pods(...) or ClusterDns.ipBlock('169.254.20.10/32')");
  }
  return peer._toEgressRule(scope, 'PlatformDefaults.dns');
}

/**
 * The acknowledgement of `netpol-dns-egress` for a NetworkPolicy holding the DNS egress rule, when
 * the platform's DNS listens on a port the rule does not know (other than 53 and 5353): the
 * platform declared it, so the policy says so. Undefined for the usual ports.
 * @param rule the DNS egress rule, as `dnsEgressRule` made it
 */
export function dnsAcknowledgement(rule: k8s.NetworkPolicyEgressRule): Record<string, string> | undefined {
  const ports = (rule.ports ?? []).map((p) => `${p.port?.value}/${p.protocol ?? 'TCP'}`);
  const usual = (rule.ports ?? []).every((p) => p.port?.value === 53 || p.port?.value === 5353);
  return usual ? undefined : {
    [acknowledgementKey(RuleId.NETPOL_DNS_EGRESS)]: `egress to the platform's DNS (PlatformDefaults.dns) on ${ports.join(', ')}`,
  };
}
