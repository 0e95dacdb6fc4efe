import { disruptionBudget } from '../../src/conventions/disruption-budget';

describe('disruptionBudget', () => {
  test('one pod down at a time, unhealthy pods always evictable', () => {
    // GIVEN
    const selector = { 'app.kubernetes.io/instance': 'web' };
    // WHEN
    const spec = disruptionBudget(selector);
    // THEN
    expect(spec.maxUnavailable!.value).toBe(1);
    expect(spec.minAvailable).toBeUndefined();
    expect(spec.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
    expect(spec.selector).toEqual({ matchLabels: selector });
  });
});
