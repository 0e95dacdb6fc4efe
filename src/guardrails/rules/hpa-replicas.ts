import { kindOf, nameOf, objectAt } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { Rule } from '../rule';

/** A workload under an autoscaler leaves spec.replicas unset. */
export const hpaReplicas: Rule = {
  id: 'hpa-replicas',
  severity: 'error',
  why: 'With spec.replicas set under an autoscaler, every apply resets the replica count and scales the workload down in the middle of a peak.',
  fix: 'Remove spec.replicas from a workload that a HorizontalPodAutoscaler scales.',
  check: (object, context) => {
    if (!REPLICATED_KINDS.has(kindOf(object))) {
      return [];
    }
    const value = objectAt(object.spec).replicas;
    const autoscaler = context.autoscalersOf(object)[0];
    if (!autoscaler || value === undefined || value === null) {
      return [];
    }
    return [`spec.replicas is ${JSON.stringify(value)}, but HorizontalPodAutoscaler ${nameOf(autoscaler)} scales this ${kindOf(object)}`];
  },
};
