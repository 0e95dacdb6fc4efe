import { RuleId } from '../../conventions/rule-ids';
import { Manifest, arrayAt, kindOf, objectAt } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { maximumReplicas } from '../replicas';
import { Rule, scopedRule } from '../rule';

/** Access modes that let only one node (or one pod) mount the volume. */
const SINGLE_WRITER_MODES: ReadonlySet<string> = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

/**
 * The extra pods a Deployment's rolling update starts above `replicas`: `maxSurge` (a number, or a
 * percentage rounded up; Kubernetes's default is 25%), none under the Recreate strategy. A
 * StatefulSet replaces pods without a surge.
 */
function surgePods(object: Manifest, replicas: number): number {
  if (kindOf(object) !== 'Deployment') {
    return 0;
  }
  const strategy = objectAt(objectAt(object.spec).strategy);
  if (strategy.type === 'Recreate') {
    return 0;
  }
  const surge = objectAt(strategy.rollingUpdate).maxSurge ?? '25%';
  if (typeof surge === 'number') {
    return Math.max(0, surge);
  }
  const percent = typeof surge === 'string' ? /^([0-9]+)%$/.exec(surge) : null;
  return percent === null ? 0 : Math.ceil((replicas * Number(percent[1])) / 100);
}

/**
 * A workload that can run more than one pod at once (replicas over 1, an autoscaler that may
 * scale it there, or a Deployment's rollout surge: one replica and a surge run two pods during a
 * rollout) mounts no PersistentVolumeClaim whose claim in the input is ReadWriteOnce or
 * ReadWriteOncePod. A claim that is not in the input is not judged: its access mode is unknown.
 * The golden constructs refuse the same mount at synth time, whatever the claim, unless it is
 * acknowledged.
 */
export const pvcSingleWriter: Rule = scopedRule({
  id: RuleId.PVC_SINGLE_WRITER,
  severity: 'warning',
  why: 'A ReadWriteOnce volume attaches to one node: the second pod on another node waits in ContainerCreating (Multi-Attach error), and a rollout or a scale-up hangs.',
  fix: 'Use a ReadWriteMany claim, one claim per pod (a StatefulSet with volumeClaimTemplates), or run one pod.',
  appliesTo: { kinds: [...REPLICATED_KINDS], group: 'apps' },
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    const replicas = maximumReplicas(object, context);
    const surge = surgePods(object, replicas);
    const pods = replicas + surge;
    if (!template || pods <= 1) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const messages: string[] = [];
    for (const volume of arrayAt(template.spec.volumes)) {
      const claimName = objectAt(objectAt(volume).persistentVolumeClaim).claimName;
      if (typeof claimName !== 'string') {
        continue;
      }
      const claim = context.find('PersistentVolumeClaim', namespace, claimName);
      const modes = claim === undefined ? [] : arrayAt(objectAt(claim.spec).accessModes).map(String);
      if (modes.length > 0 && modes.every((mode) => SINGLE_WRITER_MODES.has(mode))) {
        messages.push(`volume ${objectAt(volume).name} mounts PersistentVolumeClaim ${claimName} (${modes.join(', ')}) into up to ${pods} pods of this ${kindOf(object)}${surge > 0 ? ` (${replicas} and ${surge} more during a rollout)` : ''}`);
      }
    }
    return messages;
  },
});
