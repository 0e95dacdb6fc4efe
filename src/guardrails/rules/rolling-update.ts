import { kindOf, objectAt, quote } from '../manifest';
import { Rule } from '../rule';

/** Deployments roll out with RollingUpdate. */
export const rollingUpdate: Rule = {
  id: 'rolling-update',
  severity: 'warning',
  why: 'The Recreate strategy stops every pod before starting the new ones: each release is an outage.',
  fix: 'Use strategy.type: RollingUpdate with maxUnavailable: 0.',
  check: (object) => {
    if (kindOf(object) !== 'Deployment') {
      return [];
    }
    const type = objectAt(objectAt(object.spec).strategy).type;
    return type === undefined || type === 'RollingUpdate' ? [] : [`spec.strategy.type is ${quote(type)}, expected 'RollingUpdate'`];
  },
};
