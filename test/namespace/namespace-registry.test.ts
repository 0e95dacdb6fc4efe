import { Chart, Testing } from 'cdk8s';
import { Construct, IConstruct } from 'constructs';
import { NamespaceQuota } from '../../src/namespace/namespace-quota';
import { NamespaceEntry, registerNamespace, registerWorkload, secureNamespace, WorkloadNeeds, workloadsIn } from '../../src/namespace/namespace-registry';

function needsOf(owner: IConstruct, name: string, pods = 2): WorkloadNeeds {
  return { owner, name, pods, cpuRequest: 250, cpuLimit: 1000, memory: 512, ephemeralStorageRequest: 512, ephemeralStorageLimit: 1024, services: 1 };
}

function entryOf(owner: IConstruct, cpuLimits = true): NamespaceEntry {
  return { owner, quota: NamespaceQuota.SMALL._numbers(owner, 'quota'), cpuLimits };
}

describe('registerWorkload and workloadsIn', () => {
  test('no workloads in a namespace is an empty list', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN / THEN
    expect(workloadsIn(chart, 'shop')).toEqual([]);
  });

  test('returns the needs of the namespace workloads, in the order they registered', () => {
    // GIVEN
    const chart = Testing.chart();
    const web = new Construct(chart, 'web');
    const api = new Construct(chart, 'api');
    const other = new Construct(chart, 'other');
    // WHEN
    registerWorkload(web, 'shop', () => needsOf(web, 'web'));
    registerWorkload(other, 'payments', () => needsOf(other, 'other'));
    registerWorkload(api, 'shop', () => needsOf(api, 'api'));
    // THEN
    expect(workloadsIn(chart, 'shop')).toEqual([needsOf(web, 'web'), needsOf(api, 'api')]);
    expect(workloadsIn(chart, 'payments').map((n) => n.name)).toEqual(['other']);
  });

  test('reads the needs when asked, not when registered', () => {
    // GIVEN
    const chart = Testing.chart();
    const web = new Construct(chart, 'web');
    let pods = 2;
    const needs = jest.fn(() => needsOf(web, 'web', pods));
    registerWorkload(web, 'shop', needs);
    expect(needs).not.toHaveBeenCalled();
    // WHEN
    pods = 10;
    const result = workloadsIn(chart, 'shop');
    // THEN
    expect(result[0].pods).toBe(10);
    expect(needs).toHaveBeenCalledTimes(1);
  });

  test('ignores a workload without a namespace', () => {
    // GIVEN
    const chart = Testing.chart();
    const web = new Construct(chart, 'web');
    const needs = jest.fn(() => needsOf(web, 'web'));
    // WHEN
    registerWorkload(web, undefined, needs);
    // THEN
    expect(workloadsIn(chart, '')).toEqual([]);
    expect(workloadsIn(chart, 'undefined')).toEqual([]);
    expect(needs).not.toHaveBeenCalled();
  });

  test('is shared across the charts of an app', () => {
    // GIVEN
    const app = Testing.app();
    const a = new Chart(app, 'a', { namespace: 'shop' });
    const b = new Chart(app, 'b', { namespace: 'shop' });
    const web = new Construct(a, 'web');
    const worker = new Construct(b, 'worker');
    // WHEN
    registerWorkload(web, 'shop', () => needsOf(web, 'web'));
    registerWorkload(worker, 'shop', () => needsOf(worker, 'worker'));
    // THEN
    expect(workloadsIn(app, 'shop').map((n) => n.name)).toEqual(['web', 'worker']);
    expect(workloadsIn(new Construct(b, 'deep'), 'shop').map((n) => n.name)).toEqual(['web', 'worker']);
  });

  test('keeps each app apart', () => {
    // GIVEN
    const one = Testing.chart();
    const two = Testing.chart();
    const web = new Construct(one, 'web');
    // WHEN
    registerWorkload(web, 'shop', () => needsOf(web, 'web'));
    // THEN
    expect(workloadsIn(one, 'shop')).toHaveLength(1);
    expect(workloadsIn(two, 'shop')).toEqual([]);
  });
});

describe('registerNamespace and secureNamespace', () => {
  test('the first namespace of a name is registered, and nothing was there before', () => {
    // GIVEN
    const chart = Testing.chart();
    const entry = entryOf(new Construct(chart, 'shop'));
    // WHEN
    const existing = registerNamespace('shop', entry);
    // THEN
    expect(existing).toBeUndefined();
    expect(secureNamespace(chart, 'shop')).toBe(entry);
  });

  test('a second namespace of the same name gets the first back and does not replace it', () => {
    // GIVEN
    const app = Testing.app();
    const first = entryOf(new Construct(new Chart(app, 'a'), 'shop'));
    const second = entryOf(new Construct(new Chart(app, 'b'), 'shop'), false);
    registerNamespace('shop', first);
    // WHEN
    const existing = registerNamespace('shop', second);
    // THEN
    expect(existing).toBe(first);
    expect(secureNamespace(app, 'shop')).toBe(first);
  });

  test('namespaces of other names live side by side', () => {
    // GIVEN
    const chart = Testing.chart();
    const shop = entryOf(new Construct(chart, 'shop'));
    const payments = entryOf(new Construct(chart, 'payments'), false);
    // WHEN
    registerNamespace('shop', shop);
    const existing = registerNamespace('payments', payments);
    // THEN
    expect(existing).toBeUndefined();
    expect(secureNamespace(chart, 'shop')).toBe(shop);
    expect(secureNamespace(chart, 'payments')).toBe(payments);
  });

  test('no namespace name, or an unknown one, is no SecureNamespace', () => {
    // GIVEN
    const chart = Testing.chart();
    registerNamespace('shop', entryOf(new Construct(chart, 'shop')));
    // WHEN / THEN
    expect(secureNamespace(chart, undefined)).toBeUndefined();
    expect(secureNamespace(chart, 'payments')).toBeUndefined();
  });

  test('registers in the app of the entry owner, visible from any construct of it', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'platform');
    const entry = entryOf(new Construct(chart, 'shop'));
    // WHEN
    registerNamespace('shop', entry);
    // THEN
    expect(secureNamespace(new Construct(new Chart(app, 'apps', { namespace: 'shop' }), 'web'), 'shop')).toBe(entry);
    expect(secureNamespace(Testing.chart(), 'shop')).toBeUndefined();
  });

  test('namespaces and workloads are separate records', () => {
    // GIVEN
    const chart = Testing.chart();
    const web = new Construct(chart, 'web');
    // WHEN
    registerWorkload(web, 'shop', () => needsOf(web, 'web'));
    // THEN
    expect(secureNamespace(chart, 'shop')).toBeUndefined();
    expect(workloadsIn(chart, 'shop')).toHaveLength(1);
  });
});
