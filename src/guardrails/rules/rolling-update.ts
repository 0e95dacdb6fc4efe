import { RuleId } from '../../conventions/rule-ids';
import { objectAt, quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Deployments roll out with RollingUpdate. */
export const rollingUpdate: Rule = scopedRule({
  id: RuleId.ROLLING_UPDATE,
  severity: 'warning',
  why: 'The Recreate strategy stops every pod before starting the new ones: each release is an outage.',
  fix: 'Use strategy.type: RollingUpdate with maxUnavailable: 0.',
  appliesTo: { kinds: ['Deployment'] },
  check: (object) => {
    const type = objectAt(objectAt(object.spec).strategy).type;
    return type === undefined || type === 'RollingUpdate' ? [] : [`spec.strategy.type is ${quote(type)}, expected 'RollingUpdate'`];
  },
});
