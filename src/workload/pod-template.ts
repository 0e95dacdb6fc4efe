import { posix } from 'path';
import { Lazy, Size, SizeRoundingBehavior } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { ConfigContent, resolveConfig } from './config';
import { resolveBatchProbes, resolveProbes } from './container-probes';
import { resolveEnv } from './env';
import { METRICS_PORT_NAME } from './metrics';
import { CheckedMount, PodVolumes } from './pod-volumes';
import { WorkloadProps } from './workload-props';
import { antiAffinity } from '../conventions/anti-affinity';
import { ApiProtocol } from '../conventions/api-protocol';
import { API_TOKEN_PATH, API_TOKEN_VOLUME } from '../conventions/api-token';
import { checkPinnedImage } from '../conventions/image';
import { IMAGE_PULL_POLICY } from '../conventions/pull-policy';
import { ResourcePreset, ResourceValues } from '../conventions/resource-preset';
import { RestrictedSecurity } from '../conventions/security-context';
import { Shutdown } from '../conventions/shutdown';
import { topologySpread } from '../conventions/topology-spread';
import { PlatformDefaultsProps } from '../platform/platform-defaults';
import { checkAllowedRegistry } from '../platform/registries';
import { checkAffinity, checkNodeSelector, checkTolerations, mergeAffinity } from '../platform/scheduling';
import { checkInteger, checkPodLocalName, checkPortName, checkStringList } from '../private/checks';
import { fail } from '../private/errors';

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
  readonly platform?: Pick<PlatformDefaultsProps, 'nodeSelector' | 'tolerations' | 'affinity' | 'allowedRegistries'>;
  /**
   * The most pods of the workload that run at once (replicas or the autoscaler's maximum, plus
   * the rollout surge): a single-writer claim is refused above 1.
   * @default 1
   */
  readonly maxPods?: number;
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
  /**
   * Mounts a volume the pod spec does not list (a StatefulSet's volumeClaimTemplate) into the app
   * container; refused when its name or path clashes with a volume of the `volumes` prop.
   * @param field the prop that set the mount path, for messages
   */
  mountClaim(mount: k8s.VolumeMount, field?: string): void;
  /**
   * What one pod requests and is limited to, by Kubernetes's rule: the app and the sidecars
   * together, or the largest init container with the sidecars started before it, whichever is
   * larger.
   */
  podResources(): ResourceValues;
}

/**
 * Builds the pod template of a golden workload: the app container (pinned image pulled on every
 * start, the named port, env, resources, the three probes, the preStop hook, the restricted
 * security context), a writable `/tmp`, the config files, topology spread and anti-affinity.
 * Every prop is checked here, at the owner, in the order the fields are read.
 */
export function buildPodTemplate(props: WorkloadProps, context: PodTemplateContext): PodTemplate {
  const { owner } = context;
  const { probes, acknowledgements } = context.restartPolicy === undefined
    ? resolveProbes(owner, '', props, context.protocol, context.port)
    : resolveBatchProbes(owner, '', props, context.port);
  const config = props.config === undefined ? undefined : resolveConfig(owner, context.name, props.config);
  const configMountPath = checkMountPath(owner, props.configMountPath ?? '/config');
  const tmpSize = checkTmpSize(owner, props.tmpVolumeSize);
  const volumes: k8s.Volume[] = [];
  const volumeMounts: k8s.VolumeMount[] = [];
  const scheduling = resolveScheduling(props, context);
  const reservedNames = config ? [TMP_VOLUME, CONFIG_VOLUME, API_TOKEN_VOLUME] : [TMP_VOLUME, API_TOKEN_VOLUME];
  const podVolumes = new PodVolumes(owner, reservedNames, context.maxPods ?? 1);
  const reservedPaths: CheckedMount[] = [{ field: 'the writable /tmp', mountPath: '/tmp' }, { field: 'the API token', mountPath: API_TOKEN_PATH }];
  const appMounts = podVolumes.mount('volumes', props.volumes, config ? [...reservedPaths, { field: 'configMountPath', mountPath: configMountPath }] : reservedPaths);
  const extra = buildExtraContainers(props, context, podVolumes, reservedPaths);

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
  volumes.push(...podVolumes.volumes);
  volumeMounts.push(...appMounts);
  const podResources = () => {
    const app = context.resources._values(owner, 'resources');
    return effectiveResources(app, extra.sidecars.map((c) => c.values), extra.initContainers.map((c) => c.values));
  };
  checkEmptyDirs(owner, podVolumes, tmpSize, podResources);

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
      initContainers: extra.containers.length > 0 ? extra.containers : undefined,
      containers: [container],
    },
  };
  const mountClaim = (volumeMount: k8s.VolumeMount, field = 'mountPath') => {
    if (podVolumes.volumes.some((v) => v.name === volumeMount.name)) {
      fail(owner, 'volumes', `names a volume '${volumeMount.name}', the name of the workload's own claim`, volumeMount.name, 'give the volume another name');
    }
    for (const m of appMounts) {
      const [a, b] = [m.mountPath, volumeMount.mountPath];
      if (a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`)) {
        fail(owner, field, `overlaps the mount of volume '${m.name}' (${a}) from \`volumes\``, b, 'mount each volume at a path of its own, outside the others');
      }
    }
    volumeMounts.push(volumeMount);
  };
  return {
    spec,
    config,
    acknowledgements: { ...acknowledgements, ...extra.acknowledgements, ...podVolumes.acknowledgements },
    mount,
    mountClaim,
    podResources,
  };
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

function resolveEnvFrom(owner: IConstruct, envFrom: unknown, prefix = ''): k8s.EnvFromSource[] | undefined {
  if (envFrom === undefined) {
    return undefined;
  }
  if (!Array.isArray(envFrom)) {
    fail(owner, `${prefix}envFrom`, 'must be a list of EnvSource', envFrom, "use [EnvSource.fromConfigMap('name'), EnvSource.fromSecret('name')]");
  }
  return envFrom.map((source, i) => {
    if (source === null || typeof source !== 'object' || typeof source._toEnvFrom !== 'function') {
      fail(owner, `${prefix}envFrom[${i}]`, 'must be an EnvSource', source, "use EnvSource.fromConfigMap('name') or EnvSource.fromSecret('name')");
    }
    return source._toEnvFrom(owner, `${prefix}envFrom[${i}]`);
  });
}

/** A sidecar or init container, built, with its resources. */
interface ExtraContainer {
  readonly container: k8s.Container;
  readonly values: ResourceValues;
}

/**
 * The sidecars and init containers: checked like the app container (pinned image from an allowed
 * registry, env, resources, the restricted security context, the pod's `/tmp`), names unique in
 * the pod, ports distinct from the app's and each other's. Sidecars come first in
 * `initContainers` (so that init containers can use them), each with `restartPolicy: Always`.
 */
function buildExtraContainers(props: WorkloadProps, context: PodTemplateContext, podVolumes: PodVolumes, reservedPaths: CheckedMount[]) {
  const { owner } = context;
  const names = new Map<string, string>([[CONTAINER, 'the app container']]);
  const ports = new Map<number, string>();
  const portNames = new Map<string, string>();
  if (context.port !== undefined) {
    ports.set(context.port.number, 'the app container (`port`)');
    portNames.set(context.port.name, 'the app container (`portName`)');
  }
  if (context.metricsPort !== undefined) {
    ports.set(context.metricsPort, 'the app container (`metrics.port`)');
    portNames.set(METRICS_PORT_NAME, 'the app container (`metrics`)');
  }
  const acknowledgements: Record<string, string> = {};
  const build = (list: 'sidecars' | 'initContainers', given: unknown): ExtraContainer[] => {
    if (given === undefined) {
      return [];
    }
    if (!Array.isArray(given)) {
      fail(owner, list, 'must be a list of ContainerOptions', given, "pass [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0' }]");
    }
    const sidecar = list === 'sidecars';
    return given.map((c, i) => {
      const prefix = `${list}[${i}].`;
      if (c === null || typeof c !== 'object') {
        fail(owner, `${list}[${i}]`, 'must be ContainerOptions', c, "pass { name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0' }");
      }
      const name = checkPodLocalName(owner, `${prefix}name`, c.name, 'proxy');
      if (names.has(name)) {
        fail(owner, `${prefix}name`, `must be unique in the pod: ${names.get(name)} has it`, name, 'give the container another name');
      }
      names.set(name, `${list}[${i}]`);
      checkPinnedImage(owner, `${prefix}image`, c.image);
      checkAllowedRegistry(owner, `${prefix}image`, c.image, context.platform?.allowedRegistries);
      let port: { name: string; number: number } | undefined;
      if (c.port !== undefined || c.portName !== undefined) {
        if (!sidecar) {
          fail(owner, `${prefix}${c.port !== undefined ? 'port' : 'portName'}`, 'does not apply to an init container (it runs to completion and serves nothing)',
            c.port ?? c.portName, 'leave it out, or make the container a sidecar');
        }
        if (c.port === undefined) {
          fail(owner, `${prefix}portName`, 'names a port the container does not declare', c.portName, `give \`${prefix}port\` too, or leave portName out`);
        }
        const number = checkInteger(owner, `${prefix}port`, c.port, 1, 65535);
        if (ports.has(number)) {
          fail(owner, `${prefix}port`, `is already the port of ${ports.get(number)}: the containers of a pod share its network`, number, 'use another port');
        }
        ports.set(number, `${list}[${i}]`);
        if (c.portName === undefined && (name.length > 15 || !/[a-z]/.test(name) || name.includes('--'))) {
          fail(owner, `${prefix}portName`, 'must be given: the container\'s name is no port name (an IANA service name of at most 15 characters)', name,
            "set portName, such as 'proxy' or 'admin'");
        }
        const portName = checkPortName(owner, `${prefix}portName`, c.portName ?? name);
        if (portNames.has(portName)) {
          fail(owner, `${prefix}portName`, `is already the port name of ${portNames.get(portName)}`, portName, 'use another port name');
        }
        portNames.set(portName, `${list}[${i}]`);
        port = { name: portName, number };
      }
      let probes: Pick<k8s.Container, 'startupProbe' | 'readinessProbe' | 'livenessProbe'> = {};
      if (!sidecar) {
        for (const field of ['startupProbe', 'readinessProbe', 'livenessProbe'] as const) {
          if (c[field] !== undefined) {
            fail(owner, `${prefix}${field}`, 'does not apply to an init container (it runs to completion; Kubernetes refuses probes on it)',
              typeof c[field]?.describe === 'function' ? c[field].describe('(none)') : c[field], 'leave it out, or make the container a sidecar');
          }
        }
      } else {
        const protocol = c.protocol ?? ApiProtocol.HTTP;
        if (!ApiProtocol.isApiProtocol(protocol)) {
          fail(owner, `${prefix}protocol`, 'must be an ApiProtocol', protocol, 'use ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC or ApiProtocol.TCP');
        }
        const resolved = context.restartPolicy === undefined
          ? resolveProbes(owner, prefix, c, protocol, port)
          : resolveBatchProbes(owner, prefix, c, port, true);
        Object.assign(acknowledgements, resolved.acknowledgements);
        probes = resolved.probes;
      }
      const resources = c.resources ?? context.resources;
      if (!ResourcePreset.isResourcePreset(resources)) {
        fail(owner, `${prefix}resources`, 'must be a ResourcePreset', resources, 'use ResourcePreset.XSMALL, SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})');
      }
      const mounts = podVolumes.mount(`${prefix}volumes`, c.volumes, reservedPaths);
      const container: k8s.Container = {
        name,
        image: c.image,
        imagePullPolicy: IMAGE_PULL_POLICY,
        command: c.command === undefined ? undefined : checkStringList(owner, `${prefix}command`, c.command),
        args: c.args === undefined ? undefined : checkStringList(owner, `${prefix}args`, c.args),
        ports: port === undefined ? undefined : [{ name: port.name, containerPort: port.number, protocol: 'TCP' }],
        env: resolveEnv(owner, c.env, c.secretEnv, prefix),
        envFrom: resolveEnvFrom(owner, c.envFrom, prefix),
        resources: resources._toResources(owner, `${prefix}resources`, context.cpuLimits),
        restartPolicy: sidecar ? 'Always' : undefined,
        ...probes,
        securityContext: context.security.container,
        volumeMounts: [{ name: TMP_VOLUME, mountPath: '/tmp' }, ...mounts],
      };
      return { container, values: resources._values(owner, `${prefix}resources`) };
    });
  };
  const sidecars = build('sidecars', props.sidecars);
  const initContainers = build('initContainers', props.initContainers);
  return { sidecars, initContainers, containers: [...sidecars, ...initContainers].map((c) => c.container), acknowledgements };
}

/**
 * What one pod needs, by Kubernetes's rule for native sidecars: the regular containers and the
 * sidecars run together for the pod's lifetime; each init container runs with the sidecars
 * (which start before it) and nothing else; the pod needs the larger of the two, per resource.
 */
export function effectiveResources(app: ResourceValues, sidecars: ResourceValues[], initContainers: ResourceValues[]): ResourceValues {
  const keys = ['cpuRequest', 'cpuLimit', 'memory', 'storageRequest', 'storageLimit'] as const;
  const out: Record<string, number> = {};
  for (const key of keys) {
    const withSidecars = sidecars.reduce((sum, s) => sum + s[key], 0);
    const running = app[key] + withSidecars;
    const init = initContainers.reduce((most, c) => Math.max(most, c[key] + withSidecars), 0);
    out[key] = Math.max(running, init);
  }
  return out as unknown as ResourceValues;
}

/**
 * emptyDirs live off the pod's resources: the disk ones and `/tmp` together must fit the pod's
 * ephemeral-storage limit (the kubelet evicts a pod whose containers and emptyDirs use more), and
 * the memory ones the pod's memory (their files count as the memory of the containers that write them).
 */
function checkEmptyDirs(owner: IConstruct, podVolumes: PodVolumes, tmpSize: number, podResources: () => ResourceValues): void {
  const emptyDirs = podVolumes.emptyDirs;
  if (emptyDirs.length === 0) {
    return;
  }
  const pod = podResources();
  const disk = emptyDirs.filter((v) => !v.memory);
  const diskTotal = disk.reduce((sum, v) => sum + v.mebibytes, tmpSize);
  if (disk.length > 0 && diskTotal > pod.storageLimit) {
    fail(owner, `${disk[disk.length - 1].field}.sizeLimit`,
      `the disk emptyDirs and /tmp (${diskTotal}Mi in all) must fit the pod's ephemeral-storage limit (${pod.storageLimit}Mi), or the kubelet evicts the pod before a volume is full`,
      `${disk[disk.length - 1].mebibytes}Mi`, 'lower sizeLimit or tmpVolumeSize, or raise ephemeralStorageLimit (ResourcePreset.custom)');
  }
  const memory = emptyDirs.filter((v) => v.memory);
  const memoryTotal = memory.reduce((sum, v) => sum + v.mebibytes, 0);
  if (memory.length > 0 && memoryTotal > pod.memory) {
    fail(owner, `${memory[memory.length - 1].field}.sizeLimit`,
      `the memory emptyDirs (${memoryTotal}Mi in all) must fit the pod's memory (${pod.memory}Mi): their files are memory of the containers that write them`,
      `${memory[memory.length - 1].mebibytes}Mi`, 'lower sizeLimit, use EmptyDirMedium.DISK, or raise the memory (ResourcePreset)');
  }
}
