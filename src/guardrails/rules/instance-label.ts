import { RuleId } from '../../conventions/rule-ids';
import { kindOf, nameOf, objectAt, quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** The standard label that identifies one instance of an application. */
export const INSTANCE_LABEL = 'app.kubernetes.io/instance';

/**
 * Workloads carry app.kubernetes.io/instance equal to their name; a Job named after its content
 * (`<instance>-<hex hash>`, since its template is immutable) carries the name without the hash.
 */
export const instanceLabel: Rule = scopedRule({
  id: RuleId.INSTANCE_LABEL,
  severity: 'warning',
  why: 'Tools, dashboards and NetworkPolicies find a workload\'s objects by app.kubernetes.io/instance; a missing or wrong value hides them.',
  fix: 'Set the label app.kubernetes.io/instance to the workload\'s metadata.name.',
  appliesTo: { podTemplate: true },
  check: (object) => {
    const value = objectAt(objectAt(object.metadata).labels)[INSTANCE_LABEL];
    if (value === undefined) {
      return [`label ${INSTANCE_LABEL} is missing`];
    }
    const name = nameOf(object);
    if (kindOf(object) === 'Job' && typeof value === 'string' && name.startsWith(`${value}-`) && /^[0-9a-f]{6,}$/.test(name.slice(value.length + 1))) {
      return [];
    }
    return value === name ? [] : [`label ${INSTANCE_LABEL} is ${quote(value)}, expected ${quote(nameOf(object))}`];
  },
});
