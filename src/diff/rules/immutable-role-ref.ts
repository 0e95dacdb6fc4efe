import { objectAt } from '../../guardrails/manifest';
import { DiffRule } from '../diff-rule';
import { sameValue } from '../field-values';
import { pairsOf, refusedChange } from './problem';

/** A RoleBinding's or ClusterRoleBinding's roleRef changed: refused. */
export const immutableRoleRef: DiffRule = {
  id: 'immutable-role-ref',
  why: 'The API server refuses to change the roleRef of a RoleBinding or ClusterRoleBinding (\'cannot change roleRef\'): '
    + 'a binding grants one role for its whole life.',
  fix: 'Create a binding under a new name for the new role; the old one is then pruned.',
  source: '`ValidateRoleBindingUpdate` and `ValidateClusterRoleBindingUpdate` in pkg/apis/rbac/validation/validation.go',
  check: (context) => pairsOf(context, 'rbac.authorization.k8s.io', ['RoleBinding', 'ClusterRoleBinding'])
    .filter(([o, n]) => !sameValue(objectAt(o).roleRef, objectAt(n).roleRef))
    .map(([o, n]) => refusedChange(n, 'roleRef', o.roleRef, n.roleRef, `the API server refuses to change the roleRef of a ${n.kind}`)),
};
