import { clusterScopedNamespace } from '../../../src/guardrails/rules/cluster-scoped-namespace';
import { messagesOf } from '../helpers';

describe('cluster-scoped-namespace', () => {
  test('compliant: a ClusterRole without namespace', () => {
    // GIVEN a ClusterRole without namespace
    const manifests = [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'viewer' }, rules: [] }];
    // WHEN the rule runs
    const messages = messagesOf(clusterScopedNamespace, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a Namespace carrying a namespace', () => {
    // GIVEN a Namespace carrying a namespace
    const manifests = [{ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop', namespace: 'shop' } }];
    // WHEN the rule runs
    const messages = messagesOf(clusterScopedNamespace, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["Namespace is cluster-scoped but metadata.namespace is 'shop'"]);
  });

  test('not applicable: a namespaced Role', () => {
    // GIVEN a namespaced Role
    const manifests = [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'viewer', namespace: 'shop' }, rules: [] }];
    // WHEN the rule runs
    const messages = messagesOf(clusterScopedNamespace, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
