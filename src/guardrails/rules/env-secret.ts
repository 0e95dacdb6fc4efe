import { RuleId } from '../../conventions/rule-ids';
import { looksSecret } from '../../conventions/secret-names';
import { secretShapeOf } from '../../conventions/secret-values';
import { objectsAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Secrets are never written as literal env values: by the variable's name, or by the value's shape. */
export const envSecret: Rule = scopedRule({
  id: RuleId.ENV_SECRET,
  severity: 'error',
  why: 'A literal secret in a manifest ends up in Git, in the API server\'s object and in every `kubectl get -o yaml`.',
  fix: 'Store the value in a Secret and reference it with env[].valueFrom.secretKeyRef.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      for (const env of objectsAt(ref.container.env)) {
        if (typeof env.name !== 'string' || env.value === undefined || env.value === null || env.value === '') {
          continue;
        }
        const shape = typeof env.value === 'string' ? secretShapeOf(env.value) : undefined;
        if (looksSecret(env.name)) {
          messages.push(`${ref.label}: env ${env.name} has a literal value, use valueFrom.secretKeyRef`);
        } else if (shape !== undefined) {
          messages.push(`${ref.label}: env ${env.name} holds ${shape} as a literal value, use valueFrom.secretKeyRef`);
        }
      }
    }
    return messages;
  },
});
