import { antiAffinity } from '../../src/conventions/anti-affinity';

describe('antiAffinity', () => {
  test('prefers one pod per node, without ever requiring it', () => {
    // GIVEN
    const selector = { 'app.kubernetes.io/instance': 'web' };
    // WHEN
    const affinity = antiAffinity(selector);
    // THEN
    expect(affinity).toEqual({
      podAntiAffinity: {
        preferredDuringSchedulingIgnoredDuringExecution: [{
          weight: 100, podAffinityTerm: { topologyKey: 'kubernetes.io/hostname', labelSelector: { matchLabels: selector } },
        }],
      },
    });
    expect(affinity.podAntiAffinity!.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
  });
});
