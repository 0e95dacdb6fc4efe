import { RuleId } from '../../conventions/rule-ids';
import { resourceQuantity, resourcedContainers } from '../container-fields';
import { Rule, scopedRule } from '../rule';

/** Every container requests and limits ephemeral storage. */
export const ephemeralStorage: Rule = scopedRule({
  id: RuleId.EPHEMERAL_STORAGE,
  severity: 'warning',
  why: 'Without an ephemeral-storage request and limit a container can fill the node\'s disk and get every pod on it evicted.',
  fix: 'Set resources.requests and resources.limits of ephemeral-storage on every container.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of resourcedContainers(template)) {
      const missing = (['requests', 'limits'] as const).filter((section) => resourceQuantity(ref, section, 'ephemeral-storage') === undefined);
      if (missing.length > 0) {
        messages.push(`${ref.label}: resources.${missing.join(' and resources.')} of ephemeral-storage ${missing.length > 1 ? 'are' : 'is'} unset`);
      }
    }
    return messages;
  },
});
