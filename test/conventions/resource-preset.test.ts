import { Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import { Construct } from 'constructs';
import { ResourcePreset } from '../../src/conventions/resource-preset';

const CPU_FIX = 'use Cpu.millis(n) or Cpu.units(n) with n > 0';
const SIZE_FIX = 'use Size.mebibytes(n) or Size.gibibytes(n) with n > 0';
const CPU_PROBLEM = 'must be a positive whole number of millicores';
const SIZE_PROBLEM = 'must be a positive whole number of MiB';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

/** The resources as plain strings, the way they appear in the manifest. */
function resourcesOf(preset: ResourcePreset) {
  const r = preset._toResources(webScope(), 'resources');
  const values = (m: Record<string, { value: string | number }> | undefined) =>
    Object.fromEntries(Object.entries(m ?? {}).map(([k, q]) => [k, q.value]));
  return { requests: values(r.requests), limits: values(r.limits) };
}

describe('ResourcePreset presets', () => {
  test.each([
    ['XSMALL', ResourcePreset.XSMALL, ['50m', '128Mi', '128Mi'], ['250m', '128Mi', '256Mi']],
    ['SMALL', ResourcePreset.SMALL, ['100m', '256Mi', '128Mi'], ['1', '256Mi', '256Mi']],
    ['MEDIUM', ResourcePreset.MEDIUM, ['250m', '512Mi', '256Mi'], ['2', '512Mi', '512Mi']],
    ['LARGE', ResourcePreset.LARGE, ['1', '2048Mi', '512Mi'], ['4', '2048Mi', '1024Mi']],
  ])('%s sets cpu, memory and ephemeral-storage requests and limits', (name, preset, requests, limits) => {
    // GIVEN / WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(preset.name).toBe(name);
    expect(resources).toEqual({
      requests: { 'cpu': requests[0], 'memory': requests[1], 'ephemeral-storage': requests[2] },
      limits: { 'cpu': limits[0], 'memory': limits[1], 'ephemeral-storage': limits[2] },
    });
  });

  test.each([ResourcePreset.XSMALL, ResourcePreset.SMALL, ResourcePreset.MEDIUM, ResourcePreset.LARGE])('%p has a memory limit equal to its request', (preset) => {
    // GIVEN / WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(resources.limits.memory).toBe(resources.requests.memory);
  });
});

describe('ResourcePreset.custom', () => {
  test('defaults: cpu limit four times the request, 128Mi scratch with a limit twice that', () => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(300), memory: Size.mebibytes(384) });
    // WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(preset.name).toBe('custom');
    expect(resources).toEqual({
      requests: { 'cpu': '300m', 'memory': '384Mi', 'ephemeral-storage': '128Mi' },
      limits: { 'cpu': '1200m', 'memory': '384Mi', 'ephemeral-storage': '256Mi' },
    });
  });

  test('takes every override', () => {
    // GIVEN
    const preset = ResourcePreset.custom({
      cpuRequest: Cpu.units(0.5),
      cpuLimit: Cpu.units(3),
      memory: Size.gibibytes(1.5),
      ephemeralStorageRequest: Size.gibibytes(1),
      ephemeralStorageLimit: Size.gibibytes(4),
    });
    // WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(resources).toEqual({
      requests: { 'cpu': '500m', 'memory': '1536Mi', 'ephemeral-storage': '1024Mi' },
      limits: { 'cpu': '3', 'memory': '1536Mi', 'ephemeral-storage': '4096Mi' },
    });
  });

  test('a storage request alone gets a limit twice its size', () => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(64), ephemeralStorageRequest: Size.mebibytes(300) });
    // WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect([resources.requests['ephemeral-storage'], resources.limits['ephemeral-storage']]).toEqual(['300Mi', '600Mi']);
  });

  test('limits equal to their requests are accepted', () => {
    // GIVEN
    const preset = ResourcePreset.custom({
      cpuRequest: Cpu.units(1),
      cpuLimit: Cpu.millis(1000),
      memory: Size.mebibytes(1),
      ephemeralStorageRequest: Size.mebibytes(64),
      ephemeralStorageLimit: Size.mebibytes(64),
    });
    // WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(resources).toEqual({
      requests: { 'cpu': '1', 'memory': '1Mi', 'ephemeral-storage': '64Mi' },
      limits: { 'cpu': '1', 'memory': '1Mi', 'ephemeral-storage': '64Mi' },
    });
  });

  test('a size in KiB that makes whole MiB is accepted', () => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(1), memory: Size.kibibytes(2048) });
    // WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(resources.requests).toEqual({ 'cpu': '1m', 'memory': '2Mi', 'ephemeral-storage': '128Mi' });
  });

  test('refuses a cpu limit below the request', () => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(500), cpuLimit: Cpu.millis(250), memory: Size.mebibytes(256) });
    // WHEN / THEN
    expect(() => resourcesOf(preset))
      .toThrow(new Error("[test/web] resources.cpuLimit: must not be below the request (500m), got '250m'; raise the limit or lower the request"));
  });

  test('refuses an ephemeral-storage limit below the request', () => {
    // GIVEN
    const preset = ResourcePreset.custom({
      cpuRequest: Cpu.millis(100),
      memory: Size.mebibytes(256),
      ephemeralStorageRequest: Size.mebibytes(512),
      ephemeralStorageLimit: Size.mebibytes(256),
    });
    // WHEN / THEN
    expect(() => resourcesOf(preset))
      .toThrow(new Error("[test/web] resources.ephemeralStorageLimit: must not be below the request (512Mi), got '256Mi'; raise the limit or lower the request"));
  });

  test('refuses a storage limit below the default 128Mi request', () => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(256), ephemeralStorageLimit: Size.mebibytes(64) });
    // WHEN / THEN
    expect(() => resourcesOf(preset))
      .toThrow(new Error("[test/web] resources.ephemeralStorageLimit: must not be below the request (128Mi), got '64Mi'; raise the limit or lower the request"));
  });

  test.each([
    ['cpuRequest', { cpuRequest: Cpu.millis(0) }, "'0m'", CPU_PROBLEM, CPU_FIX],
    ['cpuRequest', { cpuRequest: Cpu.millis(-100) }, "'-100m'", CPU_PROBLEM, CPU_FIX],
    ['cpuLimit', { cpuLimit: Cpu.millis(0) }, "'0m'", CPU_PROBLEM, CPU_FIX],
    ['memory', { memory: Size.mebibytes(0) }, "'0Mi'", SIZE_PROBLEM, SIZE_FIX],
    ['ephemeralStorageRequest', { ephemeralStorageRequest: Size.mebibytes(0) }, "'0Mi'", SIZE_PROBLEM, SIZE_FIX],
    ['ephemeralStorageLimit', { ephemeralStorageLimit: Size.mebibytes(0) }, "'0Mi'", SIZE_PROBLEM, SIZE_FIX],
  ])('refuses a zero or negative %s', (field, override, shown, what, fix) => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(256), ...override });
    // WHEN / THEN
    expect(() => resourcesOf(preset)).toThrow(new Error(`[test/web] resources.${field}: ${what}, got ${shown}; ${fix}`));
  });

  // The error shows the value as the caller wrote it.
  test.each([
    ['cpuRequest', 'a fraction of a millicore', { cpuRequest: Cpu.millis(1.5) }, "'1.5m'", CPU_PROBLEM, CPU_FIX],
    ['cpuRequest', 'less than a millicore', { cpuRequest: Cpu.units(0.0005) }, "'0.0005'", CPU_PROBLEM, CPU_FIX],
    ['cpuRequest', 'not a number', { cpuRequest: Cpu.units(NaN) }, "'NaN'", CPU_PROBLEM, CPU_FIX],
    ['cpuRequest', 'a string instead of a Cpu', { cpuRequest: '250m' }, "'250m'", CPU_PROBLEM, CPU_FIX],
    ['cpuRequest', 'nothing', { cpuRequest: undefined }, 'undefined', CPU_PROBLEM, CPU_FIX],
    ['cpuLimit', 'a string instead of a Cpu', { cpuLimit: '1' }, "'1'", CPU_PROBLEM, CPU_FIX],
    ['memory', 'a fraction of a MiB', { memory: Size.kibibytes(1536) }, "'1.5Mi'", SIZE_PROBLEM, SIZE_FIX],
    ['memory', 'a number instead of a Size', { memory: 256 }, '256', SIZE_PROBLEM, SIZE_FIX],
    ['memory', 'nothing', { memory: undefined }, 'undefined', SIZE_PROBLEM, SIZE_FIX],
    ['ephemeralStorageRequest', 'a string instead of a Size', { ephemeralStorageRequest: '1Gi' }, "'1Gi'", SIZE_PROBLEM, SIZE_FIX],
    ['ephemeralStorageLimit', 'a fraction of a MiB', { ephemeralStorageLimit: Size.kibibytes(300000) }, "'292.96875Mi'", SIZE_PROBLEM, SIZE_FIX],
  ])('refuses a %s that is %s', (field, _, override, shown, what, fix) => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.millis(100), memory: Size.mebibytes(256), ...override } as any);
    // WHEN / THEN
    expect(() => resourcesOf(preset)).toThrow(new Error(`[test/web] resources.${field}: ${what}, got ${shown}; ${fix}`));
  });

  test('does not check its sizes before they are used', () => {
    // GIVEN / WHEN
    const build = () => ResourcePreset.custom({ cpuRequest: Cpu.millis(0), memory: Size.mebibytes(0) });
    // THEN
    expect(build).not.toThrow();
  });

  // `Number('2.01') * 1000` is 2009.9999999999998: decimal cores are read digit by digit.
  test.each([[2.01, '2010m'], [1.005, '1005m'], [0.001, '1m'], [19.999, '19999m'], [3, '3']])('accepts Cpu.units(%p) as %p', (units, text) => {
    // GIVEN
    const preset = ResourcePreset.custom({ cpuRequest: Cpu.units(units), memory: Size.mebibytes(256) });
    // WHEN
    const resources = resourcesOf(preset);
    // THEN
    expect(resources.requests.cpu).toBe(text);
  });
});
