import { selectorLabels, standardLabels, StandardLabel } from '../../src/conventions/labels';

describe('StandardLabel', () => {
  test('names the app.kubernetes.io keys and the manager', () => {
    // GIVEN / WHEN / THEN
    expect([
      StandardLabel.NAME,
      StandardLabel.INSTANCE,
      StandardLabel.VERSION,
      StandardLabel.COMPONENT,
      StandardLabel.PART_OF,
      StandardLabel.MANAGED_BY,
      StandardLabel.MANAGER,
    ]).toEqual([
      'app.kubernetes.io/name',
      'app.kubernetes.io/instance',
      'app.kubernetes.io/version',
      'app.kubernetes.io/component',
      'app.kubernetes.io/part-of',
      'app.kubernetes.io/managed-by',
      'cdk8s-golden',
    ]);
  });
});

describe('selectorLabels', () => {
  test('are name and instance, both the workload name', () => {
    // GIVEN / WHEN
    const labels = selectorLabels('storefront');
    // THEN
    expect(labels).toEqual({ 'app.kubernetes.io/name': 'storefront', 'app.kubernetes.io/instance': 'storefront' });
  });

  test('never hold a version', () => {
    // GIVEN / WHEN
    const labels = selectorLabels('storefront');
    // THEN
    expect(Object.keys(labels)).not.toContain(StandardLabel.VERSION);
  });

  test('are a new object on every call', () => {
    // GIVEN / WHEN
    const a = selectorLabels('web');
    const b = selectorLabels('web');
    // THEN
    expect(a).not.toBe(b);
    expect(a).toEqual(b);
  });
});

describe('standardLabels', () => {
  test('hold the selector labels, version, component, part-of and manager', () => {
    // GIVEN / WHEN
    const labels = standardLabels({ name: 'storefront', version: '2.0.1', component: 'web', partOf: 'shop', extra: {} });
    // THEN
    expect(labels).toEqual({
      'app.kubernetes.io/name': 'storefront',
      'app.kubernetes.io/instance': 'storefront',
      'app.kubernetes.io/version': '2.0.1',
      'app.kubernetes.io/component': 'web',
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/managed-by': 'cdk8s-golden',
    });
  });

  test('add the extra labels, written first', () => {
    // GIVEN / WHEN
    const labels = standardLabels({ name: 'web', version: '1', component: 'web', partOf: 'web', extra: { 'team': 'payments', 'acme.com/cost-centre': 'cc-42' } });
    // THEN
    expect(labels.team).toBe('payments');
    expect(labels['acme.com/cost-centre']).toBe('cc-42');
    expect(Object.keys(labels).slice(0, 2)).toEqual(['team', 'acme.com/cost-centre']);
  });

  test('extra labels cannot override a standard label', () => {
    // GIVEN
    const extra = {
      'app.kubernetes.io/name': 'evil',
      'app.kubernetes.io/instance': 'evil',
      'app.kubernetes.io/version': 'evil',
      'app.kubernetes.io/component': 'evil',
      'app.kubernetes.io/part-of': 'evil',
      'app.kubernetes.io/managed-by': 'helm',
    };
    // WHEN
    const labels = standardLabels({ name: 'web', version: '1.0', component: 'api', partOf: 'shop', extra });
    // THEN
    expect(labels).toEqual({
      'app.kubernetes.io/name': 'web',
      'app.kubernetes.io/instance': 'web',
      'app.kubernetes.io/version': '1.0',
      'app.kubernetes.io/component': 'api',
      'app.kubernetes.io/part-of': 'shop',
      'app.kubernetes.io/managed-by': 'cdk8s-golden',
    });
  });

  test('leave the extra labels they were given untouched', () => {
    // GIVEN
    const extra = { team: 'payments' };
    // WHEN
    standardLabels({ name: 'web', version: '1', component: 'web', partOf: 'web', extra });
    // THEN
    expect(extra).toEqual({ team: 'payments' });
  });
});
