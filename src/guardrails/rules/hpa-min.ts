import { kindOf, objectAt } from '../manifest';
import { Rule } from '../rule';

/** An autoscaler keeps at least 2 replicas and has room to scale. */
export const hpaMin: Rule = {
  id: 'hpa-min',
  severity: 'error',
  why: 'minReplicas below 2 lets the autoscaler scale down to a single point of failure; maxReplicas <= minReplicas cannot scale at all.',
  fix: 'Set minReplicas to 2 or more and maxReplicas above minReplicas.',
  check: (object) => {
    if (kindOf(object) !== 'HorizontalPodAutoscaler') {
      return [];
    }
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
};
