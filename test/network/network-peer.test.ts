import { NetworkPort } from '../../src/conventions/network-port';
import { NetworkPeer } from '../../src/network/network-peer';

describe('NetworkPeer.namespace', () => {
  test('selects the namespace, without ports by default', () => {
    // GIVEN
    const peer = NetworkPeer.namespace('monitoring');
    // WHEN
    const selection = peer.toPeerSelection();
    // THEN
    expect(selection).toEqual({ description: 'namespace monitoring', namespace: 'monitoring' });
    expect(selection.ports).toBeUndefined();
    expect(selection.podLabels).toBeUndefined();
    expect(selection.cidr).toBeUndefined();
    expect(selection.golden).toBeUndefined();
  });

  test('keeps the ports for allowTo', () => {
    // GIVEN
    const ports = [NetworkPort.tcp(9090), NetworkPort.udp(8125)];
    // WHEN
    const selection = NetworkPeer.namespace('monitoring', ports).toPeerSelection();
    // THEN
    expect(selection).toEqual({ description: 'namespace monitoring', namespace: 'monitoring', ports });
  });
});

describe('NetworkPeer.pods', () => {
  test('selects pods by labels in the workload namespace', () => {
    // GIVEN
    const peer = NetworkPeer.pods({ 'app.kubernetes.io/name': 'orders', 'tier': 'api' });
    // WHEN
    const selection = peer.toPeerSelection();
    // THEN
    expect(selection).toEqual({
      description: 'pods app.kubernetes.io/name=orders,tier=api',
      podLabels: { 'app.kubernetes.io/name': 'orders', 'tier': 'api' },
    });
    expect(selection.namespace).toBeUndefined();
    expect(selection.ports).toBeUndefined();
  });

  test('names another namespace and ports', () => {
    // GIVEN
    const ports = [NetworkPort.tcp(8080)];
    // WHEN
    const selection = NetworkPeer.pods({ app: 'orders' }, { namespace: 'payments', ports }).toPeerSelection();
    // THEN
    expect(selection).toEqual({ description: 'pods app=orders in namespace payments', podLabels: { app: 'orders' }, namespace: 'payments', ports });
  });

  test('describes missing labels from JavaScript without throwing (policy-peer refuses them)', () => {
    // GIVEN / WHEN
    const selection = NetworkPeer.pods(undefined as any).toPeerSelection();
    // THEN
    expect(selection.description).toBe('pods (no labels)');
    expect(selection.podLabels).toBeUndefined();
  });

  test('keeps empty labels as given (policy-peer refuses them)', () => {
    // GIVEN / WHEN
    const selection = NetworkPeer.pods({}).toPeerSelection();
    // THEN
    expect(selection).toEqual({ description: 'pods (no labels)', podLabels: {} });
  });
});

describe('NetworkPeer.ipBlock', () => {
  test('selects an IP range with its ports', () => {
    // GIVEN
    const ports = [NetworkPort.tcp(5432)];
    // WHEN
    const selection = NetworkPeer.ipBlock('203.0.113.0/24', ports).toPeerSelection();
    // THEN
    expect(selection).toEqual({ description: 'ip block 203.0.113.0/24', cidr: '203.0.113.0/24', ports });
    expect(selection.except).toBeUndefined();
  });

  test('keeps the ranges to leave out', () => {
    // GIVEN / WHEN
    const selection = NetworkPeer.ipBlock('2001:db8::/32', [NetworkPort.tcp(443)], ['2001:db8:1::/48']).toPeerSelection();
    // THEN
    expect(selection.description).toBe('ip block 2001:db8::/32');
    expect(selection.cidr).toBe('2001:db8::/32');
    expect(selection.except).toEqual(['2001:db8:1::/48']);
  });
});

describe('NetworkPeer.toPeerSelection', () => {
  test('returns the same selection every time', () => {
    // GIVEN
    const peer = NetworkPeer.namespace('monitoring');
    // WHEN / THEN
    expect(peer.toPeerSelection()).toBe(peer.toPeerSelection());
  });
});
