import { Manifest, isCoreKind, kindOf, labelsOf, objectAt, objectsAt } from './manifest';

/** Where a container sits in the pod spec. */
export type ContainerType = 'container' | 'initContainer' | 'ephemeralContainer';

/** One container of a pod template, with where it comes from. */
export interface ContainerRef {
  /** The container as written. */
  readonly container: Manifest;
  /** Which list of the pod spec it is in. */
  readonly type: ContainerType;
  /** Its name, '' when unset. */
  readonly name: string;
  /** How messages name it: `container app`, `init container setup`, `ephemeral container debug`. */
  readonly label: string;
}

/** The pod a workload object runs: its metadata, spec and every container. */
export interface PodTemplate {
  /** The object the template was read from (a Pod, Deployment, CronJob...). */
  readonly owner: Manifest;
  /** The pod's metadata (for a Pod its own metadata, else the template's). */
  readonly metadata: Manifest;
  /** The pod's labels. */
  readonly labels: Readonly<Record<string, string>>;
  /** The pod's annotations. */
  readonly annotations: Readonly<Record<string, unknown>>;
  /** The pod spec. */
  readonly spec: Manifest;
  /** Every container: regular, init and ephemeral, in that order. */
  readonly containers: ReadonlyArray<ContainerRef>;
}

/** Kinds whose objects carry a pod template at `spec.template`. */
const TEMPLATE_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'ReplicationController']);

/** Kinds that run pods which are expected to keep running (not run-to-completion). */
const LONG_RUNNING_KINDS: ReadonlySet<string> = new Set(['Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController']);

/** Kinds that run several interchangeable replicas behind a `spec.replicas`. */
export const REPLICATED_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet']);

const CONTAINER_LISTS: ReadonlyArray<[string, ContainerType, string]> = [
  ['containers', 'container', 'container'],
  ['initContainers', 'initContainer', 'init container'],
  ['ephemeralContainers', 'ephemeralContainer', 'ephemeral container'],
];

/**
 * The pod template of a Pod, Deployment, StatefulSet, DaemonSet, ReplicaSet, ReplicationController,
 * Job or CronJob (at `spec.jobTemplate.spec.template`); undefined for any other object or when
 * the object has no pod spec.
 */
export function podTemplateOf(object: Manifest): PodTemplate | undefined {
  const kind = kindOf(object);
  let metadata: unknown;
  let spec: unknown;
  if (isCoreKind(object, 'Pod')) {
    metadata = object.metadata;
    spec = object.spec;
  } else if (TEMPLATE_KINDS.has(kind)) {
    const template = objectAt(objectAt(object.spec).template);
    metadata = template.metadata;
    spec = template.spec;
  } else if (kind === 'CronJob') {
    const template = objectAt(objectAt(objectAt(objectAt(object.spec).jobTemplate).spec).template);
    metadata = template.metadata;
    spec = template.spec;
  } else {
    return undefined;
  }
  if (spec === undefined || spec === null || typeof spec !== 'object') {
    return undefined;
  }
  const podSpec = objectAt(spec);
  const podMetadata = objectAt(metadata);
  const containers: ContainerRef[] = [];
  for (const [field, type, prefix] of CONTAINER_LISTS) {
    for (const container of objectsAt(podSpec[field])) {
      const name = typeof container.name === 'string' ? container.name : '';
      containers.push({ container, type, name, label: `${prefix} ${name || '(unnamed)'}` });
    }
  }
  return {
    owner: object,
    metadata: podMetadata,
    labels: labelsOf(podMetadata),
    annotations: objectAt(podMetadata.annotations),
    spec: podSpec,
    containers,
  };
}

/** The regular containers, plus init containers that run as sidecars (restartPolicy Always). */
export function servingContainers(template: PodTemplate): ReadonlyArray<ContainerRef> {
  return template.containers.filter((ref) => ref.type === 'container'
    || (ref.type === 'initContainer' && ref.container.restartPolicy === 'Always'));
}

/** True when the template belongs to a workload whose pods keep running (not a Job or CronJob). */
export function isLongRunning(template: PodTemplate): boolean {
  return LONG_RUNNING_KINDS.has(kindOf(template.owner));
}

/** True when the pod declares `spec.os.name: windows`. */
export function isWindowsPod(template: PodTemplate): boolean {
  return objectAt(template.spec.os).name === 'windows';
}

/** The pod-level securityContext. */
export function podSecurityContext(template: PodTemplate): Manifest {
  return objectAt(template.spec.securityContext);
}

/** The container-level securityContext. */
export function containerSecurityContext(ref: ContainerRef): Manifest {
  return objectAt(ref.container.securityContext);
}

/**
 * The effective value of a field that exists on both the pod and the container securityContext
 * (runAsUser, runAsGroup, runAsNonRoot, seccompProfile, seLinuxOptions, windowsOptions...):
 * the container's when set, else the pod's.
 */
export function effectiveSecurityField(template: PodTemplate, ref: ContainerRef, field: string): unknown {
  const own = containerSecurityContext(ref)[field];
  return own !== undefined && own !== null ? own : podSecurityContext(template)[field];
}
