import { isCoreKind, objectAt } from '../manifest';
import { Rule } from '../rule';

/** A Service's selector matches the pods of a workload in its namespace. */
export const serviceTargetsPod: Rule = {
  id: 'service-targets-pod',
  severity: 'error',
  why: 'A Service whose selector matches no pod has no endpoints: every request to it fails.',
  fix: 'Make spec.selector a subset of the pod template labels of the workload it fronts (its selector labels).',
  check: (object, context) => {
    const selector = objectAt(object.spec).selector;
    if (!isCoreKind(object, 'Service') || Object.keys(objectAt(selector)).length === 0) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const matched = context.podTemplatesSelectedByMap(namespace, selector).length > 0;
    return matched ? [] : [`selector ${JSON.stringify(selector)} matches no pod template in namespace ${namespace}`];
  },
};
