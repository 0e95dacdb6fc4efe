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

  /** A Role in namespace shop with these rules. */
  function role(...rules: object[]) {
    return [{ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'operator', namespace: 'shop' }, rules }];
  }

  test('verbs as the authorizer checks them: list and watch reach neither exec nor attach, create and get (WebSockets) do', () => {
    // GIVEN list and watch, then get, then create on the subresources
    const listWatch = role({ apiGroups: [''], resources: ['pods/exec', 'pods/attach'], verbs: ['list', 'watch'] });
    const get = role({ apiGroups: [''], resources: ['pods/attach'], verbs: ['get'] });
    const create = role({ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] });
    // WHEN the rule runs / THEN only the verbs that reach them are reported
    expect(messagesOf(rbacWildcard, listWatch)).toEqual([]);
    expect(messagesOf(rbacWildcard, get)).toEqual(['rule 0: grants access to pods/attach']);
    expect(messagesOf(rbacWildcard, create)).toEqual(['rule 0: grants access to pods/exec']);
  });

  test('resources as the authorizer matches them: */exec and */attach reach pods/exec and pods/attach; pods/*, pods/execute and another API group do not', () => {
    // GIVEN the subresource wildcard with create, and names that only look like it
    const subresourceWildcard = role({ apiGroups: [''], resources: ['*/exec', '*/attach'], verbs: ['create'] });
    const lookalikes = role(
      { apiGroups: [''], resources: ['pods/*', 'pods/execute'], verbs: ['create'] },
      { apiGroups: ['apps'], resources: ['*/exec'], verbs: ['create'] },
    );
    // WHEN the rule runs / THEN the subresources reached are named, and the look-alikes pass
    expect(messagesOf(rbacWildcard, subresourceWildcard)).toEqual(['rule 0: grants access to pods/exec, pods/attach']);
    expect(messagesOf(rbacWildcard, lookalikes)).toEqual([]);
  });

  test('non-compliant: a resource wildcard reaches secrets, exec and attach; every verb on pods/exec by name still execs', () => {
    // GIVEN '*' in resources, and exec on named pods
    const everything = role({ apiGroups: [''], resources: ['*'], verbs: ['get'] });
    const named = role({ apiGroups: [''], resources: ['pods/exec'], resourceNames: ['storefront-0'], verbs: ['*'] });
    // WHEN the rule runs / THEN each sensitive resource the rule reaches is named
    expect(messagesOf(rbacWildcard, everything)).toEqual(["rule 0: '*' in resources", 'rule 0: grants access to secrets, pods/exec, pods/attach']);
    expect(messagesOf(rbacWildcard, named)).toEqual(["rule 0: '*' in verbs", 'rule 0: grants access to pods/exec']);
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
