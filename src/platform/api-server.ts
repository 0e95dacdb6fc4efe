import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkInteger } from '../private/checks';
import { checkCidr } from '../private/cidr';
import { fail } from '../private/errors';

/**
 * Where pods reach the Kubernetes API server, as NetworkPolicies see it. A pod calls the
 * `kubernetes` Service, but NetworkPolicies match the address after the Service is translated:
 * the API server's endpoints, listed by
 * `kubectl get endpointslices -n default -l kubernetes.io/service-name=kubernetes`.
 */
export interface ApiServerAddress {
  /**
   * The API server's endpoint addresses in CIDR notation, such as `['10.0.0.10/32']`, or the
   * range of the control plane's addresses (which changes less often than the addresses).
   */
  readonly cidrs: string[];
  /**
   * The endpoint port: 443 on GKE, EKS and AKS, 6443 with kubeadm, k3s and kind. Not the
   * Service's port, for the same reason as the addresses.
   */
  readonly port: number;
}

/** The egress rule to the API server, checked. */
export function apiServerEgressRule(scope: IConstruct, field: string, address: unknown): k8s.NetworkPolicyEgressRule {
  if (address === null || typeof address !== 'object' || Array.isArray(address)) {
    fail(scope, field, 'must be the API server\'s addresses and port', address, "pass { cidrs: ['10.0.0.10/32'], port: 443 }");
  }
  const { cidrs, port } = address as ApiServerAddress;
  if (!Array.isArray(cidrs) || cidrs.length === 0) {
    fail(scope, `${field}.cidrs`, 'must list at least one address block', cidrs,
      "pass the endpoint addresses of the `kubernetes` Service, such as ['10.0.0.10/32']");
  }
  const checked = cidrs.map((cidr, i) => checkCidr(scope, `${field}.cidrs[${i}]`, cidr));
  const number = checkInteger(scope, `${field}.port`, port, 1, 65535);
  return {
    to: checked.map((cidr) => ({ ipBlock: { cidr } })),
    ports: [{ port: k8s.IntOrString.fromNumber(number), protocol: 'TCP' }],
  };
}
