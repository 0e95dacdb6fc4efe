import { Manifest } from '../../../src/guardrails/manifest';
import { rbacClusterAdmin } from '../../../src/guardrails/rules/rbac-cluster-admin';
import { CONFIG_MAP, messagesOf } from '../helpers';

/** A binding of a role to the ServiceAccount shop/deployer. */
function binding(kind: 'RoleBinding' | 'ClusterRoleBinding', roleRef: Manifest): Manifest {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: { name: 'deployer', ...(kind === 'RoleBinding' ? { namespace: 'shop' } : {}) },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', ...roleRef },
    subjects: [{ kind: 'ServiceAccount', name: 'deployer', namespace: 'shop' }, { kind: 'Group', name: 'ops' }],
  };
}

describe('rbac-cluster-admin', () => {
  test('compliant: bindings to a namespaced Role and to the built-in view ClusterRole', () => {
    // GIVEN bindings to a Role named cluster-admin (not the built-in ClusterRole) and to view
    const manifests = [binding('RoleBinding', { kind: 'Role', name: 'cluster-admin' }), binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'view' })];
    // WHEN the rule runs
    const messages = messagesOf(rbacClusterAdmin, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a ClusterRoleBinding and a RoleBinding to cluster-admin', () => {
    // GIVEN the built-in cluster-admin ClusterRole bound cluster-wide and in a namespace
    const manifests = [binding('ClusterRoleBinding', { kind: 'ClusterRole', name: 'cluster-admin' }), binding('RoleBinding', { kind: 'ClusterRole', name: 'cluster-admin' })];
    // WHEN the rule runs
    const messages = messagesOf(rbacClusterAdmin, manifests);
    // THEN both are reported with their subjects
    expect(messages).toEqual([
      "roleRef: binds the ClusterRole 'cluster-admin' to ServiceAccount shop/deployer, Group ops",
      "roleRef: binds the ClusterRole 'cluster-admin' to ServiceAccount shop/deployer, Group ops",
    ]);
  });

  test('not applicable: a ConfigMap, and a binding kind of another API group', () => {
    // GIVEN a ConfigMap and a custom resource that happens to be called RoleBinding
    const manifests = [CONFIG_MAP, { ...binding('RoleBinding', { kind: 'ClusterRole', name: 'cluster-admin' }), apiVersion: 'example.com/v1' }];
    // WHEN the rule runs
    const messages = messagesOf(rbacClusterAdmin, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
