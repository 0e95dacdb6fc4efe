import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** A Service's selector matches the pods of a workload in its namespace. */
export const serviceTargetsPod: Rule = scopedRule({
  id: RuleId.SERVICE_TARGETS_POD,
  severity: 'error',
  why: 'A Service whose selector matches no pod has no endpoints: every request to it fails.',
  fix: 'Make spec.selector a subset of the pod template labels of the workload it fronts (its selector labels).',
  appliesTo: { kinds: ['Service'], group: '' },
  check: (object, context) => {
    const selector = objectAt(object.spec).selector;
    if (Object.keys(objectAt(selector)).length === 0) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const matched = context.podTemplatesSelectedByMap(namespace, selector).length > 0;
    return matched ? [] : [`selector ${JSON.stringify(selector)} matches no pod template in namespace ${namespace}`];
  },
});
