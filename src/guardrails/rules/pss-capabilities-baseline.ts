import { RuleId } from '../../conventions/rule-ids';
import { arrayAt, objectAt, quote } from '../manifest';
import { containerSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** The capabilities Pod Security baseline allows to add (exact case, no CAP_ prefix). */
export const BASELINE_CAPABILITIES: ReadonlySet<string> = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** PSS baseline: capabilities.add only from the default container runtime set. */
export const pssCapabilitiesBaseline: Rule = scopedRule({
  id: RuleId.PSS_CAPABILITIES_BASELINE,
  severity: 'error',
  why: 'Capabilities beyond the runtime default set (NET_RAW, SYS_ADMIN...) open paths to the node (Pod Security baseline).',
  fix: 'Add only capabilities from AUDIT_WRITE, CHOWN, DAC_OVERRIDE, FOWNER, FSETID, KILL, MKNOD, NET_BIND_SERVICE, SETFCAP, SETGID, SETPCAP, SETUID, SYS_CHROOT.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      const added = arrayAt(objectAt(containerSecurityContext(ref).capabilities).add);
      const forbidden = added.filter((capability) => !BASELINE_CAPABILITIES.has(capability));
      if (forbidden.length > 0) {
        messages.push(`${ref.label}: securityContext.capabilities.add has ${forbidden.map(quote).join(', ')}, not in the baseline set`);
      }
    }
    return messages;
  },
});
