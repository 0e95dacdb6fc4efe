import { RuleId } from '../../conventions/rule-ids';
import { kindOf, nameOf, objectAt } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** A workload under an autoscaler leaves spec.replicas unset. */
export const hpaReplicas: Rule = scopedRule({
  id: RuleId.HPA_REPLICAS,
  severity: 'error',
  why: 'With spec.replicas set under an autoscaler, every apply resets the replica count and scales the workload down in the middle of a peak.',
  fix: 'Remove spec.replicas from a workload that a HorizontalPodAutoscaler or a KEDA ScaledObject scales.',
  appliesTo: { kinds: [...REPLICATED_KINDS] },
  check: (object, context) => {
    const value = objectAt(object.spec).replicas;
    const autoscaler = context.autoscalersOf(object)[0];
    if (!autoscaler || value === undefined || value === null) {
      return [];
    }
    return [`spec.replicas is ${JSON.stringify(value)}, but ${kindOf(autoscaler)} ${nameOf(autoscaler)} scales this ${kindOf(object)}`];
  },
});
