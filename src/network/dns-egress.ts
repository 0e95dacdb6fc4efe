import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
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
