import { describeObject, identityOf, manifestSet } from '../../src/diff/manifest-set';

describe('manifest sets', () => {
  test('an object is the same whatever the version, and old groups name the same object', () => {
    // GIVEN
    const v1 = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } };
    const beta = { apiVersion: 'extensions/v1beta1', kind: 'Deployment', metadata: { name: 'web', namespace: 'shop' } };
    const elsewhere = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web' } };
    // WHEN / THEN
    expect(identityOf(beta)).toBe(identityOf(v1));
    expect(identityOf(elsewhere)).not.toBe(identityOf(v1));
    expect(describeObject(elsewhere)).toBe('Deployment default/web');
    expect(describeObject({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } })).toBe('Namespace shop');
  });

  test('an object twice is reported with both positions; entries that are no object are left out', () => {
    // GIVEN
    const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'shop' } };
    // WHEN
    const { set, duplicates } = manifestSet([service, null, { metadata: {} }, { ...service }]);
    // THEN
    expect(set.objects).toEqual([service]);
    expect(set.positionOf(service)).toBe(0);
    expect(duplicates).toEqual([{ object: 'Service shop/web', first: 0, second: 3 }]);
  });
});
