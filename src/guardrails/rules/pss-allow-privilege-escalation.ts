import { RuleId } from '../../conventions/rule-ids';
import { checkLinuxContainers } from '../linux-containers';
import { quote } from '../manifest';
import { containerSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS restricted: every container sets allowPrivilegeEscalation false (Linux pods). */
export const pssAllowPrivilegeEscalation: Rule = scopedRule({
  id: RuleId.PSS_ALLOW_PRIVILEGE_ESCALATION,
  severity: 'error',
  why: 'Without allowPrivilegeEscalation: false a process can gain more privileges than its parent through setuid binaries (Pod Security restricted).',
  fix: 'Set securityContext.allowPrivilegeEscalation: false on every container, init and ephemeral containers included.',
  appliesTo: { podTemplate: true },
  check: (object, context) => checkLinuxContainers(object, context, (ref) => {
    const value = containerSecurityContext(ref).allowPrivilegeEscalation;
    if (value === false) {
      return [];
    }
    return [value === undefined || value === null
      ? `${ref.label}: securityContext.allowPrivilegeEscalation is unset, expected false`
      : `${ref.label}: securityContext.allowPrivilegeEscalation is ${quote(value)}, expected false`];
  }),
});
