import { RuleId } from '../../conventions/rule-ids';
import { objectAt, objectsAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** No binding hands out the built-in `cluster-admin` ClusterRole. */
export const rbacClusterAdmin: Rule = scopedRule({
  id: RuleId.RBAC_CLUSTER_ADMIN,
  severity: 'error',
  why: 'cluster-admin grants every verb on every resource: bound cluster-wide it owns the cluster, bound in a namespace it owns every Secret, pod and Role there.',
  fix: 'Bind a Role that lists the verbs and resources the subject needs; acknowledge a real administrator binding with a written reason.',
  appliesTo: { kinds: ['RoleBinding', 'ClusterRoleBinding'], group: 'rbac.authorization.k8s.io' },
  check: (object) => {
    const roleRef = objectAt(object.roleRef);
    if (roleRef.kind !== 'ClusterRole' || roleRef.name !== 'cluster-admin') {
      return [];
    }
    const subjects = objectsAt(object.subjects).map((s) => `${s.kind ?? 'subject'} ${s.namespace ? `${s.namespace}/` : ''}${s.name ?? ''}`);
    const to = subjects.length > 0 ? subjects.join(', ') : 'no subject';
    return [`roleRef: binds the ClusterRole 'cluster-admin' to ${to}`];
  },
});
