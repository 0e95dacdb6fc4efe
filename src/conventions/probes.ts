import { HealthCheck, ProbeDefaults } from './health-check';

/**
 * The probe opinion: every container has a startup, a readiness and a liveness probe, all on
 * the named container port. Readiness and liveness check different paths, so an overloaded pod
 * is taken out of the endpoints (readiness) long before it is restarted (liveness).
 */
export const PROBE_DEFAULTS = {
  startup: { periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 } as ProbeDefaults,
  readiness: { periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 } as ProbeDefaults,
  liveness: { periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 } as ProbeDefaults,
};

/** The default checks: `/healthz` for startup and liveness, `/readyz` for readiness. */
export function defaultHealthChecks(): { startup: HealthCheck; readiness: HealthCheck; liveness: HealthCheck } {
  return {
    startup: HealthCheck.httpGet('/healthz'),
    readiness: HealthCheck.httpGet('/readyz'),
    liveness: HealthCheck.httpGet('/healthz'),
  };
}
