import { RuleId } from '../../conventions/rule-ids';
import { objectsAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** No container declares the same environment variable twice. */
export const envDuplicate: Rule = scopedRule({
  id: RuleId.ENV_DUPLICATE,
  severity: 'error',
  why: 'With two env entries of the same name only the last one counts, and a merge or patch silently picks the other.',
  fix: 'Declare each environment variable once.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      const seen = new Set<string>();
      const reported = new Set<string>();
      for (const env of objectsAt(ref.container.env)) {
        const name = String(env.name);
        if (seen.has(name) && !reported.has(name)) {
          reported.add(name);
          messages.push(`${ref.label}: env ${name} is declared more than once`);
        }
        seen.add(name);
      }
    }
    return messages;
  },
});
