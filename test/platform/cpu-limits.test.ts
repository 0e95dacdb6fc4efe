import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { checkCpuLimits, CpuLimits } from '../../src/platform/cpu-limits';

describe('CpuLimits', () => {
  test('ENABLED gives containers a CPU limit, with no reason', () => {
    // GIVEN / WHEN
    const limits = CpuLimits.ENABLED;
    // THEN
    expect(limits.enabled).toBe(true);
    expect(limits.disabledReason).toBeUndefined();
  });

  test('disabled keeps the reason and turns limits off', () => {
    // GIVEN / WHEN
    const limits = CpuLimits.disabled('CFS throttling hurts our p99 latency');
    // THEN
    expect(limits).toBeInstanceOf(CpuLimits);
    expect(limits.enabled).toBe(false);
    expect(limits.disabledReason).toBe('CFS throttling hurts our p99 latency');
  });

  // The reason is checked where the setting is used, so that the error names the construct.
  test.each([[undefined, 'undefined'], [null, 'null'], [42, '42'], ['', "''"], ['   ', "'   '"]])('disabled(%p) is refused where it is used, for want of a written reason', (reason, shown) => {
    // GIVEN
    const limits = CpuLimits.disabled(reason as any);
    // WHEN / THEN
    expect(limits.enabled).toBe(false);
    expect(() => checkCpuLimits(new Construct(Testing.chart(), 'web'), limits)).toThrow(new Error(
      `[test/web] PlatformDefaults.cpuLimits: CPU limits are disabled without a written reason of at least 10 characters, got ${shown}; `
      + "say why, as in CpuLimits.disabled('latency-sensitive services are throttled by CFS quotas')"));
  });

  test('checkCpuLimits: unset is ENABLED, a written reason passes, anything else is refused', () => {
    const scope = new Construct(Testing.chart(), 'web');
    expect(checkCpuLimits(scope, undefined)).toBe(CpuLimits.ENABLED);
    expect(checkCpuLimits(scope, CpuLimits.disabled('CFS throttling hurts our p99 latency')).enabled).toBe(false);
    expect(() => checkCpuLimits(scope, 'off')).toThrow(new Error(
      "[test/web] PlatformDefaults.cpuLimits: must be CpuLimits, got 'off'; use CpuLimits.ENABLED or CpuLimits.disabled('why')"));
  });

  test('each call to disabled is its own value', () => {
    // GIVEN / WHEN
    const a = CpuLimits.disabled('reason a, long enough');
    const b = CpuLimits.disabled('reason a, long enough');
    // THEN
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
    expect(a).not.toEqual(CpuLimits.ENABLED);
  });
});
