import { Chart, Testing } from 'cdk8s';
import { createHttpRoute, RouteParent, RouteTarget } from '../../src/canary/http-route';
import { oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const LABELS = { 'app.kubernetes.io/name': 'storefront', 'app.kubernetes.io/part-of': 'shop' };
const EVERYTHING = { path: { type: 'PathPrefix', value: '/' } };
const HEADER = { name: 'x-canary', value: 'always' };

function target(overrides: Partial<RouteTarget> = {}): RouteTarget {
  return { name: 'storefront', labels: LABELS, hosts: [], paths: ['/'], servicePort: 80, stableService: 'storefront-stable', canaryService: 'storefront-canary', weight: 10, ...overrides };
}

function backend(name: string, weight: number, port = 80) {
  return { group: '', kind: 'Service', name, port, weight };
}

/** Synthesizes one route in a fresh chart. */
function route(options: RouteParent, given: RouteTarget, namespace?: string): any {
  const chart = new Chart(Testing.app(), 'shop', { namespace });
  createHttpRoute(chart, 'HTTPRoute', options, given);
  const docs = Testing.synth(chart);
  expect(allSchemaErrors(docs)).toEqual([]);
  return oneOf(docs, 'HTTPRoute');
}

describe('createHttpRoute', () => {
  test('a weighted route with a header rule: every defaulted field written out', () => {
    // GIVEN
    const options = { gatewayName: 'public', gatewayNamespace: 'gateways', sectionName: 'https', canaryHeader: HEADER };
    // WHEN
    const doc = route(options, target({ hosts: ['shop.example.com'] }), 'shop');
    // THEN
    expect(doc).toMatchSnapshot();
    expect(doc.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(doc.kind).toBe('HTTPRoute');
    expect(doc.metadata).toEqual({ name: 'storefront', namespace: 'shop', labels: LABELS });
    expect(doc.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      rules: [
        { matches: [{ ...EVERYTHING, headers: [{ type: 'Exact', name: 'x-canary', value: 'always' }] }], backendRefs: [backend('storefront-canary', 1)] },
        { matches: [EVERYTHING], backendRefs: [backend('storefront-stable', 90), backend('storefront-canary', 10)] },
      ],
    });
  });

  test('the smallest route: no host, no canary, no header, the Gateway in the route namespace on every listener', () => {
    // GIVEN / WHEN
    const doc = route({ gatewayName: 'public' }, target({ canaryService: undefined, weight: 0 }));
    // THEN
    expect(doc.metadata).toEqual({ name: 'storefront', labels: LABELS });
    expect(doc.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public' }],
      rules: [{ matches: [EVERYTHING], backendRefs: [backend('storefront-stable', 1)] }],
    });
  });

  test('without a canary, a header adds no rule and the weight is ignored', () => {
    // GIVEN / WHEN
    const doc = route({ gatewayName: 'public', canaryHeader: HEADER }, target({ canaryService: undefined, weight: 50 }));
    // THEN
    expect(doc.spec.rules).toEqual([{ matches: [EVERYTHING], backendRefs: [backend('storefront-stable', 1)] }]);
  });

  test.each([
    [0, 100, 0], [1, 99, 1], [33, 67, 33], [50, 50, 50], [99, 1, 99], [100, 0, 100],
  ])('at weight %p the stable backend weighs %p and the canary %p, always summing to 100', (weight, stable, canary) => {
    // GIVEN / WHEN
    const doc = route({ gatewayName: 'public' }, target({ weight }));
    // THEN
    expect(doc.spec.rules).toEqual([{ matches: [EVERYTHING], backendRefs: [backend('storefront-stable', stable), backend('storefront-canary', canary)] }]);
  });

  test.each([0, 100])('at weight %p the header still routes to the canary, first', (weight) => {
    // GIVEN / WHEN
    const doc = route({ gatewayName: 'public', canaryHeader: HEADER }, target({ weight }));
    // THEN
    expect(doc.spec.rules).toHaveLength(2);
    expect(doc.spec.rules[0]).toEqual({
      matches: [{ ...EVERYTHING, headers: [{ type: 'Exact', name: 'x-canary', value: 'always' }] }],
      backendRefs: [backend('storefront-canary', 1)],
    });
  });

  test('a wildcard host, a service port and a header of every token character', () => {
    // GIVEN
    const canaryHeader = { name: "!#$%&'*+.^_`|~-Az09", value: 'a b;c=d' };
    // WHEN
    const doc = route({ gatewayName: 'public', canaryHeader }, target({ hosts: ['*.example.com'], servicePort: 8443 }));
    // THEN
    expect(doc.spec.hostnames).toEqual(['*.example.com']);
    expect(doc.spec.rules[0].matches[0].headers).toEqual([{ type: 'Exact', ...canaryHeader }]);
    expect(doc.spec.rules.flatMap((r: any) => r.backendRefs.map((b: any) => b.port))).toEqual([8443, 8443, 8443]);
  });

  test('the route takes its namespace from the chart, not from the target', () => {
    // GIVEN / WHEN
    const doc = route({ gatewayName: 'public' }, target({ namespace: 'elsewhere' } as Partial<RouteTarget>), 'shop');
    // THEN
    expect(doc.metadata.namespace).toBe('shop');
  });

  test('returns the ApiObject, under the given id', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const object = createHttpRoute(chart, 'Route', { gatewayName: 'public' }, target());
    // THEN
    expect(object.node.path).toBe('test/Route');
    expect(object.kind).toBe('HTTPRoute');
    expect(object.name).toBe('storefront');
  });

  describe('every combination of host, canary, weight, header, Gateway namespace, section and chart namespace', () => {
    const cases: Array<[string, RouteParent, RouteTarget, string | undefined]> = [];
    for (const host of [undefined, 'shop.example.com', '*.example.com']) {
      for (const canaryService of [undefined, 'storefront-canary']) {
        for (const weight of [0, 10, 100]) {
          for (const canaryHeader of [undefined, HEADER]) {
            for (const gatewayNamespace of [undefined, 'gateways']) {
              for (const sectionName of [undefined, 'https']) {
                for (const namespace of [undefined, 'shop']) {
                  const options = { gatewayName: 'public', gatewayNamespace, sectionName, canaryHeader };
                  cases.push([JSON.stringify({ host, canaryService, weight, canaryHeader, gatewayNamespace, sectionName, namespace }),
                    options, target({ hosts: host === undefined ? [] : [host], canaryService, weight }), namespace]);
                }
              }
            }
          }
        }
      }
    }

    test(`${cases.length} routes have the expected shape and pass the Gateway API schema`, () => {
      expect(cases).toHaveLength(3 * 2 * 3 * 2 * 2 * 2 * 2);
      for (const [label, options, given, namespace] of cases) {
        // GIVEN / WHEN
        const doc = route(options, given, namespace);
        // THEN
        const parentRef: Record<string, string> = { group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public' };
        if (options.gatewayNamespace !== undefined) {
          parentRef.namespace = options.gatewayNamespace;
        }
        if (options.sectionName !== undefined) {
          parentRef.sectionName = options.sectionName;
        }
        const rules: object[] = [];
        if (given.canaryService !== undefined && options.canaryHeader !== undefined) {
          rules.push({ matches: [{ ...EVERYTHING, headers: [{ type: 'Exact', ...HEADER }] }], backendRefs: [backend(given.canaryService, 1)] });
        }
        rules.push({
          matches: [EVERYTHING],
          backendRefs: given.canaryService === undefined ? [backend('storefront-stable', 1)]
            : [backend('storefront-stable', 100 - given.weight), backend(given.canaryService, given.weight)],
        });
        const spec: Record<string, unknown> = { parentRefs: [parentRef], rules };
        if (given.hosts.length > 0) {
          spec.hostnames = given.hosts;
        }
        expect({ label, namespace: doc.metadata.namespace, spec: doc.spec }).toEqual({ label, namespace, spec });
      }
    });
  });
});
