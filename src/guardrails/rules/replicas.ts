import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** A Deployment without an autoscaler runs at least 2 replicas. */
export const replicas: Rule = scopedRule({
  id: RuleId.REPLICAS,
  severity: 'warning',
  why: 'A single replica means downtime at every node drain, eviction or crash.',
  fix: 'Set spec.replicas to 2 or more (this library defaults to 3), or add a HorizontalPodAutoscaler with minReplicas >= 2.',
  appliesTo: { kinds: ['Deployment'] },
  check: (object, context) => {
    if (context.autoscalersOf(object).length > 0) {
      return [];
    }
    const value = objectAt(object.spec).replicas;
    if (value === undefined || value === null) {
      return ['spec.replicas is unset (defaults to 1), expected 2 or more'];
    }
    return typeof value === 'number' && value >= 2 ? [] : [`spec.replicas is ${JSON.stringify(value)}, expected 2 or more`];
  },
});
