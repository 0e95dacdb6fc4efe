import { Manifest, arrayAt, nameOf, namespaceOf, objectAt, objectsAt, textOf } from '../../guardrails/manifest';
import { podTemplateOf } from '../../guardrails/pod-template';
import { DiffProblem, DiffRule } from '../diff-rule';
import { describeObject } from '../manifest-set';
import { isKind } from './problem';

/** One place where a pod template names a Secret or ConfigMap. */
interface Reference {
  readonly kind: 'Secret' | 'ConfigMap';
  readonly name: string;
  /** The field, e.g. `spec.template.spec.containers[0].envFrom[1].secretRef`. */
  readonly field: string;
}

/** Every non-optional reference of a pod template to a Secret or ConfigMap: env, envFrom, volumes and projected sources. */
function referencesOf(object: Manifest): Reference[] {
  const template = podTemplateOf(object);
  if (template === undefined) {
    return [];
  }
  const prefix = object.kind === 'Pod' ? 'spec' : object.kind === 'CronJob' ? 'spec.jobTemplate.spec.template.spec' : 'spec.template.spec';
  const found: Reference[] = [];
  const add = (kind: Reference['kind'], ref: unknown, nameField: string, field: string) => {
    const r = objectAt(ref);
    if (r[nameField] !== undefined && r.optional !== true) {
      found.push({ kind, name: textOf(r[nameField]), field: `${prefix}.${field}` });
    }
  };
  for (const list of ['initContainers', 'containers', 'ephemeralContainers']) {
    objectsAt(template.spec[list]).forEach((container, c) => {
      objectsAt(container.env).forEach((env, e) => {
        const from = objectAt(env.valueFrom);
        add('Secret', from.secretKeyRef, 'name', `${list}[${c}].env[${e}].valueFrom.secretKeyRef`);
        add('ConfigMap', from.configMapKeyRef, 'name', `${list}[${c}].env[${e}].valueFrom.configMapKeyRef`);
      });
      objectsAt(container.envFrom).forEach((env, e) => {
        add('Secret', env.secretRef, 'name', `${list}[${c}].envFrom[${e}].secretRef`);
        add('ConfigMap', env.configMapRef, 'name', `${list}[${c}].envFrom[${e}].configMapRef`);
      });
    });
  }
  objectsAt(template.spec.volumes).forEach((volume, v) => {
    add('Secret', volume.secret, 'secretName', `volumes[${v}].secret`);
    add('ConfigMap', volume.configMap, 'name', `volumes[${v}].configMap`);
    arrayAt(objectAt(volume.projected).sources).forEach((source, s) => {
      add('Secret', objectAt(source).secret, 'name', `volumes[${v}].projected.sources[${s}].secret`);
      add('ConfigMap', objectAt(source).configMap, 'name', `volumes[${v}].projected.sources[${s}].configMap`);
    });
  });
  return found;
}

/** A Secret or ConfigMap removed while a pod template of NEW still references it. */
export const pruneConfigInUse: DiffRule = {
  id: 'prune-config-in-use',
  why: 'A pod whose env, envFrom or volume names a Secret or ConfigMap that does not exist does not start (CreateContainerConfigError, '
    + 'or a volume that cannot mount): once pruned, every new pod of the workload fails, at the next rollout, restart or reschedule.',
  fix: 'Keep the Secret or ConfigMap in the output while a workload references it, remove the reference in the same commit, '
    + 'or mark the reference optional: true if the pod can run without it.',
  source: 'deletion with prune; the kubelet refuses to start a container whose Secret or ConfigMap is missing (pkg/kubelet/kubelet_pods.go)',
  check: (context) => {
    const removed = new Set(context.removed.filter((o) => isKind(o, '', ['Secret', 'ConfigMap']))
      .map((o) => `${o.kind}\u0000${namespaceOf(o)}\u0000${nameOf(o)}`));
    if (removed.size === 0) {
      return [];
    }
    const problems: DiffProblem[] = [];
    for (const object of context.new.objects) {
      for (const ref of referencesOf(object)) {
        if (removed.has(`${ref.kind}\u0000${namespaceOf(object)}\u0000${ref.name}`)) {
          const target = `${ref.kind} ${namespaceOf(object)}/${ref.name}`;
          problems.push({
            object,
            side: 'new',
            field: ref.field,
            oldValue: target,
            newValue: '',
            message: `${ref.field}: ${describeObject(object)} still references ${target}, which is in OLD and not in NEW, got a reference to a pruned object`,
          });
        }
      }
    }
    return problems;
  },
};
