import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { acknowledgementKey } from '../conventions/acknowledgements';
import { ApiProtocol } from '../conventions/api-protocol';
import { HealthCheck, ProbePort } from '../conventions/health-check';
import { PROBE_DEFAULTS } from '../conventions/probes';
import { RuleId } from '../conventions/rule-ids';
import { fail } from '../private/errors';

const IDENTICAL_TCP_CHECKS_REASON = 'a raw TCP server has one check that fits any server, a TCP connect, used for readiness and liveness; '
  + 'a readinessProbe that checks its dependencies removes this';

/** The probe props of a container (the app's or a sidecar's). */
export interface ProbeProps {
  readonly startupProbe?: HealthCheck;
  readonly readinessProbe?: HealthCheck;
  readonly livenessProbe?: HealthCheck;
}

/** The probes of a container, and the acknowledgements they need. */
export interface ResolvedProbes {
  readonly probes: Pick<k8s.Container, 'startupProbe' | 'readinessProbe' | 'livenessProbe'>;
  readonly acknowledgements: Record<string, string>;
}

function pickCheck(owner: IConstruct, field: string, given: unknown, fallback: HealthCheck): HealthCheck {
  if (given === undefined) {
    return fallback;
  }
  if (!HealthCheck.isHealthCheck(given)) {
    fail(owner, field, 'must be a HealthCheck', given, "use HealthCheck.httpGet('/path'), HealthCheck.tcpSocket() or HealthCheck.exec([...])");
  }
  return given;
}

/**
 * The three probes of a long-running container: the protocol's default checks unless given, the
 * startup probe following what liveness will check; readiness and liveness never the same check,
 * except raw TCP's defaults, which are acknowledged.
 * @param prefix the prefix of the fields in messages (`''` for the app, `sidecars[0].` for a sidecar)
 * @param port the container's port; without one, readiness and liveness must be exec checks
 */
export function resolveProbes(
  owner: IConstruct, prefix: string, props: ProbeProps, protocol: ApiProtocol, port: ProbePort | undefined,
): ResolvedProbes {
  const acknowledgements: Record<string, string> = {};
  if (port === undefined) {
    for (const field of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
      const check = props[field];
      if ((check === undefined && field !== 'startupProbe') || (HealthCheck.isHealthCheck(check) && !check.describe('').startsWith('exec '))) {
        fail(owner, `${prefix}${field}`, `must be an exec check: the ${prefix === '' ? 'pods declare' : 'container declares'} no port`,
          check === undefined ? 'none' : check.describe('(none)'),
          `pass HealthCheck.exec(['/bin/healthcheck', ...]), or give \`${prefix}port\` (an admin port the checks can reach)`);
      }
    }
  }
  const p = port ?? { name: '', number: 0 };
  const defaults = protocol.defaultHealthChecks();
  const readiness = pickCheck(owner, `${prefix}readinessProbe`, props.readinessProbe, defaults.readiness);
  const liveness = pickCheck(owner, `${prefix}livenessProbe`, props.livenessProbe, defaults.liveness);
  // The startup probe checks what liveness will check once it passes: an overridden liveness
  // check (or, when only readiness is overridden, the readiness check), with the startup timings.
  const followed = props.livenessProbe !== undefined ? liveness : props.readinessProbe !== undefined ? readiness : undefined;
  const startup = pickCheck(owner, `${prefix}startupProbe`, props.startupProbe, followed?._handlerOnly() ?? defaults.startup);
  const sameCheck = readiness.describe(p.name) === liveness.describe(p.name);
  if (sameCheck && props.readinessProbe === undefined && props.livenessProbe === undefined && protocol._identicalDefaultChecks) {
    acknowledgements[acknowledgementKey(RuleId.PROBES_IDENTICAL)] = IDENTICAL_TCP_CHECKS_REASON;
  } else if (sameCheck) {
    fail(owner, `${prefix}livenessProbe`, 'must not be the same check as the readiness probe (a slow pod would be restarted instead of taken out of rotation)',
      liveness.describe(p.name), "check a different thing, such as HealthCheck.httpGet('/healthz') for liveness and '/readyz' for readiness");
  }
  // Readiness and liveness first: a bad check the startup probe follows is reported under the field that set it.
  const readinessProbe = readiness._toProbe(owner, `${prefix}readinessProbe`, p, PROBE_DEFAULTS.readiness);
  const livenessProbe = liveness._toProbe(owner, `${prefix}livenessProbe`, p, PROBE_DEFAULTS.liveness);
  return {
    probes: { startupProbe: startup._toProbe(owner, `${prefix}startupProbe`, p, PROBE_DEFAULTS.startup), readinessProbe, livenessProbe },
    acknowledgements,
  };
}

/**
 * The probes of a container of pods that run to completion: a liveness check when given, and for
 * a sidecar a startup check when given (the app starts once it passes); nothing sends a job
 * traffic, so no readiness check.
 * @param sidecar whether the container is a sidecar (a startup probe is allowed)
 */
export function resolveBatchProbes(
  owner: IConstruct, prefix: string, props: ProbeProps, port: ProbePort | undefined, sidecar = false,
): ResolvedProbes {
  for (const field of sidecar ? ['readinessProbe'] as const : ['readinessProbe', 'startupProbe'] as const) {
    if (props[field] !== undefined) {
      fail(owner, `${prefix}${field}`, 'does not apply to a job: nothing sends its pods traffic', HealthCheck.isHealthCheck(props[field]) ? props[field].describe('(none)') : props[field],
        'leave it out (a livenessProbe restarts a job that hangs; activeDeadline ends one that runs too long)');
    }
  }
  const p = port ?? { name: '', number: 0 };
  const probes: { startupProbe?: k8s.Probe; livenessProbe?: k8s.Probe } = {};
  for (const field of ['startupProbe', 'livenessProbe'] as const) {
    const given = props[field];
    if (given === undefined) {
      continue;
    }
    const check = pickCheck(owner, `${prefix}${field}`, given, given);
    if (port === undefined && !check.describe('').startsWith('exec ')) {
      fail(owner, `${prefix}${field}`, `must be an exec check: the ${prefix === '' ? 'pods declare' : 'container declares'} no port`, check.describe('(none)'),
        `pass HealthCheck.exec(['/bin/healthcheck', ...]), or give \`${prefix}port\` (an admin port the check can reach)`);
    }
    probes[field] = check._toProbe(owner, `${prefix}${field}`, p, field === 'startupProbe' ? PROBE_DEFAULTS.startup : PROBE_DEFAULTS.liveness);
  }
  return { probes, acknowledgements: {} };
}
