import { Duration, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { resolveRollout, RolloutOptions } from '../../src/conventions/rollout';

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

/** The rollout with the IntOrString amounts as plain values. */
function rollout(options?: RolloutOptions) {
  const r = resolveRollout(webScope(), options);
  return {
    type: r.strategy.type,
    maxSurge: r.strategy.rollingUpdate?.maxSurge?.value,
    maxUnavailable: r.strategy.rollingUpdate?.maxUnavailable?.value,
    minReadySeconds: r.minReadySeconds,
    progressDeadlineSeconds: r.progressDeadlineSeconds,
    revisionHistoryLimit: r.revisionHistoryLimit,
  };
}

describe('resolveRollout', () => {
  test('defaults: RollingUpdate that keeps full capacity, 5s min ready, 10 min deadline, 5 old ReplicaSets', () => {
    // GIVEN / WHEN
    const result = rollout();
    // THEN
    expect(result).toEqual({
      type: 'RollingUpdate',
      maxSurge: '25%',
      maxUnavailable: 0,
      minReadySeconds: 5,
      progressDeadlineSeconds: 600,
      revisionHistoryLimit: 5,
    });
  });

  test('empty options are the defaults', () => {
    // GIVEN / WHEN / THEN
    expect(rollout({})).toEqual(rollout());
  });

  test('takes every override', () => {
    // GIVEN
    const options: RolloutOptions = {
      maxSurgePercent: 50,
      maxUnavailablePercent: 10,
      minReady: Duration.seconds(30),
      progressDeadline: Duration.minutes(20),
      revisionHistoryLimit: 2,
    };
    // WHEN
    const result = rollout(options);
    // THEN
    expect(result).toEqual({
      type: 'RollingUpdate',
      maxSurge: '50%',
      maxUnavailable: '10%',
      minReadySeconds: 30,
      progressDeadlineSeconds: 1200,
      revisionHistoryLimit: 2,
    });
  });

  test('a zero surge with some unavailability is written as the number 0', () => {
    // GIVEN / WHEN
    const result = rollout({ maxSurgePercent: 0, maxUnavailablePercent: 25 });
    // THEN
    expect([result.maxSurge, result.maxUnavailable]).toEqual([0, '25%']);
  });

  test('accepts the range limits', () => {
    // GIVEN / WHEN
    const result = rollout({
      maxSurgePercent: 100,
      maxUnavailablePercent: 100,
      minReady: Duration.seconds(0),
      progressDeadline: Duration.days(1),
      revisionHistoryLimit: 0,
    });
    // THEN
    expect(result).toEqual({
      type: 'RollingUpdate',
      maxSurge: '100%',
      maxUnavailable: '100%',
      minReadySeconds: 0,
      progressDeadlineSeconds: 86400,
      revisionHistoryLimit: 0,
    });
    expect(rollout({ minReady: Duration.hours(1), progressDeadline: Duration.hours(2) }).minReadySeconds).toBe(3600);
    expect(rollout({ revisionHistoryLimit: 100 }).revisionHistoryLimit).toBe(100);
  });

  test('refuses a rollout that can never start', () => {
    // GIVEN / WHEN / THEN
    expect(() => rollout({ maxSurgePercent: 0 })).toThrow(new Error(
      '[test/web] rollout.maxSurgePercent: cannot be 0 while maxUnavailablePercent is 0, or the rollout can never start, got 0; allow a surge (such as 25) or some unavailability',
    ));
    expect(() => rollout({ maxSurgePercent: 0, maxUnavailablePercent: 0 })).toThrow(new Error(
      '[test/web] rollout.maxSurgePercent: cannot be 0 while maxUnavailablePercent is 0, or the rollout can never start, got 0; allow a surge (such as 25) or some unavailability',
    ));
  });

  test.each([
    ['maxSurgePercent', -1, '-1', 0, 100],
    ['maxSurgePercent', 101, '101', 0, 100],
    ['maxSurgePercent', 12.5, '12.5', 0, 100],
    ['maxSurgePercent', '25%', "'25%'", 0, 100],
    ['maxSurgePercent', null, 'null', 0, 100],
    ['maxUnavailablePercent', -5, '-5', 0, 100],
    ['maxUnavailablePercent', 150, '150', 0, 100],
    ['maxUnavailablePercent', 0.5, '0.5', 0, 100],
    ['maxUnavailablePercent', NaN, 'NaN', 0, 100],
    ['revisionHistoryLimit', -1, '-1', 0, 100],
    ['revisionHistoryLimit', 101, '101', 0, 100],
    ['revisionHistoryLimit', 2.5, '2.5', 0, 100],
    ['revisionHistoryLimit', '5', "'5'", 0, 100],
  ])('refuses %s %p', (field, value, shown, min, max) => {
    // GIVEN
    const options = { [field]: value } as any;
    // WHEN / THEN
    expect(() => rollout(options)).toThrow(new Error(
      `[test/web] rollout.${field}: must be a whole number from ${min} to ${max}, got ${shown}; set rollout.${field} to a whole number from ${min} to ${max}`,
    ));
  });

  test.each([
    ['minReady', Duration.seconds(3601), "'3601s'", 0, 3600],
    ['minReady', Duration.millis(500), "'0.5s'", 0, 3600],
    ['progressDeadline', Duration.seconds(0), "'0s'", 1, 86400],
    ['progressDeadline', Duration.seconds(86401), "'86401s'", 1, 86400],
  ])('refuses %s %p', (field, value, shown, min, max) => {
    // GIVEN
    const options = { [field]: value } as any;
    // WHEN / THEN
    expect(() => rollout(options)).toThrow(new Error(
      `[test/web] rollout.${field}: must be a whole number of seconds from ${min} to ${max}, got ${shown}; use Duration.seconds(n) with n from ${min} to ${max}`,
    ));
  });

  test.each([
    ['minReady', 5, '5'],
    ['progressDeadline', '10m', "'10m'"],
  ])('refuses a %s that is not a Duration: %p', (field, value, shown) => {
    // GIVEN
    const options = { [field]: value } as any;
    // WHEN / THEN
    expect(() => rollout(options)).toThrow(new Error(
      `[test/web] rollout.${field}: must be a Duration, got ${shown}; use Duration.seconds(n) from cdk8s`,
    ));
  });

  test('refuses a deadline no longer than minReady', () => {
    // GIVEN / WHEN / THEN
    expect(() => rollout({ minReady: Duration.seconds(60), progressDeadline: Duration.seconds(60) })).toThrow(new Error(
      "[test/web] rollout.progressDeadline: must be longer than minReady (60s), got '60s'; lengthen the deadline",
    ));
  });

  test('compares a long minReady with the default deadline', () => {
    // GIVEN / WHEN / THEN
    expect(() => rollout({ minReady: Duration.minutes(10) })).toThrow(new Error(
      "[test/web] rollout.progressDeadline: must be longer than minReady (600s), got '600s'; lengthen the deadline",
    ));
  });

  test('accepts a deadline one second longer than minReady', () => {
    // GIVEN / WHEN
    const result = rollout({ minReady: Duration.seconds(60), progressDeadline: Duration.seconds(61) });
    // THEN
    expect([result.minReadySeconds, result.progressDeadlineSeconds]).toEqual([60, 61]);
  });
});
