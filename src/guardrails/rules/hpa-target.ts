import { RuleId } from '../../conventions/rule-ids';
import { objectAt, quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** An autoscaler scales an object of the output. */
export const hpaTarget: Rule = scopedRule({
  id: RuleId.HPA_TARGET,
  severity: 'error',
  why: 'An autoscaler whose scaleTargetRef names nothing scales nothing: the workload stays at its initial size under load.',
  fix: 'Point spec.scaleTargetRef at the kind and name of a workload in the same namespace.',
  appliesTo: { kinds: ['HorizontalPodAutoscaler'] },
  check: (object, context) => {
    const target = objectAt(objectAt(object.spec).scaleTargetRef);
    const namespace = context.namespaceOf(object);
    return context.find(String(target.kind), namespace, String(target.name))
      ? []
      : [`scaleTargetRef ${target.kind} ${quote(target.name)} names no object in namespace ${namespace}`];
  },
});
