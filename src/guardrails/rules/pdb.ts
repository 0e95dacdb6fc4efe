import { RuleId } from '../../conventions/rule-ids';
import { kindOf } from '../manifest';
import { REPLICATED_KINDS } from '../pod-template';
import { maximumReplicas } from '../replicas';
import { Rule, scopedRule } from '../rule';

/** Replicated workloads are covered by a PodDisruptionBudget. */
export const pdb: Rule = scopedRule({
  id: RuleId.PDB,
  severity: 'error',
  why: 'Without a PodDisruptionBudget a node drain or cluster upgrade may evict every replica at once.',
  fix: 'Add a PodDisruptionBudget (maxUnavailable: 1) whose selector matches the workload\'s pods.',
  appliesTo: { podTemplate: true, kinds: [...REPLICATED_KINDS] },
  check: (object, context, template) => {
    if (maximumReplicas(object, context) < 2) {
      return [];
    }
    const covered = context.objectsSelecting('PodDisruptionBudget', template).length > 0;
    return covered ? [] : [`no PodDisruptionBudget in namespace ${context.namespaceOf(object)} selects the ${kindOf(object)}'s pods`];
  },
});
