import { App, Duration } from 'cdk8s';
import fc from 'fast-check';
import {
  BUDGET, dnsLabel, dropUndefined, expectHardenedOrRefused, expectRefused, externalWiring, image, namespaced, TIMEOUT_MS, testValidOutput,
  wire, Wiring, workloadMutation, workloadOptions, applyMutation, healthCheck,
} from './arbitraries';
import { ConcurrencyPolicy, InternalApi, JobRestartPolicy, ScheduledJob, ScheduledJobProps } from '../../src';

/** One cron field: `*`, a value, a range, a step or a list of them, within its bounds. */
function cronField(min: number, max: number): fc.Arbitrary<string> {
  const value = fc.integer({ min, max });
  const item = fc.oneof(
    value.map(String),
    fc.tuple(value, value).map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
    fc.tuple(fc.constantFrom('*', String(min)), fc.integer({ min: 1, max: max - min + 1 })).map(([r, s]) => `${r}/${s}`),
  );
  return fc.oneof(fc.constant('*'), fc.array(item, { minLength: 1, maxLength: 3 }).map((items) => items.join(',')));
}

/** A valid schedule: five fields (days of month up to 28, so every month has them) or a macro. */
export const schedule: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(cronField(0, 59), cronField(0, 23), cronField(1, 28), cronField(1, 12), cronField(0, 6)).map((f) => f.join(' ')),
  fc.constantFrom('@hourly', '@daily', '@midnight', '@weekly', '@monthly', '@yearly', '@annually'),
);

const timeZone = fc.constantFrom(undefined, 'UTC', 'Etc/UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney');

/** Valid ScheduledJob props: the workload options that apply to a job, and the job's own. */
const scheduledJobProps: fc.Arbitrary<ScheduledJobProps> = fc.record({
  name: fc.option(dnsLabel(52), { nil: undefined }),
  image,
  schedule,
  timeZone,
  options: workloadOptions(),
  liveness: fc.option(healthCheck(false), { nil: undefined }),
  concurrencyPolicy: fc.constantFrom(undefined, ConcurrencyPolicy.FORBID, ConcurrencyPolicy.REPLACE),
  restartPolicy: fc.constantFrom(undefined, JobRestartPolicy.NEVER, JobRestartPolicy.ON_FAILURE),
  startingDeadline: fc.option(fc.integer({ min: 10, max: 86400 }), { nil: undefined }),
  activeDeadline: fc.option(fc.integer({ min: 1, max: 7 * 86400 }), { nil: undefined }),
  ttlAfterFinished: fc.option(fc.integer({ min: 0, max: 30 * 86400 }), { nil: undefined }),
  backoffLimit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  successfulJobsHistoryLimit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  failedJobsHistoryLimit: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
  suspend: fc.option(fc.boolean(), { nil: undefined }),
}).map(({ options, liveness, startingDeadline, activeDeadline, ttlAfterFinished, ...job }) => {
  // No Service, and no metrics port (a job's pods may end between two scrapes).
  const { servicePort, serviceType, metrics, rollout, readinessProbe, startupProbe, livenessProbe, ...rest } = options;
  const seconds = (n: number | undefined) => (n === undefined ? undefined : Duration.seconds(n));
  const props: any = dropUndefined({
    ...rest,
    ...job,
    startingDeadline: seconds(startingDeadline),
    activeDeadline: seconds(activeDeadline),
    ttlAfterFinished: seconds(ttlAfterFinished),
  });
  // A liveness check with a port needs the admin port; an exec check needs none.
  if (liveness !== undefined && (props.port !== undefined || liveness.key.startsWith('exec '))) {
    props.livenessProbe = liveness.check;
  }
  return props;
});

function build(app: App, props: ScheduledJobProps, wiring: Wiring[]): ScheduledJob {
  const shop = namespaced(app, 'shop');
  const job = new ScheduledJob(shop, 'reports', props);
  job.allowTo(new InternalApi(shop, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' }));
  wire(job, wiring.filter((w) => w.kind !== 'allowFrom'));
  return job;
}

describe('ScheduledJob, generated valid props and wiring', () => {
  testValidOutput(fc.tuple(scheduledJobProps, externalWiring), (app, [props, wiring]) => build(app, props, wiring), {
    hardened: 'the output of the app passes every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same props and wiring synthesize byte-identical YAML in two fresh apps',
  });
});

describe('ScheduledJob, generated invalid props', () => {
  test('a schedule with a field out of range is refused, naming the field', () => {
    const bounds: Array<[string, number, number]> = [
      ['minute', 0, 59], ['hour', 0, 23], ['day of month', 1, 31], ['month', 1, 12], ['day of week', 0, 6],
    ];
    const field = fc.integer({ min: 0, max: 4 });
    fc.assert(fc.property(scheduledJobProps, field, fc.boolean(), fc.integer({ min: 1, max: 1000 }), (props, i, below, by) => {
      const [name, min, max] = bounds[i];
      const value = below ? min - by : max + by;
      if (value < 0) return;
      const fields = ['0', '0', '1', '1', '*'];
      fields[i] = String(value);
      const message = expectRefused((app) => build(app, { ...props, schedule: fields.join(' ') }, []));
      expect(message).toContain(`schedule: ${name}: ${value} is out of range ${min}-${max}`);
    }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    const mutations = fc.array(workloadMutation, { maxLength: 3 });
    fc.assert(fc.property(scheduledJobProps, externalWiring, mutations, (props, wiring, ms) => {
      let mixed: any = { ...props };
      for (const m of ms) mixed = applyMutation(mixed, m);
      expectHardenedOrRefused((app) => build(app, mixed, wiring));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
