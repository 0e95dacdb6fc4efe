import { Chart, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { NetworkRules } from '../../src/network/network-rules';

function policyOf(rules: NetworkRules): any {
  const chart = Testing.chart();
  new k8s.KubeNetworkPolicy(chart, 'policy', { metadata: { name: 'web' }, spec: rules.policySpec({ matchLabels: { app: 'web' } }) });
  return Testing.synth(chart as Chart)[0].spec;
}

describe('NetworkRules', () => {
  test('a new set of rules lets nothing in or out, for both directions', () => {
    // GIVEN
    const rules = new NetworkRules();
    // WHEN
    const spec = policyOf(rules);
    // THEN
    expect(rules.hasIngress).toBe(false);
    expect(spec).toEqual({ podSelector: { matchLabels: { app: 'web' } }, policyTypes: ['Ingress', 'Egress'], ingress: [], egress: [] });
  });

  test('adds each rule once, and rules added after the policy was made still land in it', () => {
    // GIVEN
    const rules = new NetworkRules();
    const chart = Testing.chart();
    new k8s.KubeNetworkPolicy(chart, 'policy', { metadata: { name: 'web' }, spec: rules.policySpec({ matchLabels: { app: 'web' } }) });
    const peer = { podSelector: { matchLabels: { app: 'shop' } } };
    // WHEN
    rules.allowIngressFrom(peer, 'http');
    rules.allowIngressFrom(peer, 'http');
    rules.allowEgressTo(peer, [{ port: k8s.IntOrString.fromNumber(443), protocol: 'TCP' }]);
    rules.allowEgress({ to: [peer], ports: [{ port: k8s.IntOrString.fromNumber(443), protocol: 'TCP' }] });
    // THEN
    const spec = Testing.synth(chart)[0].spec;
    expect(rules.hasIngress).toBe(true);
    expect(spec.ingress).toEqual([{ from: [peer], ports: [{ port: 'http', protocol: 'TCP' }] }]);
    expect(spec.egress).toEqual([{ to: [peer], ports: [{ port: 443, protocol: 'TCP' }] }]);
  });

  test('the scrape rule of the platform\'s Prometheus is added once and is no client: hasIngress stays false', () => {
    // GIVEN
    const rules = new NetworkRules();
    const prometheus = { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'monitoring' } } };
    // WHEN
    rules.allowScrapeFrom(prometheus, 'metrics');
    rules.allowScrapeFrom(prometheus, 'metrics');
    // THEN
    expect(rules.hasIngress).toBe(false);
    expect(policyOf(rules).ingress).toEqual([{ from: [prometheus], ports: [{ port: 'metrics', protocol: 'TCP' }] }]);
    // AND a client afterwards counts
    rules.allowIngressFrom({ podSelector: { matchLabels: { app: 'shop' } } }, 'http');
    expect(rules.hasIngress).toBe(true);
  });
});
