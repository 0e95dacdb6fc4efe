import { App } from 'cdk8s';
import fc from 'fast-check';
import {
  deploymentSelectors, dnsLabel, dropUndefined, expectHardenedOrRefused, expectRefused, externalWiring, image, mutation, Mutation,
  namespaced, namespaceName, notAnObject, runs, scale, synthApp, TIMEOUT_MS, wire, Wiring, workloadMutation, workloadOptions,
  applyMutation,
  BUDGET,
  testValidOutput,
} from './arbitraries';
import { ApiProtocol, InternalApi, InternalApiProps, NetworkPeer, WebService } from '../../src';

const protocol = fc.constantFrom(ApiProtocol.HTTP, ApiProtocol.H2C, ApiProtocol.GRPC, ApiProtocol.TCP);

/** Valid InternalApi props, for each protocol (gRPC probes only for gRPC). */
const internalApiProps: fc.Arbitrary<InternalApiProps> = protocol.chain((p) => fc.record({
  name: fc.option(dnsLabel(63), { nil: undefined }),
  image,
  scale,
  options: workloadOptions(p),
  headless: fc.option(fc.boolean(), { nil: undefined }),
  explicitProtocol: fc.boolean(),
}).map(({ name, image: img, scale: s, options, headless, explicitProtocol }) => dropUndefined({
  ...options,
  ...s,
  name,
  image: img,
  headless,
  protocol: explicitProtocol || p !== ApiProtocol.HTTP ? p : undefined,
  // A headless Service has no address a load balancer could front.
  serviceType: headless === true ? undefined : options.serviceType,
})));

/** How the golden workloads of an app are wired: who reaches the API, from which namespace. */
interface Topology {
  /** The API's namespace: the web's ('shop') or another ('payments'). */
  readonly apiNamespace: 'shop' | 'payments';
  /** web.allowTo(api), api.allowFrom(web), both, or neither (then a namespace peer). */
  readonly golden: 'allowTo' | 'allowFrom' | 'both' | 'none';
  /** Also allow the web's pods by label (a label peer that selects pods of the app). */
  readonly byLabel: boolean;
  readonly clientsNamespace: string;
}

const topology: fc.Arbitrary<Topology> = fc.record({
  apiNamespace: fc.constantFrom('shop' as const, 'payments' as const),
  golden: fc.constantFrom('allowTo' as const, 'allowFrom' as const, 'both' as const, 'none' as const),
  byLabel: fc.boolean(),
  clientsNamespace: namespaceName,
});

function build(app: App, props: InternalApiProps, t: Topology, wiring: Wiring[]): InternalApi {
  const shop = namespaced(app, 'shop');
  const web = new WebService(shop, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' });
  const apiChart = t.apiNamespace === 'shop' ? shop : namespaced(app, 'payments');
  const api = new InternalApi(apiChart, 'orders', props);
  if (t.golden === 'allowTo' || t.golden === 'both') web.allowTo(api);
  if (t.golden === 'allowFrom' || t.golden === 'both') api.allowFrom(web);
  if (t.golden === 'none') api.allowFrom(NetworkPeer.namespace(t.clientsNamespace));
  if (t.byLabel) api.allowFrom(NetworkPeer.pods({ 'app.kubernetes.io/name': 'storefront' }, { namespace: 'shop' }));
  wire(api, wiring);
  return api;
}

describe('InternalApi, generated valid props and wiring', () => {
  testValidOutput(fc.tuple(internalApiProps, topology, externalWiring), (app, [props, t, wiring]) => build(app, props, t, wiring), {
    hardened: 'the output of the app passes every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same props and wiring synthesize byte-identical YAML in two fresh apps',
  });

  test('the Deployment selectors depend only on the names, whatever the props and the wiring', () => {
    fc.assert(fc.property(fc.option(dnsLabel(63).filter((n) => n !== 'storefront'), { nil: undefined }),
      internalApiProps, topology, internalApiProps, topology, (name, a, ta, b, tb) => {
        const selectors = (props: InternalApiProps, t: Topology) => {
          const app = new App();
          build(app, { ...props, name }, { ...t, apiNamespace: 'payments' }, []);
          return deploymentSelectors(synthApp(app));
        };
        const n = name ?? 'orders';
        const first = selectors(a, ta);
        expect(first[n]).toEqual({ matchLabels: { 'app.kubernetes.io/name': n, 'app.kubernetes.io/instance': n } });
        expect(selectors(b, tb)).toEqual(first);
      }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

const apiMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation('protocol', fc.oneof(notAnObject, fc.constantFrom('grpc', 'http', {}, { appProtocol: 'grpc' }))),
  mutation('headless', fc.constantFrom('true', 'false', 1, 0, {}, [], Symbol('h'), NaN)),
);

describe('InternalApi, generated invalid props', () => {
  test('one field out of its domain: refused with the construct path, the field, the value and the fix; no YAML written', () => {
    const anyMutation = fc.oneof({ weight: 5, arbitrary: workloadMutation }, { weight: 1, arbitrary: apiMutation });
    fc.assert(fc.property(internalApiProps, anyMutation, (props, m) => {
      const base: any = { ...props };
      const message = expectRefused((app) => build(app, applyMutation(base, m), { apiNamespace: 'shop', golden: 'both', byLabel: false, clientsNamespace: 'x' }, []));
      expect(message).toContain(m.hint);
    }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('an API that no peer may reach is refused at synth (a load balancer\'s clients are peers; Prometheus is none)', () => {
    fc.assert(fc.property(internalApiProps, (props) => {
      const message = expectRefused((app) => new InternalApi(namespaced(app), 'orders', { ...props, serviceType: undefined }));
      expect(message).toContain('allowFrom: nothing may reach the pods');
    }), { numRuns: runs(0.2) });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    const mutations = fc.array(fc.oneof(workloadMutation, apiMutation), { maxLength: 3 });
    fc.assert(fc.property(internalApiProps, topology, externalWiring, mutations, (props, t, wiring, ms) => {
      let mixed: any = { ...props };
      for (const m of ms) mixed = applyMutation(mixed, m);
      expectHardenedOrRefused((app) => build(app, mixed, t, wiring));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
