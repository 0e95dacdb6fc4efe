import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS baseline: seccomp never Unconfined. */
export const pssSeccompBaseline: Rule = scopedRule({
  id: RuleId.PSS_SECCOMP_BASELINE,
  severity: 'error',
  why: 'An Unconfined seccomp profile lets the container make every system call (Pod Security baseline).',
  fix: 'Set seccompProfile.type to RuntimeDefault (or Localhost) instead of Unconfined.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    if (objectAt(podSecurityContext(template).seccompProfile).type === 'Unconfined') {
      messages.push('pod securityContext.seccompProfile.type is \'Unconfined\'');
    }
    for (const ref of template.containers) {
      if (objectAt(containerSecurityContext(ref).seccompProfile).type === 'Unconfined') {
        messages.push(`${ref.label}: securityContext.seccompProfile.type is 'Unconfined'`);
      }
    }
    return messages;
  },
});
