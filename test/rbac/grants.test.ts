import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { rbacWildcard } from '../../src/guardrails/rules/rbac-wildcard';
import { ApiResource } from '../../src/rbac/api-resource';
import { checkGrant, checkLeaderElectionGrant } from '../../src/rbac/grants';

const REASON = 'the operator restarts crashed pods';
const ACK_KEY = 'ack.cdk8s-golden.io/rbac-wildcard';
const RESOURCE_FIX = "grant each resource the app needs by name, such as ApiResource.of('cert-manager.io', 'certificates')";
const NAME_FIX = "use lower-case letters, digits, '-' and '.', such as 'app-secrets'";

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('checkGrant verbs', () => {
  test('a whole kind is get and list, on the resource of its group, without names', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.CONFIG_MAPS);
    // THEN
    expect(grant).toEqual({ rule: { apiGroups: [''], resources: ['configmaps'], verbs: ['get', 'list'] } });
    expect(grant.rule.resourceNames).toBeUndefined();
    expect(grant.acknowledgement).toBeUndefined();
  });

  test('a whole kind with watch is get, list and watch', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.LEASES, { watch: true });
    // THEN
    expect(grant.rule).toEqual({ apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['get', 'list', 'watch'] });
  });

  test('named objects are get only', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.CONFIG_MAPS, { names: ['app-config', 'feature.flags'] });
    // THEN
    expect(grant.rule).toEqual({ apiGroups: [''], resources: ['configmaps'], resourceNames: ['app-config', 'feature.flags'], verbs: ['get'] });
  });

  test('named objects with watch are get, list and watch (informers filter by name)', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.DEPLOYMENTS, { names: ['web'], watch: true });
    // THEN
    expect(grant.rule).toEqual({ apiGroups: ['apps'], resources: ['deployments'], resourceNames: ['web'], verbs: ['get', 'list', 'watch'] });
  });

  test.each([false, undefined])('watch %p is no watch', (watch) => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.SERVICES, { watch });
    // THEN
    expect(grant.rule.verbs).toEqual(['get', 'list']);
  });

  test.each([['yes', "'yes'"], [1, '1']])('refuses watch %p, which is no boolean', (watch, shown) => {
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.SERVICES, { watch: watch as any })).toThrow(new Error(
      `[test/web] grantRead.watch: must be true or false, got ${shown}; pass a boolean`));
  });

  test('refuses names that are no list', () => {
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.SERVICES, { names: 'web' as any })).toThrow(new Error(
      "[test/web] grantRead.names: must be a list of object names, got 'web'; pass names such as ['app-config']"));
  });

  test('refuses an API group that is no DNS subdomain', () => {
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.of('Cert Manager!', 'certificates'))).toThrow(new Error(
      "[test/web] grantRead.resource: must name one API group and one resource, without wildcards, got 'certificates.Cert Manager!'; grant each resource the app needs by name, such as ApiResource.of('cert-manager.io', 'certificates')"));
  });

  test('a subresource other than exec and attach is read like any resource', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.PODS_LOG, { watch: true });
    // THEN
    expect(grant.rule).toEqual({ apiGroups: [''], resources: ['pods/log'], verbs: ['get', 'list', 'watch'] });
  });

  test.each([ApiResource.PODS_EXEC, ApiResource.PODS_ATTACH])('%s is create and get, with the acknowledgement kept', (resource) => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', resource, { acknowledgement: REASON });
    // THEN
    expect(grant).toEqual({
      rule: { apiGroups: [''], resources: [resource.resource], verbs: ['create', 'get'] },
      acknowledgement: { [ACK_KEY]: REASON },
    });
  });

  test('refuses watch on exec, rather than ignoring it', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.PODS_EXEC, { acknowledgement: REASON, watch: true })).toThrow(new Error(
      '[test/web] grantRead.watch: does not apply to pods/exec, which is opened, not watched, got true; remove it'));
  });

  test('exec on named pods is create and get on those pods', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.PODS_EXEC, { names: ['debug-0'], acknowledgement: REASON });
    // THEN
    expect(grant.rule).toEqual({ apiGroups: [''], resources: ['pods/exec'], resourceNames: ['debug-0'], verbs: ['create', 'get'] });
    expect(grant.acknowledgement).toEqual({ [ACK_KEY]: REASON });
  });

  test('options default to none', () => {
    // GIVEN / WHEN / THEN
    expect(checkGrant(webScope(), 'grantRead', ApiResource.EVENTS)).toEqual(checkGrant(webScope(), 'grantRead', ApiResource.EVENTS, {}));
  });
});

describe('checkGrant on Secrets', () => {
  test('Secrets by name need no acknowledgement', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.SECRETS, { names: ['db'] });
    // THEN
    expect(grant).toEqual({ rule: { apiGroups: [''], resources: ['secrets'], resourceNames: ['db'], verbs: ['get'] } });
  });

  test('every Secret is refused without an acknowledgement', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.SECRETS)).toThrow(new Error(
      "[test/web] grantRead: reading every Secret of the namespace exposes all its credentials, and is refused without an acknowledgement, got 'secrets'; "
      + "grant the Secrets by name with grantReadSecret(...names), or pass { acknowledgement: 'why' }",
    ));
  });

  test('every Secret with an acknowledgement is get and list (and watch), with the reason kept as written', () => {
    // GIVEN
    const reason = '  the sync controller mirrors every Secret  ';
    // WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.of('', 'secrets'), { acknowledgement: reason, watch: true });
    // THEN
    expect(grant).toEqual({
      rule: { apiGroups: [''], resources: ['secrets'], verbs: ['get', 'list', 'watch'] },
      acknowledgement: { [ACK_KEY]: reason },
    });
  });

  test('an acknowledgement on Secrets by name is refused', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.SECRETS, { names: ['db'], acknowledgement: REASON })).toThrow(new Error(
      `[test/web] grantRead.acknowledgement: is only for grants the guardrails refuse otherwise (every Secret, pods/exec, pods/attach), got '${REASON}'; remove it`,
    ));
  });

  test('secrets of another API group are not Kubernetes Secrets', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.of('vault.example.com', 'secrets'));
    // THEN
    expect(grant).toEqual({ rule: { apiGroups: ['vault.example.com'], resources: ['secrets'], verbs: ['get', 'list'] } });
  });
});

describe('checkGrant acknowledgements', () => {
  test.each([ApiResource.PODS_EXEC, ApiResource.PODS_ATTACH])('%s is refused without an acknowledgement', (resource) => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', resource)).toThrow(new Error(
      `[test/web] grantRead: ${resource.resource} opens a shell into pods, and is refused without an acknowledgement, got '${resource.resource}'; pass { acknowledgement: 'why the app needs it' }`,
    ));
  });

  test('exec on named pods still needs an acknowledgement', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.PODS_EXEC, { names: ['debug-0'] })).toThrow(new Error(
      "[test/web] grantRead: pods/exec opens a shell into pods, and is refused without an acknowledgement, got 'pods/exec'; pass { acknowledgement: 'why the app needs it' }",
    ));
  });

  test.each([ApiResource.CONFIG_MAPS, ApiResource.PODS, ApiResource.PODS_LOG, ApiResource.of('cert-manager.io', 'certificates')])(
    'an acknowledgement on %s, which needs none, is refused', (resource) => {
      // GIVEN / WHEN / THEN
      expect(() => checkGrant(webScope(), 'grantRead', resource, { acknowledgement: REASON })).toThrow(new Error(
        `[test/web] grantRead.acknowledgement: is only for grants the guardrails refuse otherwise (every Secret, pods/exec, pods/attach), got '${REASON}'; remove it`,
      ));
    });

  test.each([
    ['', "''"],
    ['too short', "'too short'"],
    ['   because       ', "'   because       '"],
    [' debugging ', "' debugging '"],
    [42, '42'],
    [null, 'null'],
    [true, 'true'],
  ])('refuses the acknowledgement %p', (reason, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.PODS_EXEC, { acknowledgement: reason as any })).toThrow(new Error(
      `[test/web] grantRead.acknowledgement: must be a written reason of at least 10 characters, got ${shown}; say why the app needs this access`,
    ));
  });

  test('accepts a reason of exactly 10 characters after trimming', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.PODS_ATTACH, { acknowledgement: ' debugging! ' });
    // THEN
    expect(grant.acknowledgement).toEqual({ [ACK_KEY]: ' debugging! ' });
  });

  test('checks the reason before whether one was needed', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.CONFIG_MAPS, { acknowledgement: 'short' })).toThrow(new Error(
      "[test/web] grantRead.acknowledgement: must be a written reason of at least 10 characters, got 'short'; say why the app needs this access",
    ));
  });
});

describe('checkGrant resources', () => {
  test.each([
    ['cert-manager.io', 'certificates'],
    ['', 'pods/status'],
    ['apps', 'deployments/scale'],
    ['example.com', 'v2widgets'],
  ])('accepts %p %p', (group, plural) => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.of(group, plural));
    // THEN
    expect(grant.rule.apiGroups).toEqual([group]);
    expect(grant.rule.resources).toEqual([plural]);
  });

  test.each([
    ['', '*', '*'],
    ['*', 'pods', 'pods.*'],
    ['apps*', 'deployments', 'deployments.apps*'],
    ['', 'pods/*', 'pods/*'],
    ['', '*/exec', '*/exec'],
    ['', 'Pods', 'Pods'],
    ['', '', ''],
    ['', '-pods', '-pods'],
    ['', 'pods/log/extra', 'pods/log/extra'],
    ['', 'pods/', 'pods/'],
    ['', 'pods exec', 'pods exec'],
    ['', 'pods/Exec', 'pods/Exec'],
  ])('refuses the group %p and resource %p', (group, plural, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.of(group, plural))).toThrow(new Error(
      `[test/web] grantRead.resource: must name one API group and one resource, without wildcards, got '${shown}'; ${RESOURCE_FIX}`,
    ));
  });

  test.each([
    [undefined, 'pods', "'pods.undefined'"],
    [5, 'pods', "'pods.5'"],
    ['', undefined, "'undefined'"],
    ['', 42, "'42'"],
  ])('refuses the wrong types %p %p from JavaScript', (group, plural, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.of(group as any, plural as any))).toThrow(new Error(
      `[test/web] grantRead.resource: must name one API group and one resource, without wildcards, got ${shown}; ${RESOURCE_FIX}`,
    ));
  });

  test.each([
    ['configmaps', "'configmaps'"],
    [undefined, 'undefined'],
    [null, 'null'],
    [{ apiGroup: '', resource: 'configmaps' }, '{"apiGroup":"","resource":"configmaps"}'],
  ])('refuses %p, which is no ApiResource', (resource, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', resource)).toThrow(new Error(
      `[test/web] grantRead.resource: must be an ApiResource, got ${shown}; use ApiResource.CONFIG_MAPS or ApiResource.of('group', 'resources')`,
    ));
  });

  test('checks the resource before the options', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.of('', '*'), { names: [], acknowledgement: 'x' })).toThrow(new Error(
      `[test/web] grantRead.resource: must name one API group and one resource, without wildcards, got '*'; ${RESOURCE_FIX}`,
    ));
  });

  // BUG (low): exec verbs are chosen by resource name in any API group, while the acknowledgement
  // rule only applies to the core group: a custom `pods/exec` in another group gets `create`
  // although this is a read grant.
  test('a custom pods/exec of another API group is read like any resource', () => {
    // GIVEN / WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.of('example.com', 'pods/exec'));
    // THEN
    expect(grant.rule.verbs).toEqual(['get', 'list']);
  });

  // BUG: the rbac-wildcard guardrail flags `secrets` (without names), `pods/exec` and
  // `pods/attach` in every API group, but checkGrant only asks for (and only accepts) an
  // acknowledgement in the core group. A grant checkGrant accepts can then never pass the
  // guardrail, since its acknowledgement is refused.
  test.each([ApiResource.of('vault.example.com', 'secrets'), ApiResource.of('example.com', 'pods/attach')])(
    'a grant of %s accepted without an acknowledgement passes the rbac-wildcard guardrail', (resource) => {
      // GIVEN
      const grant = checkGrant(webScope(), 'grantRead', resource);
      // WHEN
      const findings = rbacWildcard.check({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'web' }, rules: [grant.rule] }, undefined as any);
      // THEN
      expect(findings).toEqual([]);
    });
});

describe('checkGrant names', () => {
  test.each([
    ['Db', "'Db'"],
    ['db_password', "'db_password'"],
    ['', "''"],
    ['-db', "'-db'"],
    ['db..prod', "'db..prod'"],
    [42, '42'],
    [undefined, 'undefined'],
  ])('refuses the name %p, by index', (name, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.CONFIG_MAPS, { names: ['app-config', name as any] })).toThrow(new Error(
      `[test/web] grantRead.names[1]: must be the name of an object (a DNS subdomain), got ${shown}; ${NAME_FIX}`,
    ));
  });

  test('refuses an empty list of names', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grantRead', ApiResource.SECRETS, { names: [] })).toThrow(new Error(
      '[test/web] grantRead.names: must name at least one object, got []; list the objects, or leave names out to grant the whole kind',
    ));
  });

  test('accepts a name of 253 characters', () => {
    // GIVEN
    const name = `${'a'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(63)}.${'d'.repeat(61)}`;
    // WHEN
    const grant = checkGrant(webScope(), 'grantRead', ApiResource.CONFIG_MAPS, { names: [name] });
    // THEN
    expect(grant.rule.resourceNames).toEqual([name]);
  });

  test('uses the field it is given in every message', () => {
    // GIVEN / WHEN / THEN
    expect(() => checkGrant(webScope(), 'grants[2]', ApiResource.SECRETS, { names: ['Db'] })).toThrow(new Error(
      `[test/web] grants[2].names[0]: must be the name of an object (a DNS subdomain), got 'Db'; ${NAME_FIX}`,
    ));
  });
});

describe('checkLeaderElectionGrant', () => {
  test('get and update on the named Lease, and create on Leases, which RBAC cannot limit by name', () => {
    // GIVEN / WHEN
    const grants = checkLeaderElectionGrant(webScope(), 'grantLeaderElection', 'orders-leader');
    // THEN
    expect(grants).toEqual([
      { rule: { apiGroups: ['coordination.k8s.io'], resources: ['leases'], resourceNames: ['orders-leader'], verbs: ['get', 'update'] } },
      { rule: { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] } },
    ]);
  });

  test('its rules pass the rbac-wildcard rule', () => {
    // GIVEN
    const rules = checkLeaderElectionGrant(webScope(), 'grantLeaderElection', 'orders-leader').map((g) => g.rule);
    // WHEN
    const findings = rbacWildcard.check({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'Role', metadata: { name: 'orders' }, rules } as any, undefined as any);
    // THEN
    expect(findings).toEqual([]);
  });

  test.each([
    ['no name', ''],
    ['a name with upper case', 'Orders-Leader'],
    ['a name that is no string', 42],
  ])('refuses %s', (_, name) => {
    // GIVEN / WHEN / THEN
    expect(() => checkLeaderElectionGrant(webScope(), 'grantLeaderElection', name)).toThrow(new Error(
      `[test/web] grantLeaderElection.leaseName: must be a Lease name (a DNS subdomain), got ${typeof name === 'string' ? `'${name}'` : name}; pass the name the app's leader election uses, such as 'orders-leader'`));
  });
});
