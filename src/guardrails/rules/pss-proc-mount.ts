import { RuleId } from '../../conventions/rule-ids';
import { quote } from '../manifest';
import { containerSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS baseline: procMount unset or Default. */
export const pssProcMount: Rule = scopedRule({
  id: RuleId.PSS_PROC_MOUNT,
  severity: 'error',
  why: 'An Unmasked /proc exposes kernel interfaces the runtime hides by default (Pod Security baseline).',
  fix: 'Remove securityContext.procMount or set it to Default.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => (template.containers)
    .filter((ref) => {
      const procMount = containerSecurityContext(ref).procMount;
      return procMount !== undefined && procMount !== null && procMount !== 'Default';
    })
    .map((ref) => `${ref.label}: securityContext.procMount is ${quote(containerSecurityContext(ref).procMount)}, expected Default`),
});
