import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';

/**
 * Egress to the cluster DNS (CoreDNS / kube-dns in kube-system) on port 53 over UDP and TCP:
 * the one egress every workload gets by default.
 */
export function dnsEgressRule(): k8s.NetworkPolicyEgressRule {
  return {
    to: [{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    }],
    ports: [
      { port: k8s.IntOrString.fromNumber(53), protocol: 'UDP' },
      { port: k8s.IntOrString.fromNumber(53), protocol: 'TCP' },
    ],
  };
}
