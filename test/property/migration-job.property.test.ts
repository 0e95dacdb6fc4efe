import { App } from 'cdk8s';
import fc from 'fast-check';
import {
  BUDGET, dnsLabel, dropUndefined, expectHardenedOrRefused, externalWiring, image, namespaced, synthApp, TIMEOUT_MS, testValidOutput,
  wire, Wiring, workloadMutation, workloadOptions, applyMutation, anyText,
} from './arbitraries';
import { InternalApi, MigrationJob, MigrationJobProps, NetworkPeer } from '../../src';

/** Valid MigrationJob props but `before`: the workload options that apply to a job, and a command. */
const migrationProps: fc.Arbitrary<Omit<MigrationJobProps, 'before'>> = fc.record({
  name: fc.option(dnsLabel(52), { nil: undefined }),
  image,
  command: fc.array(anyText.filter((s) => s.length > 0), { minLength: 1, maxLength: 3 }),
  backoffLimit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  options: workloadOptions(),
}).map(({ options, ...job }) => {
  // No Service, and no metrics port (a job's pods may end between two scrapes).
  const { servicePort, serviceType, metrics, rollout, readinessProbe, startupProbe, livenessProbe, command, ...rest } = options;
  return dropUndefined({ ...rest, ...job });
});

function build(app: App, props: Omit<MigrationJobProps, 'before'>, wiring: Wiring[]): MigrationJob {
  const shop = namespaced(app, 'shop');
  const api = new InternalApi(shop, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
  api.allowFrom(NetworkPeer.namespace('clients'));
  const job = new MigrationJob(shop, 'migrate', { ...props, before: [api] } as MigrationJobProps);
  wire(job, wiring.filter((w) => w.kind !== 'allowFrom'));
  return job;
}

describe('MigrationJob, generated valid props and wiring', () => {
  testValidOutput(fc.tuple(migrationProps, externalWiring), (app, [props, wiring]) => build(app, props, wiring), {
    hardened: 'the output of the app passes every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same props and wiring synthesize byte-identical YAML in two fresh apps',
  });

  test('the Job\'s name is the name and a hash of its pod template: the same template, the same name', () => {
    fc.assert(fc.property(migrationProps, (props) => {
      const jobOf = () => {
        const app = new App();
        build(app, { ...props, name: 'migrate' }, []);
        return synthApp(app).find((d) => d.kind === 'Job');
      };
      const [first, second] = [jobOf(), jobOf()];
      expect(first.metadata.name).toMatch(/^migrate-[0-9a-f]{10}$/);
      expect(second.metadata.name).toBe(first.metadata.name);
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

describe('MigrationJob, generated invalid props', () => {
  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    const mutations = fc.array(workloadMutation, { maxLength: 3 });
    fc.assert(fc.property(migrationProps, externalWiring, mutations, (props, wiring, ms) => {
      let mixed: any = { ...props };
      for (const m of ms) mixed = applyMutation(mixed, m);
      expectHardenedOrRefused((app) => build(app, mixed, wiring));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
