import { RuleId } from '../../conventions/rule-ids';
import { objectAt, quote } from '../manifest';
import { containerSecurityContext, isWindowsPod, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** PSS restricted: seccomp RuntimeDefault or Localhost at pod level, or on every container. */
export const pssSeccompRestricted: Rule = scopedRule({
  id: RuleId.PSS_SECCOMP_RESTRICTED,
  severity: 'error',
  why: 'Without a seccomp profile a container can make every system call, the first step of most kernel exploits (Pod Security restricted).',
  fix: 'Set securityContext.seccompProfile.type: RuntimeDefault on the pod.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    if (isWindowsPod(template)) {
      return [];
    }
    const messages: string[] = [];
    const podType = objectAt(podSecurityContext(template).seccompProfile).type;
    const podSet = podType !== undefined && podType !== null;
    if (podSet && !ALLOWED_TYPES.has(podType)) {
      messages.push(`pod securityContext.seccompProfile.type is ${quote(podType)}, expected RuntimeDefault or Localhost`);
    }
    for (const ref of template.containers) {
      const type = objectAt(containerSecurityContext(ref).seccompProfile).type;
      if (type !== undefined && type !== null) {
        if (!ALLOWED_TYPES.has(type)) {
          messages.push(`${ref.label}: securityContext.seccompProfile.type is ${quote(type)}, expected RuntimeDefault or Localhost`);
        }
      } else if (!podSet) {
        messages.push(`${ref.label}: seccompProfile is unset on the container and on the pod, expected RuntimeDefault or Localhost`);
      }
    }
    return messages;
  },
});
