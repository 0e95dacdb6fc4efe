import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import { Construct } from 'constructs';
import { NamespaceQuota, NamespaceQuotaProps } from '../../src/namespace/namespace-quota';

const CPU_FIX = 'use Cpu.units(n) or Cpu.millis(n) with n > 0';
const SIZE_FIX = 'use Size.gibibytes(n) or Size.mebibytes(n) with n > 0';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

function numbersOf(props: NamespaceQuotaProps) {
  return NamespaceQuota.custom(props)._numbers(webScope(), 'quota');
}

const MINIMAL: NamespaceQuotaProps = { cpuRequests: Cpu.units(2), memory: Size.gibibytes(4), pods: 20 };

describe('NamespaceQuota presets', () => {
  test.each([
    ['SMALL', NamespaceQuota.SMALL, { cpuRequests: 2000, cpuLimits: 8000, memory: 4096, ephemeralStorageRequests: 4096, ephemeralStorageLimits: 8192, pods: 20, services: 10 }],
    ['MEDIUM', NamespaceQuota.MEDIUM, { cpuRequests: 8000, cpuLimits: 32000, memory: 16384, ephemeralStorageRequests: 16384, ephemeralStorageLimits: 32768, pods: 60, services: 30 }],
    ['LARGE', NamespaceQuota.LARGE, { cpuRequests: 32000, cpuLimits: 128000, memory: 65536, ephemeralStorageRequests: 65536, ephemeralStorageLimits: 131072, pods: 200, services: 100 }],
  ])('%s has the numbers its documentation gives', (name, quota, numbers) => {
    // GIVEN / WHEN
    const result = quota._numbers(webScope(), 'quota');
    // THEN
    expect(quota.name).toBe(name);
    expect(result).toEqual(numbers);
  });

  test.each([
    [NamespaceQuota.SMALL, { cpuRequests: Cpu.units(2), memory: Size.gibibytes(4), pods: 20 }],
    [NamespaceQuota.MEDIUM, { cpuRequests: Cpu.units(8), memory: Size.gibibytes(16), pods: 60 }],
    [NamespaceQuota.LARGE, { cpuRequests: Cpu.units(32), memory: Size.gibibytes(64), pods: 200 }],
  ])('%#: a preset is what custom() makes of its requests, memory and pods', (quota, props) => {
    // GIVEN / WHEN / THEN
    expect(numbersOf(props)).toEqual(quota._numbers(webScope(), 'quota'));
  });

  test('a preset does not depend on the scope', () => {
    // GIVEN / WHEN / THEN
    expect(NamespaceQuota.MEDIUM._numbers(undefined as any, 'x')).toEqual(NamespaceQuota.MEDIUM._numbers(webScope(), 'quota'));
  });
});

describe('NamespaceQuota.custom defaults', () => {
  test('limits are four times the CPU requests, scratch is the memory and twice that, Services half the pods', () => {
    // GIVEN
    const quota = NamespaceQuota.custom(MINIMAL);
    // WHEN
    const numbers = quota._numbers(webScope(), 'quota');
    // THEN
    expect(quota.name).toBe('custom');
    expect(numbers).toEqual({
      cpuRequests: 2000, cpuLimits: 8000, memory: 4096, ephemeralStorageRequests: 4096, ephemeralStorageLimits: 8192, pods: 20, services: 10,
    });
  });

  test('the storage limits default to twice the storage requests given', () => {
    // GIVEN / WHEN
    const numbers = numbersOf({ ...MINIMAL, ephemeralStorageRequests: Size.gibibytes(10) });
    // THEN
    expect(numbers.ephemeralStorageRequests).toBe(10240);
    expect(numbers.ephemeralStorageLimits).toBe(20480);
  });

  test.each([[1, 1], [2, 1], [3, 1], [4, 2], [21, 10], [100000, 50000]])('%p pods get %p Services by default', (pods, services) => {
    // GIVEN / WHEN / THEN
    expect(numbersOf({ ...MINIMAL, pods }).services).toBe(services);
  });

  test('takes every size given', () => {
    // GIVEN / WHEN
    const numbers = numbersOf({
      cpuRequests: Cpu.millis(1500),
      cpuLimits: Cpu.units(3),
      memory: Size.mebibytes(3072),
      ephemeralStorageRequests: Size.gibibytes(1),
      ephemeralStorageLimits: Size.tebibytes(1),
      pods: 7,
      services: 0,
    });
    // THEN
    expect(numbers).toEqual({
      cpuRequests: 1500, cpuLimits: 3000, memory: 3072, ephemeralStorageRequests: 1024, ephemeralStorageLimits: 1048576, pods: 7, services: 0,
    });
  });

  test.each([
    ['Cpu.units(2.01)', 2010, Cpu.units(2.01)],
    ['Cpu.units(0.5)', 500, Cpu.units(0.5)],
    ['Cpu.units(0.001)', 1, Cpu.units(0.001)],
    ['Cpu.units(10.125)', 10125, Cpu.units(10.125)],
    ['Cpu.units(1.1)', 1100, Cpu.units(1.1)],
    ['Cpu.units(2)', 2000, Cpu.units(2)],
    ['Cpu.millis(1)', 1, Cpu.millis(1)],
    ['Cpu.millis(250)', 250, Cpu.millis(250)],
  ])('reads %s as %p millicores', (_shown, millicores, cpu) => {
    // GIVEN / WHEN
    const numbers = numbersOf({ ...MINIMAL, cpuRequests: cpu });
    // THEN
    expect(numbers.cpuRequests).toBe(millicores);
    expect(numbers.cpuLimits).toBe(millicores * 4);
  });

  test('reads fractional sizes that are whole MiB', () => {
    // GIVEN / WHEN
    const numbers = numbersOf({ ...MINIMAL, memory: Size.gibibytes(0.5), ephemeralStorageRequests: Size.kibibytes(2048) });
    // THEN
    expect(numbers.memory).toBe(512);
    expect(numbers.ephemeralStorageRequests).toBe(2);
  });

  test('checks the props each time the numbers are read', () => {
    // GIVEN
    const quota = NamespaceQuota.custom({ ...MINIMAL, pods: 0 });
    // WHEN / THEN
    expect(() => quota._numbers(webScope(), 'quota')).toThrow(/quota\.pods/);
    expect(() => quota._numbers(webScope(), 'spec.quota')).toThrow(new Error(
      '[test/web] spec.quota.pods: must be a whole number from 1 to 100000, got 0; set spec.quota.pods to a whole number from 1 to 100000',
    ));
  });
});

describe('NamespaceQuota.custom refusals', () => {
  test.each([
    [undefined, 'undefined'],
    [null, 'null'],
    ['small', "'small'"],
    [8, '8'],
  ])('refuses %p as the sizes', (props, shown) => {
    // GIVEN
    const quota = NamespaceQuota.custom(props as any);
    // WHEN / THEN
    expect(() => quota._numbers(webScope(), 'quota')).toThrow(new Error(
      `[test/web] quota: must be quota sizes, got ${shown}; pass { cpuRequests, memory, pods }`,
    ));
  });

  test.each([
    ["'0'", Cpu.units(0)],
    ["'0m'", Cpu.millis(0)],
    ["'-1'", Cpu.units(-1)],
    ["'-500m'", Cpu.millis(-500)],
    ["'0.0005'", Cpu.units(0.0005)],
    ["'1e-7'", Cpu.units(1e-7)],
    ["'1e+21'", Cpu.units(1e21)],
    ["'0.30000000000000004'", Cpu.units(0.1 + 0.2)],
    ["'1.5m'", Cpu.millis(1.5)],
    ["'NaN'", Cpu.units(NaN)],
    ["'Infinity'", Cpu.units(Infinity)],
    ['2', 2],
    ["'2'", '2'],
    ["'500m'", '500m'],
    ['undefined', undefined],
    ['null', null],
    ['{"amount":"2"}', { amount: '2' }],
  ])('refuses the CPU requests %s', (shown, cpu) => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ ...MINIMAL, cpuRequests: cpu as any })).toThrow(new Error(
      `[test/web] quota.cpuRequests: must be a positive whole number of millicores, got ${shown}; ${CPU_FIX}`,
    ));
  });

  test.each([
    ["'0m'", Cpu.millis(0)],
    ["'0.0001'", Cpu.units(0.0001)],
    ["'4'", '4'],
    ['null', null],
  ])('refuses the CPU limits %s', (shown, cpu) => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ ...MINIMAL, cpuLimits: cpu as any })).toThrow(new Error(
      `[test/web] quota.cpuLimits: must be a positive whole number of millicores, got ${shown}; ${CPU_FIX}`,
    ));
  });

  test.each([
    ["'0Mi'", Size.mebibytes(0)],
    ["'1.5Mi'", Size.kibibytes(1536)],
    ["'0.5Mi'", Size.kibibytes(512)],
    ["'4Gi'", '4Gi'],
    ['4096', 4096],
    ['undefined', undefined],
    ['null', null],
  ])('refuses the memory %s', (shown, memory) => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ ...MINIMAL, memory: memory as any })).toThrow(new Error(
      `[test/web] quota.memory: must be a positive whole number of MiB, got ${shown}; ${SIZE_FIX}`,
    ));
  });

  test.each([
    ['ephemeralStorageRequests' as const, "'0.09765625Mi'", Size.kibibytes(100)],
    ['ephemeralStorageRequests' as const, "'10Gi'", '10Gi'],
    ['ephemeralStorageLimits' as const, "'0Mi'", Size.mebibytes(0)],
    ['ephemeralStorageLimits' as const, '1024', 1024],
    ['ephemeralStorageLimits' as const, 'null', null],
  ])('refuses %s %s', (field, shown, size) => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ ...MINIMAL, [field]: size as any })).toThrow(new Error(
      `[test/web] quota.${field}: must be a positive whole number of MiB, got ${shown}; ${SIZE_FIX}`,
    ));
  });

  test.each([
    [0, '0'],
    [-1, '-1'],
    [1.5, '1.5'],
    [100001, '100001'],
    ['20', "'20'"],
    [undefined, 'undefined'],
    [NaN, 'NaN'],
  ])('refuses %p pods', (pods, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ ...MINIMAL, pods: pods as any })).toThrow(new Error(
      `[test/web] quota.pods: must be a whole number from 1 to 100000, got ${shown}; set quota.pods to a whole number from 1 to 100000`,
    ));
  });

  test('accepts the bounds of pods and Services', () => {
    // GIVEN / WHEN / THEN
    expect(numbersOf({ ...MINIMAL, pods: 1, services: 0 })).toMatchObject({ pods: 1, services: 0 });
    expect(numbersOf({ ...MINIMAL, pods: 100000, services: 100000 })).toMatchObject({ pods: 100000, services: 100000 });
  });

  test.each([
    [-1, '-1'],
    [2.5, '2.5'],
    [100001, '100001'],
    ['10', "'10'"],
    [null, 'null'],
  ])('refuses %p Services', (services, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ ...MINIMAL, services: services as any })).toThrow(new Error(
      `[test/web] quota.services: must be a whole number from 0 to 100000, got ${shown}; set quota.services to a whole number from 0 to 100000`,
    ));
  });

  test('checks requests, memory, storage requests and pods before limits and Services', () => {
    // GIVEN
    const props = { cpuRequests: Cpu.units(1), cpuLimits: Cpu.millis(0), memory: Size.gibibytes(1), pods: 0, services: -1 };
    // WHEN / THEN
    expect(() => numbersOf(props)).toThrow(new Error(
      '[test/web] quota.pods: must be a whole number from 1 to 100000, got 0; set quota.pods to a whole number from 1 to 100000',
    ));
  });

  test('refuses a missing field of the sizes as that field', () => {
    // GIVEN / WHEN / THEN
    expect(() => numbersOf({ cpuRequests: Cpu.units(1), pods: 1 } as any)).toThrow(new Error(
      `[test/web] quota.memory: must be a positive whole number of MiB, got undefined; ${SIZE_FIX}`,
    ));
  });
});
