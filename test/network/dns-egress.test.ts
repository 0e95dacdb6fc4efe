import { dnsEgressRule } from '../../src/network/dns-egress';

describe('dnsEgressRule', () => {
  test('allows the cluster DNS pods in kube-system', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule();
    // THEN
    expect(rule.to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    }]);
  });

  test('on port 53 over UDP and TCP', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule();
    // THEN
    expect(rule.ports!.map((p) => [p.port!.value, p.protocol])).toEqual([[53, 'UDP'], [53, 'TCP']]);
  });

  test('namespace and pod selector are one peer, so both must match', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule();
    // THEN
    expect(rule.to).toHaveLength(1);
    expect(Object.keys(rule.to![0]).sort()).toEqual(['namespaceSelector', 'podSelector']);
  });

  test('is a new rule on every call', () => {
    // GIVEN / WHEN
    const a = dnsEgressRule();
    const b = dnsEgressRule();
    // THEN
    expect(a).not.toBe(b);
    expect(a.to).not.toBe(b.to);
  });
});
