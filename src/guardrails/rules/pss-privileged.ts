import { RuleId } from '../../conventions/rule-ids';
import { containerSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS baseline: no privileged containers. */
export const pssPrivileged: Rule = scopedRule({
  id: RuleId.PSS_PRIVILEGED,
  severity: 'error',
  why: 'A privileged container has every capability and access to all host devices (Pod Security baseline).',
  fix: 'Remove securityContext.privileged or set it to false on every container.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => (template.containers)
    .filter((ref) => containerSecurityContext(ref).privileged === true)
    .map((ref) => `${ref.label}: securityContext.privileged is true`),
});
