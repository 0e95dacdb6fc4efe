import { SPREAD_TOPOLOGY_KEYS, topologySpread } from '../../src/conventions/topology-spread';

describe('topologySpread', () => {
  test('spreads over zones, then nodes, one pod of skew, never leaving pods pending', () => {
    // GIVEN
    const selector = { 'app.kubernetes.io/name': 'web', 'app.kubernetes.io/instance': 'web' };
    // WHEN
    const constraints = topologySpread(selector);
    // THEN
    expect(SPREAD_TOPOLOGY_KEYS).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(constraints).toEqual(SPREAD_TOPOLOGY_KEYS.map((topologyKey) => ({
      maxSkew: 1, topologyKey, whenUnsatisfiable: 'ScheduleAnyway', labelSelector: { matchLabels: selector },
    })));
  });
});
