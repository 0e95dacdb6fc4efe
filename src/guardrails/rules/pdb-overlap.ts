import { RuleId } from '../../conventions/rule-ids';
import { describeObject } from '../container-fields';
import { nameOf, objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** No pod is selected by two PodDisruptionBudgets. */
export const pdbOverlap: Rule = scopedRule({
  id: RuleId.PDB_OVERLAP,
  severity: 'error',
  why: 'The eviction API refuses to evict a pod that more than one PodDisruptionBudget selects, so node drains hang.',
  fix: 'Make the budgets\' selectors disjoint: one PodDisruptionBudget per workload (per track for canaries).',
  appliesTo: { kinds: ['PodDisruptionBudget'] },
  check: (object, context) => {
    const namespace = context.namespaceOf(object);
    const selector = objectAt(object.spec).selector;
    const messages: string[] = [];
    for (const template of context.podTemplatesSelectedBy(namespace, selector)) {
      // the budgets that select the template, computed once per template for every budget
      const overlapping = context.objectsSelecting('PodDisruptionBudget', template).filter((budget) => budget !== object);
      if (overlapping.length > 0) {
        messages.push(`the pods of ${describeObject(template.owner)} are also selected by PodDisruptionBudget ${overlapping.map(nameOf).join(', ')}`);
      }
    }
    return messages;
  },
});
