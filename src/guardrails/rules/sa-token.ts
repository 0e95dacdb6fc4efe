import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Pods do not mount a service account token unless asked to. */
export const saToken: Rule = scopedRule({
  id: RuleId.SA_TOKEN,
  severity: 'warning',
  why: 'A mounted service account token gives anyone who gets into the container the pod\'s Kubernetes API access.',
  fix: 'Set automountServiceAccountToken: false on the pod spec (and on its ServiceAccount); mount a projected token only where the API is needed.',
  appliesTo: { podTemplate: true },
  check: (object, context, template) => {
    const podValue = template.spec.automountServiceAccountToken;
    if (podValue === false) {
      return [];
    }
    if (podValue === true) {
      return ['automountServiceAccountToken is true'];
    }
    const accountName = serviceAccountNameOf(template.spec) ?? 'default';
    const account = context.find('ServiceAccount', context.namespaceOf(object), accountName);
    if (account && objectAt(account).automountServiceAccountToken === false) {
      return [];
    }
    return [`automountServiceAccountToken is unset and ServiceAccount ${accountName} does not set it to false`];
  },
});

/** The pod's service account name (serviceAccountName, or the deprecated serviceAccount), undefined when unset. */
export function serviceAccountNameOf(spec: Record<string, any>): string | undefined {
  const name = spec.serviceAccountName ?? spec.serviceAccount;
  return typeof name === 'string' && name !== '' ? name : undefined;
}
