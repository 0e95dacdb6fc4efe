import { describeObject } from '../container-fields';
import { kindOf, nameOf, objectAt } from '../manifest';
import { Rule } from '../rule';
import { matchesLabelSelector } from '../selector';

/** No pod is selected by two PodDisruptionBudgets. */
export const pdbOverlap: Rule = {
  id: 'pdb-overlap',
  severity: 'error',
  why: 'The eviction API refuses to evict a pod that more than one PodDisruptionBudget selects, so node drains hang.',
  fix: 'Make the budgets\' selectors disjoint: one PodDisruptionBudget per workload (per track for canaries).',
  check: (object, context) => {
    if (kindOf(object) !== 'PodDisruptionBudget') {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const selector = objectAt(object.spec).selector;
    const others = context.objectsOf('PodDisruptionBudget', namespace).filter((budget) => budget !== object);
    const messages: string[] = [];
    for (const template of context.podTemplatesIn(namespace)) {
      if (!matchesLabelSelector(selector, template.labels)) {
        continue;
      }
      const overlapping = others.filter((budget) => matchesLabelSelector(objectAt(budget.spec).selector, template.labels));
      if (overlapping.length > 0) {
        messages.push(`the pods of ${describeObject(template.owner)} are also selected by PodDisruptionBudget ${overlapping.map(nameOf).join(', ')}`);
      }
    }
    return messages;
  },
};
