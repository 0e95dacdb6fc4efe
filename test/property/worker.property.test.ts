import { App, Duration } from 'cdk8s';
import fc from 'fast-check';
import {
  BUDGET, dnsLabel, dropUndefined, expectHardenedOrRefused, expectRefused, externalWiring, image, namespaced, scale, TIMEOUT_MS, testValidOutput,
  wire, Wiring, workloadMutation, workloadOptions, applyMutation, deploymentSelectors, synthApp,
} from './arbitraries';
import { HealthCheck, InternalApi, KedaScalingOptions, Worker, WorkerProps } from '../../src';

const EXEC = {
  readinessProbe: HealthCheck.exec(['/bin/worker', 'ready']),
  livenessProbe: HealthCheck.exec(['/bin/worker', 'alive']),
};

/** KEDA scaling: scale to zero or from 2, one or two triggers. */
const keda: fc.Arbitrary<KedaScalingOptions> = fc.record({
  min: fc.constantFrom(0, 2, 3, 5),
  extra: fc.integer({ min: 1, max: 40 }),
  polling: fc.option(fc.integer({ min: 1, max: 3600 }), { nil: undefined }),
  cooldown: fc.option(fc.integer({ min: 1, max: 86400 }), { nil: undefined }),
  triggers: fc.array(fc.record({
    type: fc.constantFrom('rabbitmq', 'aws-sqs-queue', 'kafka', 'prometheus', 'cron'),
    // `constructor` is refused (cdk8s cannot write it; test/private/checks.test.ts): a found counterexample.
    metadata: fc.dictionary(fc.stringMatching(/^[a-zA-Z]{1,12}$/).filter((k) => k !== 'constructor'), fc.string({ maxLength: 20 }), { maxKeys: 3, noNullPrototype: true }),
    authenticationRef: fc.option(dnsLabel(30), { nil: undefined }),
  }), { minLength: 1, maxLength: 2 }),
}).map(({ min, extra, polling, cooldown, triggers }) => dropUndefined({
  minReplicas: min,
  maxReplicas: Math.max(min, 1) + extra,
  pollingInterval: polling === undefined ? undefined : Duration.seconds(polling),
  cooldownPeriod: cooldown === undefined ? undefined : Duration.seconds(cooldown),
  triggers: triggers.map((t) => dropUndefined(t)),
}));

/** Valid Worker props: exec checks without a port, any checks with an admin port; one scaler. */
const workerProps: fc.Arbitrary<WorkerProps> = fc.record({
  name: fc.option(dnsLabel(63), { nil: undefined }),
  image,
  scaling: fc.oneof(scale, keda.map((k) => ({ keda: k }))),
  options: workloadOptions(),
  adminPort: fc.boolean(),
}).map(({ name, image: img, scaling, options, adminPort }) => {
  // No Service: no Service port or type.
  const { servicePort, serviceType, ...rest } = options;
  const props: any = dropUndefined({ ...rest, ...scaling, name, image: img });
  if (!adminPort || props.port === undefined) {
    delete props.port;
    Object.assign(props, EXEC);
    delete props.startupProbe;
  }
  return props;
});

function build(app: App, props: WorkerProps, wiring: Wiring[]): Worker {
  const shop = namespaced(app, 'shop');
  const worker = new Worker(shop, 'mailer', props);
  const api = new InternalApi(shop, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
  worker.allowTo(api);
  wire(worker, wiring.filter((w) => w.kind !== 'allowFrom'));
  return worker;
}

describe('Worker, generated valid props and wiring', () => {
  testValidOutput(fc.tuple(workerProps, externalWiring), (app, [props, wiring]) => build(app, props, wiring), {
    hardened: 'the output of the app passes every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same props and wiring synthesize byte-identical YAML in two fresh apps',
  });

  test('the Deployment selector depends only on the name, whatever the props', () => {
    fc.assert(fc.property(workerProps, workerProps, (a, b) => {
      const selector = (props: WorkerProps) => {
        const app = new App();
        build(app, { ...props, name: 'mailer' }, []);
        return deploymentSelectors(synthApp(app)).mailer;
      };
      expect(selector(a)).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'mailer', 'app.kubernetes.io/instance': 'mailer' } });
      expect(selector(b)).toEqual(selector(a));
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

describe('Worker, generated invalid props', () => {
  test('nothing may reach a worker, whatever its props', () => {
    fc.assert(fc.property(workerProps, (props) => {
      const message = expectRefused((app) => build(app, props, []).allowFrom(new InternalApi(namespaced(app, 'other'), 'caller', { image: 'ghcr.io/acme/caller:1.0.0' })));
      expect(message).toContain('allowFrom: takes no connections');
    }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    const mutations = fc.array(workloadMutation, { maxLength: 3 });
    fc.assert(fc.property(workerProps, externalWiring, mutations, (props, wiring, ms) => {
      let mixed: any = { ...props };
      for (const m of ms) mixed = applyMutation(mixed, m);
      expectHardenedOrRefused((app) => build(app, mixed, wiring));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
