import { RuleId } from '../../conventions/rule-ids';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS restricted: runAsUser never 0. */
export const pssRunAsUser: Rule = scopedRule({
  id: RuleId.PSS_RUN_AS_USER,
  severity: 'error',
  why: 'runAsUser: 0 runs the container as root (Pod Security restricted).',
  fix: 'Set runAsUser to a non-zero UID (this library uses 10001), or leave it to the image with runAsNonRoot: true.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    if (podSecurityContext(template).runAsUser === 0) {
      messages.push('pod securityContext.runAsUser is 0');
    }
    for (const ref of template.containers) {
      if (containerSecurityContext(ref).runAsUser === 0) {
        messages.push(`${ref.label}: securityContext.runAsUser is 0`);
      }
    }
    return messages;
  },
});
