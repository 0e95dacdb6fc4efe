import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { ClusterDns, NetworkPort } from '../../src';

function scope(): Construct {
  return new Construct(Testing.chart(), 'web');
}

function portsOf(rule: any): Array<[unknown, unknown]> {
  return rule.ports.map((p: any) => [p.port.value, p.protocol]);
}

describe('ClusterDns', () => {
  test('KUBE_DNS is today\'s default: kube-dns pods in kube-system on 53 over UDP and TCP', () => {
    // GIVEN / WHEN
    const rule = ClusterDns.KUBE_DNS._toEgressRule(scope(), 'dns');
    // THEN
    expect(rule.to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'kube-system' } },
      podSelector: { matchLabels: { 'k8s-app': 'kube-dns' } },
    }]);
    expect(portsOf(rule)).toEqual([[53, 'UDP'], [53, 'TCP']]);
  });

  test('OPENSHIFT selects the openshift-dns pods on 5353, the port they listen on', () => {
    // GIVEN / WHEN
    const rule = ClusterDns.OPENSHIFT._toEgressRule(scope(), 'dns');
    // THEN
    expect(rule.to).toEqual([{
      namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } },
      podSelector: { matchLabels: { 'dns.operator.openshift.io/daemonset-dns': 'default' } },
    }]);
    expect(portsOf(rule)).toEqual([[5353, 'UDP'], [5353, 'TCP']]);
    expect(ClusterDns.OPENSHIFT.describe()).toBe('pods dns.operator.openshift.io/daemonset-dns=default in namespace openshift-dns on 5353/UDP, 5353/TCP');
  });

  test('ipBlock allows an address block such as NodeLocal DNSCache, on 53 unless told otherwise', () => {
    // GIVEN / WHEN
    const local = ClusterDns.ipBlock('169.254.20.10/32')._toEgressRule(scope(), 'dns');
    const other = ClusterDns.ipBlock('10.96.0.0/24', [NetworkPort.udp(5353)])._toEgressRule(scope(), 'dns');
    // THEN
    expect(local.to).toEqual([{ ipBlock: { cidr: '169.254.20.10/32' } }]);
    expect(portsOf(local)).toEqual([[53, 'UDP'], [53, 'TCP']]);
    expect(portsOf(other)).toEqual([[5353, 'UDP']]);
  });

  test('pods takes any namespace, labels and ports', () => {
    // GIVEN / WHEN
    const rule = ClusterDns.pods('dns', { app: 'unbound' }, [NetworkPort.udp(53)])._toEgressRule(scope(), 'dns');
    // THEN
    expect(rule.to).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'dns' } }, podSelector: { matchLabels: { app: 'unbound' } } }]);
    expect(portsOf(rule)).toEqual([[53, 'UDP']]);
  });

  test.each([
    ['a CIDR with host bits', ClusterDns.ipBlock('169.254.20.10/24'),
      "[test/web] dns.cidr: has host bits set after the prefix, got '169.254.20.10/24'; use the network address '169.254.20.0/24'"],
    ['a namespace that is no DNS label', ClusterDns.pods('Kube_System', { 'k8s-app': 'kube-dns' }),
      "[test/web] dns.namespace: must be a namespace name (a DNS label of at most 63 characters), got 'Kube_System'; use lower-case letters, digits and '-', such as 'payments'"],
    ['no pod labels', ClusterDns.pods('kube-system', {}),
      "[test/web] dns.podLabels: selects every pod of the namespace, got {}; name the DNS pods' labels, such as { 'k8s-app': 'kube-dns' }"],
    ['no ports', ClusterDns.pods('kube-system', { 'k8s-app': 'kube-dns' }, []),
      '[test/web] dns.ports: must list the ports the DNS servers listen on, got []; leave ports out for 53 over UDP and TCP, or pass [NetworkPort.udp(5353), NetworkPort.tcp(5353)]'],
  ])('refuses %s', (_, dns, message) => {
    // GIVEN / WHEN / THEN
    expect(() => dns._toEgressRule(scope(), 'dns')).toThrow(new Error(message));
  });
});
