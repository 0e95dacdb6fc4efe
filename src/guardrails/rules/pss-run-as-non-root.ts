import { RuleId } from '../../conventions/rule-ids';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS restricted: runAsNonRoot true at pod level (no container false), or on every container. */
export const pssRunAsNonRoot: Rule = scopedRule({
  id: RuleId.PSS_RUN_AS_NON_ROOT,
  severity: 'error',
  why: 'A container that may run as root turns any escape into root on the node (Pod Security restricted).',
  fix: 'Set securityContext.runAsNonRoot: true on the pod, and do not set it to false on any container.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    const podValue = podSecurityContext(template).runAsNonRoot;
    if (podValue === false) {
      messages.push('pod securityContext.runAsNonRoot is false');
    }
    for (const ref of template.containers) {
      const value = containerSecurityContext(ref).runAsNonRoot;
      if (value === false) {
        messages.push(`${ref.label}: securityContext.runAsNonRoot is false`);
      } else if (value !== true && podValue !== true && podValue !== false) {
        messages.push(`${ref.label}: runAsNonRoot is unset on the container and on the pod, expected true`);
      }
    }
    return messages;
  },
});
