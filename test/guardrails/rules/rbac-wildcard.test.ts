import { rbacWildcard } from '../../../src/guardrails/rules/rbac-wildcard';
import { CONFIG_MAP, messagesOf } from '../helpers';

describe('rbac-wildcard', () => {
  test('compliant: read access to ConfigMaps', () => {
    // GIVEN read access to ConfigMaps
    const manifests = [{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reader', namespace: 'shop' },
      rules: [{ apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list', 'watch'] }],
    }];
    // WHEN the rule runs
    const messages = messagesOf(rbacWildcard, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('compliant: one Secret read by name', () => {
    // GIVEN read access to one Secret, by name
    const manifests = [{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reader', namespace: 'shop' },
      rules: [{ apiGroups: [''], resources: ['secrets'], resourceNames: ['db'], verbs: ['get'] }],
    }];
    // WHEN the rule runs
    const messages = messagesOf(rbacWildcard, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: every verb on secrets', () => {
    // GIVEN every verb on secrets
    const manifests = [{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reader', namespace: 'shop' },
      rules: [{ apiGroups: [''], resources: ['secrets', 'pods'], verbs: ['*'] }],
    }];
    // WHEN the rule runs
    const messages = messagesOf(rbacWildcard, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["rule 0: '*' in verbs", 'rule 0: grants access to secrets']);
  });

  test('non-compliant: exec into pods', () => {
    // GIVEN exec into pods
    const manifests = [{
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata: { name: 'reader', namespace: 'shop' },
      rules: [{ apiGroups: ['*'], resources: ['pods/exec'], verbs: ['create'] }],
    }];
    // WHEN the rule runs
    const messages = messagesOf(rbacWildcard, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["rule 0: '*' in apiGroups", 'rule 0: grants access to pods/exec']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(rbacWildcard, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
