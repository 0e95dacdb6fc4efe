import { ApiObject, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { refuseNameCollisions } from '../../src/private/unique-names';

const FIX = 'give one of them another name (the `name` prop) or another namespace';

/** A hand-written object of the given kind and name. */
function object(scope: Construct, id: string, kind: string, name: string, apiVersion = 'v1', namespace?: string): ApiObject {
  return new ApiObject(scope, id, { apiVersion, kind, metadata: { name, namespace } });
}

/** A construct that owns one object and refuses collisions for it. */
function owner(scope: Construct, id: string, kind: string, name: string, apiVersion = 'v1'): { construct: Construct; object: ApiObject } {
  const construct = new Construct(scope, id);
  const obj = object(construct, 'Resource', kind, name, apiVersion);
  refuseNameCollisions(construct, () => [obj]);
  return { construct, object: obj };
}

describe('refuseNameCollisions', () => {
  test('refuses the same kind and name in one namespace of one chart, at synth', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'Service', 'web');
    object(chart, 'handwritten', 'Service', 'web');
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [shop/web] name: Service 'web' in namespace 'shop' is also emitted by shop/handwritten, got 'web'; ${FIX}`,
    ));
  });

  test('refuses the same kind, name and namespace across two charts', () => {
    // GIVEN
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: 'shop' });
    const two = new Chart(app, 'two', { namespace: 'shop' });
    owner(one, 'web', 'Service', 'web');
    object(two, 'other', 'Service', 'web');
    // WHEN / THEN
    expect(() => app.synthYaml()).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [one/web] name: Service 'web' in namespace 'shop' is also emitted by two/other, got 'web'; ${FIX}`,
    ));
  });

  test('each owner reports its side of a collision between two owners', () => {
    // GIVEN
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: 'shop' });
    const two = new Chart(app, 'two', { namespace: 'shop' });
    owner(one, 'web', 'Deployment', 'web', 'apps/v1');
    owner(two, 'web', 'Deployment', 'web', 'apps/v1');
    // WHEN / THEN
    expect(() => Testing.synth(one)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [one/web] name: Deployment 'web' in namespace 'shop' is also emitted by two/web/Resource, got 'web'; ${FIX}\n`
      + `  [two/web] name: Deployment 'web' in namespace 'shop' is also emitted by one/web/Resource, got 'web'; ${FIX}`,
    ));
  });

  test('lists every other object with the same identity', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'ConfigMap', 'settings');
    object(chart, 'a', 'ConfigMap', 'settings');
    object(chart, 'b', 'ConfigMap', 'settings');
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [shop/web] name: ConfigMap 'settings' in namespace 'shop' is also emitted by shop/a, shop/b, got 'settings'; ${FIX}`,
    ));
  });

  test('says "no namespace" for objects in a chart without one', () => {
    // GIVEN
    const chart = Testing.chart();
    owner(chart, 'web', 'Service', 'web');
    object(chart, 'other', 'Service', 'web');
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [test/web] name: Service 'web' in no namespace is also emitted by test/other, got 'web'; ${FIX}`,
    ));
  });

  test('the same name in different namespaces passes', () => {
    // GIVEN
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: 'shop' });
    const two = new Chart(app, 'two', { namespace: 'billing' });
    owner(one, 'web', 'Service', 'web');
    object(two, 'other', 'Service', 'web');
    object(one, 'explicit', 'Service', 'web', 'v1', 'payments');
    // WHEN
    const manifests = Testing.synth(one);
    // THEN
    expect(manifests.map((m) => [m.metadata.namespace, m.metadata.name])).toEqual([['shop', 'web'], ['payments', 'web']]);
  });

  test('the same name with different kinds passes', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'Service', 'web');
    object(chart, 'account', 'ServiceAccount', 'web');
    object(chart, 'config', 'ConfigMap', 'web');
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests.map((m) => m.kind)).toEqual(['Service', 'ServiceAccount', 'ConfigMap']);
  });

  test('the same kind and name in different API groups passes', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'Gateway', 'web', 'gateway.networking.k8s.io/v1');
    object(chart, 'istio', 'Gateway', 'web', 'networking.istio.io/v1beta1');
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests.map((m) => m.apiVersion)).toEqual(['gateway.networking.k8s.io/v1', 'networking.istio.io/v1beta1']);
  });

  test('two versions of one API group collide', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'HTTPRoute', 'web', 'gateway.networking.k8s.io/v1');
    object(chart, 'old', 'HTTPRoute', 'web', 'gateway.networking.k8s.io/v1beta1');
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [shop/web] name: HTTPRoute 'web' in namespace 'shop' is also emitted by shop/old, got 'web'; ${FIX}`,
    ));
  });

  test('cluster-scoped kinds collide across namespaces', () => {
    // GIVEN (the message names the owner's chart namespace, which a ClusterRole does not have: see the report)
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: 'shop' });
    const two = new Chart(app, 'two', { namespace: 'billing' });
    owner(one, 'role', 'ClusterRole', 'reader', 'rbac.authorization.k8s.io/v1');
    object(two, 'role', 'ClusterRole', 'reader', 'rbac.authorization.k8s.io/v1');
    // WHEN / THEN
    expect(() => Testing.synth(one)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [one/role] name: ClusterRole 'reader' in the cluster is also emitted by two/role, got 'reader'; ${FIX}`,
    ));
  });

  test('namespaced kinds with the names of cluster-scoped ones stay per namespace', () => {
    // GIVEN
    const app = Testing.app();
    const one = new Chart(app, 'one', { namespace: 'shop' });
    const two = new Chart(app, 'two', { namespace: 'billing' });
    owner(one, 'role', 'Role', 'reader', 'rbac.authorization.k8s.io/v1');
    object(two, 'role', 'Role', 'reader', 'rbac.authorization.k8s.io/v1');
    // WHEN
    const manifests = Testing.synth(one);
    // THEN
    expect(manifests).toHaveLength(1);
    expect(manifests[0].metadata).toEqual({ name: 'reader', namespace: 'shop' });
  });

  test("only the owner's objects are reported", () => {
    // GIVEN: two hand-written objects collide with each other, not with the owner
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'Service', 'web');
    object(chart, 'a', 'Service', 'api');
    object(chart, 'b', 'Service', 'api');
    // WHEN
    const manifests = Testing.synth(chart);
    // THEN
    expect(manifests.map((m) => m.metadata.name)).toEqual(['web', 'api', 'api']);
  });

  test('an owner is not compared with itself', () => {
    // GIVEN
    const chart = Testing.chart();
    const construct = new Construct(chart, 'web');
    const obj = object(construct, 'Resource', 'Service', 'web');
    refuseNameCollisions(construct, () => [obj, obj]);
    // WHEN
    const errors = construct.node.validate();
    // THEN
    expect(errors).toEqual([]);
  });

  test('an owned object outside the app has nothing to collide with', () => {
    // GIVEN
    const chart = Testing.chart();
    const construct = new Construct(chart, 'web');
    const elsewhere = object(Testing.chart(), 'web', 'Service', 'web');
    object(chart, 'other-name', 'Service', 'api');
    refuseNameCollisions(construct, () => [elsewhere]);
    // WHEN
    const errors = construct.node.validate();
    // THEN
    expect(errors).toEqual([]);
  });

  test('the check runs at synth, not at construction', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    // WHEN: the collision is built, and an object added after the owner registered its check
    const build = () => {
      owner(chart, 'web', 'Service', 'web');
      object(chart, 'later', 'Service', 'web');
    };
    // THEN
    expect(build).not.toThrow();
    expect(() => app.synthYaml()).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [shop/web] name: Service 'web' in namespace 'shop' is also emitted by shop/later, got 'web'; ${FIX}`,
    ));
  });

  test('every synth sees the objects of the moment', () => {
    // GIVEN: a first synth without collision
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    owner(chart, 'web', 'Service', 'web');
    expect(Testing.synth(chart)).toHaveLength(1);
    // WHEN
    object(chart, 'later', 'Service', 'web');
    // THEN
    expect(() => Testing.synth(chart)).toThrow(new Error(
      'Validation failed with the following errors:\n'
      + `  [shop/web] name: Service 'web' in namespace 'shop' is also emitted by shop/later, got 'web'; ${FIX}`,
    ));
  });

  test("the owner's validation alone reports the problem without the path prefix", () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    const { construct } = owner(chart, 'web', 'Secret', 'creds');
    object(chart, 'other', 'Secret', 'creds');
    // WHEN
    const errors = construct.node.validate();
    // THEN
    expect(errors).toEqual([`name: Secret 'creds' in namespace 'shop' is also emitted by shop/other, got 'creds'; ${FIX}`]);
  });
});
