import { kindOf, objectAt } from '../manifest';
import { Rule } from '../rule';
import { isEmptyLabelSelector } from '../selector';

/** A NetworkPolicy with a pod selector selects some pod of its namespace. */
export const netpolTargetsPod: Rule = {
  id: 'netpol-targets-pod',
  severity: 'warning',
  why: 'A NetworkPolicy whose podSelector matches no pod protects nothing, usually after a label change.',
  fix: 'Make spec.podSelector match the selector labels of the workload it protects (an empty podSelector applies to the whole namespace).',
  check: (object, context) => {
    if (kindOf(object) !== 'NetworkPolicy') {
      return [];
    }
    const selector = objectAt(object.spec).podSelector ?? {};
    if (isEmptyLabelSelector(selector)) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const matched = context.podTemplatesSelectedBy(namespace, selector).length > 0;
    return matched ? [] : [`podSelector ${JSON.stringify(selector)} selects no pod template in namespace ${namespace}`];
  },
};
