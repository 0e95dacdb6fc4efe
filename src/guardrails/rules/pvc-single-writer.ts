import { RuleId } from '../../conventions/rule-ids';
import { arrayAt, kindOf, objectAt } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { maximumReplicas } from '../replicas';
import { Rule, scopedRule } from '../rule';

/** Access modes that let only one node (or one pod) mount the volume. */
const SINGLE_WRITER_MODES: ReadonlySet<string> = new Set(['ReadWriteOnce', 'ReadWriteOncePod']);

/**
 * A workload that can run more than one pod (replicas over 1, or an autoscaler that may scale it
 * there) mounts no PersistentVolumeClaim whose claim in the input is ReadWriteOnce or
 * ReadWriteOncePod. A claim that is not in the input is not judged: its access mode is unknown.
 */
export const pvcSingleWriter: Rule = scopedRule({
  id: RuleId.PVC_SINGLE_WRITER,
  severity: 'warning',
  why: 'A ReadWriteOnce volume attaches to one node: the second pod on another node waits in ContainerCreating (Multi-Attach error), and a rollout or a scale-up hangs.',
  fix: 'Use a ReadWriteMany claim, one claim per pod (a StatefulSet with volumeClaimTemplates), or run one pod.',
  appliesTo: { kinds: [...REPLICATED_KINDS], group: 'apps' },
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    const pods = maximumReplicas(object, context);
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
        messages.push(`volume ${objectAt(volume).name} mounts PersistentVolumeClaim ${claimName} (${modes.join(', ')}) into up to ${pods} pods of this ${kindOf(object)}`);
      }
    }
    return messages;
  },
});
