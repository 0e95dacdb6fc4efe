import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** An autoscaler keeps at least 2 replicas and has room to scale. */
export const hpaMin: Rule = scopedRule({
  id: RuleId.HPA_MIN,
  severity: 'error',
  why: 'minReplicas below 2 lets the autoscaler scale down to a single point of failure; maxReplicas <= minReplicas cannot scale at all.',
  fix: 'Set minReplicas to 2 or more and maxReplicas above minReplicas.',
  appliesTo: { kinds: ['HorizontalPodAutoscaler'] },
  check: (object) => {
    const spec = objectAt(object.spec);
    const min = typeof spec.minReplicas === 'number' ? spec.minReplicas : 1;
    const messages: string[] = [];
    if (min < 2) {
      messages.push(spec.minReplicas === undefined ? 'minReplicas is unset (defaults to 1), expected 2 or more' : `minReplicas is ${min}, expected 2 or more`);
    }
    if (typeof spec.maxReplicas !== 'number' || spec.maxReplicas <= min) {
      messages.push(`maxReplicas is ${JSON.stringify(spec.maxReplicas)}, expected more than minReplicas (${min})`);
    }
    return messages;
  },
});
