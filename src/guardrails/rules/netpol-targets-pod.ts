import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';
import { isEmptyLabelSelector } from '../selector';

/** A NetworkPolicy with a pod selector selects some pod of its namespace. */
export const netpolTargetsPod: Rule = scopedRule({
  id: RuleId.NETPOL_TARGETS_POD,
  severity: 'warning',
  why: 'A NetworkPolicy whose podSelector matches no pod protects nothing, usually after a label change.',
  fix: 'Make spec.podSelector match the selector labels of the workload it protects (an empty podSelector applies to the whole namespace).',
  appliesTo: { kinds: ['NetworkPolicy'] },
  check: (object, context) => {
    const selector = objectAt(object.spec).podSelector ?? {};
    if (isEmptyLabelSelector(selector)) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const matched = context.podTemplatesSelectedBy(namespace, selector).length > 0;
    return matched ? [] : [`podSelector ${JSON.stringify(selector)} selects no pod template in namespace ${namespace}`];
  },
});
