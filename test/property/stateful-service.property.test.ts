import { App, Size } from 'cdk8s';
import fc from 'fast-check';
import {
  BUDGET, dnsLabel, dropUndefined, expectHardenedOrRefused, externalWiring, image, namespaced, synthApp, TIMEOUT_MS, testValidOutput,
  wire, Wiring, workloadMutation, workloadOptions, applyMutation,
} from './arbitraries';
import { ApiProtocol, StatefulService, StatefulServiceProps, WebService } from '../../src';

const protocol = fc.constantFrom(ApiProtocol.TCP, ApiProtocol.HTTP, ApiProtocol.GRPC);

const storage = fc.record({
  size: fc.integer({ min: 1, max: 4096 }).map((n) => Size.gibibytes(n)),
  storageClassName: fc.option(dnsLabel(20), { nil: undefined }),
  accessMode: fc.constantFrom(undefined, 'ReadWriteOnce', 'ReadWriteOncePod'),
  mountPath: fc.constantFrom(undefined, '/data', '/var/lib/db'),
}).map((s) => dropUndefined(s));

/** Valid StatefulService props: the workload options that apply (no autoscaling, no rollout). */
const statefulProps: fc.Arbitrary<StatefulServiceProps> = protocol.chain((p) => fc.record({
  name: fc.option(dnsLabel(54), { nil: undefined }),
  image,
  replicas: fc.option(fc.integer({ min: 2, max: 9 }), { nil: undefined }),
  storage,
  parallel: fc.option(fc.boolean(), { nil: undefined }),
  options: workloadOptions(p),
}).map(({ name, image: img, replicas, storage: s, parallel, options }) => {
  const { rollout, servicePort, ...rest } = options;
  return dropUndefined({ ...rest, name, image: img, replicas, storage: s, parallelPodManagement: parallel, protocol: p }) as StatefulServiceProps;
}));

function build(app: App, props: StatefulServiceProps, wiring: Wiring[]): StatefulService {
  const shop = namespaced(app, 'shop');
  const db = new StatefulService(shop, 'db', props);
  db.allowFrom(new WebService(shop, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' }));
  wire(db, wiring);
  return db;
}

describe('StatefulService, generated valid props and wiring', () => {
  testValidOutput(fc.tuple(statefulProps, externalWiring), (app, [props, wiring]) => build(app, props, wiring), {
    hardened: 'the output of the app passes every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same props and wiring synthesize byte-identical YAML in two fresh apps',
  });

  test('the fields Kubernetes never lets change depend only on the name, storage and pod management', () => {
    fc.assert(fc.property(statefulProps, statefulProps, (a, b) => {
      const immutable = (props: StatefulServiceProps) => {
        const app = new App();
        build(app, { ...props, name: 'db', storage: a.storage, parallelPodManagement: a.parallelPodManagement }, []);
        const set = synthApp(app).find((d) => d.kind === 'StatefulSet');
        const { selector, serviceName, volumeClaimTemplates, podManagementPolicy } = set.spec;
        return JSON.stringify({ selector, serviceName, volumeClaimTemplates, podManagementPolicy });
      };
      expect(immutable(b)).toEqual(immutable(a));
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

describe('StatefulService, generated invalid props', () => {
  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    const mutations = fc.array(workloadMutation, { maxLength: 3 });
    fc.assert(fc.property(statefulProps, externalWiring, mutations, (props, wiring, ms) => {
      let mixed: any = { ...props };
      for (const m of ms) mixed = applyMutation(mixed, m);
      expectHardenedOrRefused((app) => build(app, mixed, wiring));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
