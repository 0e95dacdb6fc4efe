import { Lazy } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';

/**
 * The ingress and egress rules of one NetworkPolicy, each added once (as cdk8s-plus's
 * `NetworkPolicy.addIngressRule` / `addEgressRule`): rules are collected while the app is built
 * and read at synth, so wiring declared after the policy was created still lands in it.
 */
export class NetworkRules {
  private readonly ingress: k8s.NetworkPolicyIngressRule[] = [];
  private readonly egress: k8s.NetworkPolicyEgressRule[] = [];
  private readonly keys = new Set<string>();

  /** Whether anything may reach the pods. */
  public get hasIngress(): boolean {
    return this.ingress.length > 0;
  }

  /** Lets a peer reach the pods on a named port. Adding the same rule twice adds one. */
  public allowIngressFrom(peer: k8s.NetworkPolicyPeer, portName: string): void {
    const rule: k8s.NetworkPolicyIngressRule = { from: [peer], ports: [{ port: k8s.IntOrString.fromString(portName), protocol: 'TCP' }] };
    if (this.once('ingress', rule)) {
      this.ingress.push(rule);
    }
  }

  /** Lets the pods open connections to a peer on these ports. Adding the same rule twice adds one. */
  public allowEgressTo(peer: k8s.NetworkPolicyPeer, ports: k8s.NetworkPolicyPort[]): void {
    this.allowEgress({ to: [peer], ports });
  }

  /** Adds an egress rule (such as the one to the cluster DNS or the API server). Adding the same rule twice adds one. */
  public allowEgress(rule: k8s.NetworkPolicyEgressRule): void {
    if (this.once('egress', rule)) {
      this.egress.push(rule);
    }
  }

  /** The spec of a NetworkPolicy over these rules, for both directions, read at synth. */
  public policySpec(podSelector: k8s.LabelSelector): k8s.NetworkPolicySpec {
    return {
      podSelector,
      policyTypes: ['Ingress', 'Egress'],
      ingress: Lazy.any({ produce: () => this.ingress }) as any,
      egress: Lazy.any({ produce: () => this.egress }) as any,
    };
  }

  /** True the first time a rule of that direction is seen. */
  private once(direction: string, rule: unknown): boolean {
    const key = `${direction}:${JSON.stringify(rule)}`;
    if (this.keys.has(key)) {
      return false;
    }
    this.keys.add(key);
    return true;
  }
}
