import { RuleId } from '../../conventions/rule-ids';
import { checkLinuxContainers } from '../linux-containers';
import { effectiveSecurityField } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** The lowest UID and GID that cannot collide with a user of the node. */
export const MIN_RUN_AS_ID = 10000;

/** Every container runs with a high, explicit UID and GID. */
export const runAsUser: Rule = scopedRule({
  id: RuleId.RUN_AS_USER,
  severity: 'warning',
  why: 'A UID or GID below 10000 (or the image\'s default) may match a privileged user of the node if the container escapes.',
  fix: 'Set runAsUser and runAsGroup to 10000 or more (this library uses 10001) on the pod securityContext.',
  appliesTo: { podTemplate: true },
  check: (object, context) => checkLinuxContainers(object, context, (ref, template) => ['runAsUser', 'runAsGroup'].flatMap((field) => {
    const value = effectiveSecurityField(template, ref, field);
    if (typeof value !== 'number') {
      return [`${ref.label}: ${field} is unset on the container and on the pod, expected ${MIN_RUN_AS_ID} or more`];
    }
    return value < MIN_RUN_AS_ID ? [`${ref.label}: effective ${field} is ${value}, expected ${MIN_RUN_AS_ID} or more`] : [];
  })),
});
