import { PROBE_DEFAULTS } from '../../src/conventions/probes';

describe('PROBE_DEFAULTS', () => {
  test('startup: every 2s, 1s timeout, 60 failures (two minutes to start)', () => {
    // GIVEN
    const startup = PROBE_DEFAULTS.startup;
    // WHEN
    const timeToStart = startup.periodSeconds * startup.failureThreshold;
    // THEN
    expect(startup).toEqual({ periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 });
    expect(timeToStart).toBe(120);
  });

  test('readiness: every 5s, 2s timeout, 2 failures', () => {
    // GIVEN / WHEN / THEN
    expect(PROBE_DEFAULTS.readiness).toEqual({ periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
  });

  test('liveness: every 10s, 2s timeout, 3 failures', () => {
    // GIVEN / WHEN / THEN
    expect(PROBE_DEFAULTS.liveness).toEqual({ periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
  });

  test('an overloaded pod leaves the endpoints long before it is restarted', () => {
    // GIVEN
    const { readiness, liveness } = PROBE_DEFAULTS;
    // WHEN
    const outOfEndpoints = readiness.periodSeconds * readiness.failureThreshold;
    const restarted = liveness.periodSeconds * liveness.failureThreshold;
    // THEN
    expect(outOfEndpoints).toBe(10);
    expect(restarted).toBe(30);
    expect(outOfEndpoints).toBeLessThan(restarted);
  });

  test('every timeout fits in its period', () => {
    // GIVEN
    const roles = [PROBE_DEFAULTS.startup, PROBE_DEFAULTS.readiness, PROBE_DEFAULTS.liveness];
    // WHEN
    const fits = roles.map((role) => role.timeoutSeconds <= role.periodSeconds);
    // THEN
    expect(fits).toEqual([true, true, true]);
  });
});
