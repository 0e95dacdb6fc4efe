import { posix } from 'path';
import { Lazy, Size, SizeRoundingBehavior } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { ConfigContent, resolveConfig } from './config';
import { resolveEnv } from './env';
import { METRICS_PORT_NAME } from './metrics';
import { WorkloadProps } from './workload-props';
import { acknowledgementKey } from '../conventions/acknowledgements';
import { antiAffinity } from '../conventions/anti-affinity';
import { ApiProtocol } from '../conventions/api-protocol';
import { API_TOKEN_PATH } from '../conventions/api-token';
import { HealthCheck } from '../conventions/health-check';
import { PROBE_DEFAULTS } from '../conventions/probes';
import { IMAGE_PULL_POLICY } from '../conventions/pull-policy';
import { ResourcePreset } from '../conventions/resource-preset';
import { RuleId } from '../conventions/rule-ids';
import { RestrictedSecurity } from '../conventions/security-context';
import { Shutdown } from '../conventions/shutdown';
import { topologySpread } from '../conventions/topology-spread';
import { PlatformDefaultsProps } from '../platform/platform-defaults';
import { checkAffinity, checkNodeSelector, checkTolerations, mergeAffinity } from '../platform/scheduling';
import { checkStringList } from '../private/checks';
import { fail } from '../private/errors';

const IDENTICAL_TCP_CHECKS_REASON = 'a raw TCP server has one check that fits any server, a TCP connect, used for readiness and liveness; '
  + 'a readinessProbe that checks its dependencies removes this';

const CONTAINER = 'app';
const TMP_VOLUME = 'tmp';
const CONFIG_VOLUME = 'config';

/** What the pod template is made of, besides the workload's props: decided and checked by the core. */
export interface PodTemplateContext {
  /** The construct errors name (the golden construct). */
  readonly owner: IConstruct;
  /** The workload's name: the ServiceAccount the pods run as, and the ConfigMap's prefix. */
  readonly name: string;
  /** The labels of the pods. */
  readonly labels: Record<string, string>;
  /** The labels that select exactly these pods (spread and anti-affinity). */
  readonly selectorLabels: Record<string, string>;
  /** The pods' annotations, checked. */
  readonly podAnnotations?: Record<string, string>;
  /** The protocol of the port: the default checks. */
  readonly protocol: ApiProtocol;
  /**
   * The container port and its name.
   * @default - no container port (a Worker without an admin port): only exec probes
   */
  readonly port?: { readonly name: string; readonly number: number };
  /**
   * The container port of the metrics endpoint, named `metrics`.
   * @default - none
   */
  readonly metricsPort?: number;
  /** The restricted security context of the pod and the container. */
  readonly security: RestrictedSecurity;
  /** The grace period and the preStop hook. */
  readonly shutdown: Shutdown;
  /** The container's resources, and whether they carry a CPU limit. */
  readonly resources: ResourcePreset;
  readonly cpuLimits: boolean;
  /** The PriorityClass (the prop's or the platform's), checked. */
  readonly priorityClassName?: string;
  /** The platform's scheduling defaults (checked when set), for the props left out. */
  readonly platform?: Pick<PlatformDefaultsProps, 'nodeSelector' | 'tolerations' | 'affinity'>;
  /**
   * Pods that run to completion (a Job's): this restart policy, a liveness probe only when
   * given, no readiness or startup probe (nothing sends a job traffic), no spread or anti-affinity
   * (one pod at a time).
   * @default - long-running pods: the three probes, spread and anti-affinity
   */
  readonly restartPolicy?: string;
}

/**
 * A pod template under construction: the PodTemplateSpec that a Deployment (or a StatefulSet, a
 * Job or a CronJob's job template) embeds, and the volumes added after it was built (the API
 * token, once a grant needs it), which the spec reads at synth.
 */
export interface PodTemplate {
  /** The template to embed in a workload object's spec. */
  readonly spec: k8s.PodTemplateSpec;
  /** The `config` files, when given: the ConfigMap the pods mount. */
  readonly config?: ConfigContent;
  /** Acknowledgements of guardrail rules the template needs, for the workload object's annotations. */
  readonly acknowledgements: Record<string, string>;
  /** Mounts a volume into the app container. */
  mount(volume: k8s.Volume, mount: k8s.VolumeMount): void;
  /** Mounts a volume the pod spec does not list (a StatefulSet's volumeClaimTemplate) into the app container. */
  mountClaim(mount: k8s.VolumeMount): void;
}

/**
 * Builds the pod template of a golden workload: the app container (pinned image pulled on every
 * start, the named port, env, resources, the three probes, the preStop hook, the restricted
 * security context), a writable `/tmp`, the config files, topology spread and anti-affinity.
 * Every prop is checked here, at the owner, in the order the fields are read.
 */
export function buildPodTemplate(props: WorkloadProps, context: PodTemplateContext): PodTemplate {
  const { owner } = context;
  const { probes, acknowledgements } = context.restartPolicy === undefined ? resolveProbes(props, context) : resolveBatchProbes(props, context);
  const config = props.config === undefined ? undefined : resolveConfig(owner, context.name, props.config);
  const configMountPath = checkMountPath(owner, props.configMountPath ?? '/config');
  const tmpSize = checkTmpSize(owner, props.tmpVolumeSize);
  const volumes: k8s.Volume[] = [];
  const volumeMounts: k8s.VolumeMount[] = [];
  const scheduling = resolveScheduling(props, context);

  const container: k8s.Container = {
    name: CONTAINER,
    image: props.image,
    imagePullPolicy: IMAGE_PULL_POLICY,
    command: props.command === undefined ? undefined : checkStringList(owner, 'command', props.command),
    args: props.args === undefined ? undefined : checkStringList(owner, 'args', props.args),
    ports: containerPorts(context),
    env: resolveEnv(owner, props.env, props.secretEnv),
    envFrom: resolveEnvFrom(owner, props.envFrom),
    resources: context.resources._toResources(owner, 'resources', context.cpuLimits),
    ...probes,
    lifecycle: context.shutdown.lifecycle,
    securityContext: context.security.container,
    volumeMounts: Lazy.any({ produce: () => volumeMounts }) as any,
  };
  const mount = (volume: k8s.Volume, volumeMount: k8s.VolumeMount) => {
    volumes.push(volume);
    volumeMounts.push(volumeMount);
  };
  mount({ name: TMP_VOLUME, emptyDir: { sizeLimit: k8s.Quantity.fromString(`${tmpSize}Mi`) } }, { name: TMP_VOLUME, mountPath: '/tmp' });
  if (config) {
    mount({ name: CONFIG_VOLUME, configMap: { name: config.name } }, { name: CONFIG_VOLUME, mountPath: configMountPath, readOnly: true });
  }

  const spec: k8s.PodTemplateSpec = {
    metadata: { labels: context.labels, annotations: context.podAnnotations },
    spec: {
      serviceAccountName: context.name,
      automountServiceAccountToken: false,
      priorityClassName: context.priorityClassName,
      nodeSelector: scheduling.nodeSelector,
      tolerations: scheduling.tolerations,
      terminationGracePeriodSeconds: context.shutdown.terminationGracePeriodSeconds,
      securityContext: context.security.pod,
      restartPolicy: context.restartPolicy,
      affinity: context.restartPolicy === undefined ? mergeAffinity(antiAffinity(context.selectorLabels), scheduling.affinity) : scheduling.affinity,
      topologySpreadConstraints: context.restartPolicy === undefined ? topologySpread(context.selectorLabels) : undefined,
      volumes: Lazy.any({ produce: () => volumes }) as any,
      containers: [container],
    },
  };
  return { spec, config, acknowledgements, mount, mountClaim: (volumeMount) => volumeMounts.push(volumeMount) };
}

/** The app container's ports: the app's, then the metrics port; none without either. */
function containerPorts(context: PodTemplateContext): k8s.ContainerPort[] | undefined {
  const ports: k8s.ContainerPort[] = [
    ...context.port === undefined ? [] : [{ name: context.port.name, containerPort: context.port.number, protocol: 'TCP' }],
    ...context.metricsPort === undefined ? [] : [{ name: METRICS_PORT_NAME, containerPort: context.metricsPort, protocol: 'TCP' }],
  ];
  return ports.length === 0 ? undefined : ports;
}

/**
 * Node selector, tolerations and extra affinity: the prop's, else the platform's (checked again,
 * so that the output holds fresh plain objects); an empty list of tolerations is no field at all.
 */
function resolveScheduling(props: WorkloadProps, context: PodTemplateContext) {
  const { owner, platform } = context;
  const nodeSelector = props.nodeSelector !== undefined ? checkNodeSelector(owner, 'nodeSelector', props.nodeSelector)
    : platform?.nodeSelector === undefined ? undefined : checkNodeSelector(owner, 'PlatformDefaults.nodeSelector', platform.nodeSelector);
  const tolerations = props.tolerations !== undefined ? checkTolerations(owner, 'tolerations', props.tolerations)
    : platform?.tolerations === undefined ? undefined : checkTolerations(owner, 'PlatformDefaults.tolerations', platform.tolerations);
  const affinity = props.affinity !== undefined ? checkAffinity(owner, 'affinity', props.affinity)
    : platform?.affinity === undefined ? undefined : checkAffinity(owner, 'PlatformDefaults.affinity', platform.affinity);
  return { nodeSelector, tolerations: tolerations?.length ? tolerations : undefined, affinity };
}

/** The config mount: an absolute path, normalised, not over `/`, `/tmp` or the API token. */
function checkMountPath(owner: IConstruct, value: unknown): string {
  const fix = "use a path such as '/config'";
  if (typeof value !== 'string' || !/^\/[^\s]*$/.test(value) || value.split('/').includes('..')) {
    fail(owner, 'configMountPath', 'must be an absolute path other than / and /tmp', value, fix);
  }
  const normalised = posix.normalize(value).replace(/\/+$/, '') || '/';
  if (['/', '/tmp', API_TOKEN_PATH].includes(normalised)) {
    fail(owner, 'configMountPath', `must be an absolute path other than / and /tmp${normalised === API_TOKEN_PATH ? ' (and the API token\'s)' : ''}`, value, fix);
  }
  return normalised;
}

function checkTmpSize(owner: IConstruct, size: unknown): number {
  if (size === undefined) {
    return 64;
  }
  const mebibytes = size instanceof Size ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : NaN;
  if (!Number.isSafeInteger(mebibytes) || mebibytes < 1) {
    fail(owner, 'tmpVolumeSize', 'must be a whole number of MiB, at least 1', size instanceof Size ? `${mebibytes}Mi` : size, 'use Size.mebibytes(n)');
  }
  return mebibytes;
}

function resolveEnvFrom(owner: IConstruct, envFrom: unknown): k8s.EnvFromSource[] | undefined {
  if (envFrom === undefined) {
    return undefined;
  }
  if (!Array.isArray(envFrom)) {
    fail(owner, 'envFrom', 'must be a list of EnvSource', envFrom, "use [EnvSource.fromConfigMap('name'), EnvSource.fromSecret('name')]");
  }
  return envFrom.map((source, i) => {
    if (source === null || typeof source !== 'object' || typeof source._toEnvFrom !== 'function') {
      fail(owner, `envFrom[${i}]`, 'must be an EnvSource', source, "use EnvSource.fromConfigMap('name') or EnvSource.fromSecret('name')");
    }
    return source._toEnvFrom(owner, `envFrom[${i}]`);
  });
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
 * The three probes: the protocol's default checks unless given, the startup probe following what
 * liveness will check; readiness and liveness never the same check, except raw TCP's defaults,
 * which are acknowledged.
 */
function resolveProbes(props: WorkloadProps, context: PodTemplateContext): {
  probes: Pick<k8s.Container, 'startupProbe' | 'readinessProbe' | 'livenessProbe'>;
  acknowledgements: Record<string, string>;
} {
  const { owner, protocol } = context;
  const acknowledgements: Record<string, string> = {};
  if (context.port === undefined) {
    for (const field of ['readinessProbe', 'livenessProbe', 'startupProbe'] as const) {
      const check = props[field];
      if ((check === undefined && field !== 'startupProbe') || (HealthCheck.isHealthCheck(check) && !check.describe('').startsWith('exec '))) {
        fail(owner, field, 'must be an exec check: the pods declare no port', check === undefined ? 'none' : check.describe('(none)'),
          "pass HealthCheck.exec(['/bin/healthcheck', ...]), or give `port` (an admin port the checks can reach)");
      }
    }
  }
  const port = context.port ?? { name: '', number: 0 };
  const defaults = protocol.defaultHealthChecks();
  const readiness = pickCheck(owner, 'readinessProbe', props.readinessProbe, defaults.readiness);
  const liveness = pickCheck(owner, 'livenessProbe', props.livenessProbe, defaults.liveness);
  // The startup probe checks what liveness will check once it passes: an overridden liveness
  // check (or, when only readiness is overridden, the readiness check), with the startup timings.
  const followed = props.livenessProbe !== undefined ? liveness : props.readinessProbe !== undefined ? readiness : undefined;
  const startup = pickCheck(owner, 'startupProbe', props.startupProbe, followed?._handlerOnly() ?? defaults.startup);
  const sameCheck = readiness.describe(port.name) === liveness.describe(port.name);
  if (sameCheck && props.readinessProbe === undefined && props.livenessProbe === undefined && protocol._identicalDefaultChecks) {
    acknowledgements[acknowledgementKey(RuleId.PROBES_IDENTICAL)] = IDENTICAL_TCP_CHECKS_REASON;
  } else if (sameCheck) {
    fail(owner, 'livenessProbe', 'must not be the same check as the readiness probe (a slow pod would be restarted instead of taken out of rotation)',
      liveness.describe(port.name), "check a different thing, such as HealthCheck.httpGet('/healthz') for liveness and '/readyz' for readiness");
  }
  // Readiness and liveness first: a bad check the startup probe follows is reported under the field that set it.
  const readinessProbe = readiness._toProbe(owner, 'readinessProbe', port, PROBE_DEFAULTS.readiness);
  const livenessProbe = liveness._toProbe(owner, 'livenessProbe', port, PROBE_DEFAULTS.liveness);
  return {
    probes: { startupProbe: startup._toProbe(owner, 'startupProbe', port, PROBE_DEFAULTS.startup), readinessProbe, livenessProbe },
    acknowledgements,
  };
}

/** The probes of pods that run to completion: a liveness check when given, nothing else. */
function resolveBatchProbes(props: WorkloadProps, context: PodTemplateContext): {
  probes: Pick<k8s.Container, 'livenessProbe'>;
  acknowledgements: Record<string, string>;
} {
  const { owner } = context;
  for (const field of ['readinessProbe', 'startupProbe'] as const) {
    if (props[field] !== undefined) {
      fail(owner, field, 'does not apply to a job: nothing sends its pods traffic', HealthCheck.isHealthCheck(props[field]) ? props[field].describe('(none)') : props[field],
        'leave it out (a livenessProbe restarts a job that hangs; activeDeadline ends one that runs too long)');
    }
  }
  if (props.livenessProbe === undefined) {
    return { probes: {}, acknowledgements: {} };
  }
  const liveness = pickCheck(owner, 'livenessProbe', props.livenessProbe, props.livenessProbe);
  const port = context.port ?? { name: '', number: 0 };
  if (context.port === undefined && !liveness.describe('').startsWith('exec ')) {
    fail(owner, 'livenessProbe', 'must be an exec check: the pods declare no port', liveness.describe('(none)'),
      "pass HealthCheck.exec(['/bin/healthcheck', ...]), or give `port` (an admin port the check can reach)");
  }
  return { probes: { livenessProbe: liveness._toProbe(owner, 'livenessProbe', port, PROBE_DEFAULTS.liveness) }, acknowledgements: {} };
}
