import { ProbeDefaults } from './health-check';

/**
 * The probe opinion: every container has a startup, a readiness and a liveness probe, all on
 * the named container port. Readiness and liveness check different things, so an overloaded pod
 * is taken out of the endpoints (readiness) long before it is restarted (liveness). The checks
 * themselves depend on the protocol (see ApiProtocol); these are the timings.
 */
export const PROBE_DEFAULTS: Readonly<Record<'startup' | 'readiness' | 'liveness', Readonly<ProbeDefaults>>> = Object.freeze({
  startup: Object.freeze({ periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 }),
  readiness: Object.freeze({ periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 }),
  liveness: Object.freeze({ periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 }),
});
