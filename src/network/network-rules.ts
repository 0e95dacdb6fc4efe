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
  /** The ingress rules of clients (every rule but the scrape rule of the platform's Prometheus). */
  private clientRules = 0;

  /** Whether a client may reach the pods (the platform's Prometheus on the metrics port is no client). */
  public get hasIngress(): boolean {
    return this.clientRules > 0;
  }

  /** Lets a peer reach the pods on a named port. Adding the same rule twice adds one. */
  public allowIngressFrom(peer: k8s.NetworkPolicyPeer, portName: string): void {
    if (this.addIngress(peer, portName)) {
      this.clientRules++;
    }
  }

  /**
   * Lets the platform's Prometheus reach the pods on the metrics port. Not a client: `hasIngress`
   * ignores it. Adding the same rule twice adds one.
   */
  public allowScrapeFrom(peer: k8s.NetworkPolicyPeer, portName: string): void {
    this.addIngress(peer, portName);
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

  /** Adds an ingress rule on a named port, once; true when it was added. */
  private addIngress(peer: k8s.NetworkPolicyPeer, portName: string): boolean {
    const rule: k8s.NetworkPolicyIngressRule = { from: [peer], ports: [{ port: k8s.IntOrString.fromString(portName), protocol: 'TCP' }] };
    if (!this.once('ingress', rule)) {
      return false;
    }
    this.ingress.push(rule);
    return true;
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
