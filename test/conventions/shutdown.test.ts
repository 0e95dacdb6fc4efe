import { Duration, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { resolveShutdown } from '../../src/conventions/shutdown';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('resolveShutdown', () => {
  test('defaults: a 5s preStop sleep and 30s termination grace', () => {
    // GIVEN / WHEN
    const shutdown = resolveShutdown(webScope());
    // THEN
    expect(shutdown).toEqual({
      preStopSeconds: 5,
      terminationGracePeriodSeconds: 30,
      lifecycle: { preStop: { sleep: { seconds: 5 } } },
    });
  });

  test('empty options are the defaults', () => {
    // GIVEN / WHEN / THEN
    expect(resolveShutdown(webScope(), {})).toEqual(resolveShutdown(webScope()));
  });

  test('takes both overrides', () => {
    // GIVEN / WHEN
    const shutdown = resolveShutdown(webScope(), { preStopDelay: Duration.seconds(15), terminationGracePeriod: Duration.minutes(2) });
    // THEN
    expect(shutdown).toEqual({
      preStopSeconds: 15,
      terminationGracePeriodSeconds: 120,
      lifecycle: { preStop: { sleep: { seconds: 15 } } },
    });
  });

  test('a preStop delay alone keeps the default grace period', () => {
    // GIVEN / WHEN
    const shutdown = resolveShutdown(webScope(), { preStopDelay: Duration.seconds(1) });
    // THEN
    expect([shutdown.preStopSeconds, shutdown.terminationGracePeriodSeconds]).toEqual([1, 30]);
  });

  test('accepts the range limits', () => {
    // GIVEN / WHEN
    const shutdown = resolveShutdown(webScope(), { preStopDelay: Duration.minutes(5), terminationGracePeriod: Duration.hours(1) });
    // THEN
    expect([shutdown.preStopSeconds, shutdown.terminationGracePeriodSeconds]).toEqual([300, 3600]);
  });

  test('accepts a grace period one second longer than the preStop delay', () => {
    // GIVEN / WHEN
    const shutdown = resolveShutdown(webScope(), { preStopDelay: Duration.seconds(10), terminationGracePeriod: Duration.seconds(11) });
    // THEN
    expect(shutdown.terminationGracePeriodSeconds).toBe(11);
  });

  test.each([
    ['preStopDelay', Duration.seconds(0), "'0s'", 1, 300],
    ['preStopDelay', Duration.seconds(301), "'301s'", 1, 300],
    ['preStopDelay', Duration.millis(1500), "'1.5s'", 1, 300],
    ['terminationGracePeriod', Duration.seconds(0), "'0s'", 1, 3600],
    ['terminationGracePeriod', Duration.seconds(3601), "'3601s'", 1, 3600],
  ])('refuses %s %p', (field, value, shown, min, max) => {
    // GIVEN
    const options = { [field]: value } as any;
    // WHEN / THEN
    expect(() => resolveShutdown(webScope(), options)).toThrow(new Error(
      `[test/web] shutdown.${field}: must be a whole number of seconds from ${min} to ${max}, got ${shown}; use Duration.seconds(n) with n from ${min} to ${max}`,
    ));
  });

  test.each([
    ['preStopDelay', 5, '5'],
    ['terminationGracePeriod', '30s', "'30s'"],
    ['terminationGracePeriod', null, 'null'],
  ])('refuses a %s that is not a Duration: %p', (field, value, shown) => {
    // GIVEN
    const options = { [field]: value } as any;
    // WHEN / THEN
    expect(() => resolveShutdown(webScope(), options)).toThrow(new Error(
      `[test/web] shutdown.${field}: must be a Duration, got ${shown}; use Duration.seconds(n) from cdk8s`,
    ));
  });

  test('refuses a grace period no longer than the preStop delay', () => {
    // GIVEN / WHEN / THEN
    expect(() => resolveShutdown(webScope(), { preStopDelay: Duration.seconds(20), terminationGracePeriod: Duration.seconds(20) })).toThrow(new Error(
      "[test/web] shutdown.terminationGracePeriod: must be longer than the preStop delay (20s), or the container is killed before it gets SIGTERM, got '20s'; set it to at least 30s",
    ));
  });

  test('compares a long preStop delay with the default grace period', () => {
    // GIVEN / WHEN / THEN
    expect(() => resolveShutdown(webScope(), { preStopDelay: Duration.minutes(1) })).toThrow(new Error(
      "[test/web] shutdown.terminationGracePeriod: must be longer than the preStop delay (60s), or the container is killed before it gets SIGTERM, got '30s'; set it to at least 70s",
    ));
  });
});
