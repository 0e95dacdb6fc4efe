import { RuleId } from '../../conventions/rule-ids';
import { quote } from '../manifest';
import { Rule, scopedRule } from '../rule';
import { serviceAccountNameOf } from './sa-token';

/** A pod's service account is part of the output. */
export const saExists: Rule = scopedRule({
  id: RuleId.SA_EXISTS,
  severity: 'error',
  why: 'A pod that names a missing ServiceAccount is never created: the ReplicaSet keeps failing with "serviceaccount not found".',
  fix: 'Add the ServiceAccount to the same namespace, or correct serviceAccountName.',
  appliesTo: { podTemplate: true },
  check: (object, context, template) => {
    const name = serviceAccountNameOf(template.spec);
    if (name === undefined || name === 'default') {
      return [];
    }
    const namespace = context.namespaceOf(object);
    return context.find('ServiceAccount', namespace, name)
      ? []
      : [`serviceAccountName ${quote(name)} names no ServiceAccount in namespace ${namespace}`];
  },
});
