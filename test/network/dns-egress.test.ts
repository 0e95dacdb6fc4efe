import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterDns } from '../../src';
import { dnsEgressRule } from '../../src/network/dns-egress';

function scope(): Construct {
  return new Construct(Testing.chart(), 'web');
}

describe('dnsEgressRule', () => {
  test('without a platform DNS, allows the cluster DNS pods in kube-system', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule(scope(), undefined);
    // THEN
    expect(rule.to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    }]);
  });

  test('on port 53 over UDP and TCP', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule(scope(), undefined);
    // THEN
    expect(rule.ports!.map((p) => [p.port!.value, p.protocol])).toEqual([[53, 'UDP'], [53, 'TCP']]);
  });

  test('namespace and pod selector are one peer, so both must match', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule(scope(), undefined);
    // THEN
    expect(rule.to).toHaveLength(1);
    expect(Object.keys(rule.to![0]).sort()).toEqual(['namespaceSelector', 'podSelector']);
  });

  test('with a platform DNS, allows that DNS instead', () => {
    // GIVEN / WHEN
    const rule = dnsEgressRule(scope(), ClusterDns.ipBlock('169.254.20.10/32'));
    // THEN
    expect(rule.to).toEqual([{ ipBlock: { cidr: '169.254.20.10/32' } }]);
  });

  test('refuses a platform DNS that is no ClusterDns, as a field of PlatformDefaults', () => {
    // GIVEN / WHEN / THEN
    expect(() => dnsEgressRule(scope(), { namespace: 'kube-system' } as any)).toThrow(
      "[test/web] PlatformDefaults.dns: must be a ClusterDns, got {\"namespace\":\"kube-system\"}; use ClusterDns.KUBE_DNS, ClusterDns.OPENSHIFT, ClusterDns.pods(...) or ClusterDns.ipBlock('169.254.20.10/32')");
  });

  test('is a new rule on every call', () => {
    // GIVEN / WHEN
    const a = dnsEgressRule(scope(), undefined);
    const b = dnsEgressRule(scope(), undefined);
    // THEN
    expect(a).not.toBe(b);
    expect(a.to).not.toBe(b.to);
  });
});
