import { PodSecurityLevel } from '../../src/namespace/pod-security-level';

describe('PodSecurityLevel', () => {
  test.each([
    ['RESTRICTED', 'restricted', 2, PodSecurityLevel.RESTRICTED],
    ['BASELINE', 'baseline', 1, PodSecurityLevel.BASELINE],
    ['PRIVILEGED', 'privileged', 0, PodSecurityLevel.PRIVILEGED],
  ])('%s is written %p in the namespace label, with strictness %p', (_name, value, strictness, level) => {
    // GIVEN / WHEN / THEN
    expect(level).toBeInstanceOf(PodSecurityLevel);
    expect(level.value).toBe(value);
    expect(level.strictness).toBe(strictness);
  });

  test('restricted is stricter than baseline, which is stricter than privileged', () => {
    // GIVEN
    const levels = [PodSecurityLevel.PRIVILEGED, PodSecurityLevel.RESTRICTED, PodSecurityLevel.BASELINE];
    // WHEN
    const byStrictness = [...levels].sort((a, b) => b.strictness - a.strictness);
    // THEN
    expect(byStrictness.map((l) => l.value)).toEqual(['restricted', 'baseline', 'privileged']);
  });

  test('the levels are shared instances', () => {
    // GIVEN / WHEN / THEN
    expect(PodSecurityLevel.RESTRICTED).toBe(PodSecurityLevel.RESTRICTED);
    expect(PodSecurityLevel.RESTRICTED).not.toBe(PodSecurityLevel.BASELINE);
  });
});
