import { Chart, Duration, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  ConcurrencyPolicy, HealthCheck, InternalApi, JobRestartPolicy, NamespaceQuota, ScheduledJob, ScheduledJobProps, SecureNamespace, WebService,
} from '../src';
import { containerOf, grantingApp, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';
import { ApiResource } from '../src/rbac/api-resource';

const IMAGE = 'ghcr.io/acme/reports:2.4.0';

function synth(props: Partial<ScheduledJobProps> = {}, chart = namespacedChart()): any[] {
  new ScheduledJob(chart, 'reports', { image: IMAGE, schedule: '30 2 * * *', command: ['/bin/reports', 'nightly'], ...props });
  return Testing.synth(chart);
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

function podSpecOf(cronJob: any): any {
  return cronJob.spec.jobTemplate.spec.template.spec;
}

describe('ScheduledJob', () => {
  test('is a hardened CronJob: one run at a time, deadlines, retries, TTL, history; no Service; deny-all ingress', () => {
    // GIVEN / WHEN
    const docs = synth();
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'CronJob', 'NetworkPolicy']);
    const cronJob = oneOf(docs, 'CronJob');
    expect(cronJob.apiVersion).toBe('batch/v1');
    const { jobTemplate, ...cron } = cronJob.spec;
    expect(cron).toEqual({
      schedule: '30 2 * * *',
      timeZone: 'Etc/UTC',
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: 300,
      suspend: false,
      successfulJobsHistoryLimit: 3,
      failedJobsHistoryLimit: 3,
    });
    expect(jobTemplate.spec).toMatchObject({ backoffLimit: 3, activeDeadlineSeconds: 3600, ttlSecondsAfterFinished: 86400 });
    const pod = podSpecOf(cronJob);
    expect(pod.restartPolicy).toBe('Never');
    expect(pod.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod.affinity).toBeUndefined();
    expect(pod.topologySpreadConstraints).toBeUndefined();
    const container = pod.containers[0];
    expect(container.command).toEqual(['/bin/reports', 'nightly']);
    expect(container.securityContext).toMatchObject({ allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(container.ports).toBeUndefined();
    expect(container.readinessProbe).toBeUndefined();
    expect(container.startupProbe).toBeUndefined();
    expect(container.livenessProbe).toBeUndefined();
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress).toEqual([]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('every setting can be chosen', () => {
    // GIVEN / WHEN
    const docs = synth({
      schedule: '@weekly',
      timeZone: 'Europe/Kyiv',
      concurrencyPolicy: ConcurrencyPolicy.REPLACE,
      startingDeadline: Duration.minutes(1),
      activeDeadline: Duration.minutes(20),
      backoffLimit: 0,
      ttlAfterFinished: Duration.hours(2),
      restartPolicy: JobRestartPolicy.ON_FAILURE,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 5,
      suspend: true,
      livenessProbe: HealthCheck.exec(['/bin/reports', 'alive']),
    });
    // THEN
    const cronJob = oneOf(docs, 'CronJob');
    expect(cronJob.spec).toMatchObject({
      schedule: '@weekly',
      timeZone: 'Europe/Kyiv',
      concurrencyPolicy: 'Replace',
      startingDeadlineSeconds: 60,
      suspend: true,
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 5,
    });
    expect(cronJob.spec.jobTemplate.spec).toMatchObject({ backoffLimit: 0, activeDeadlineSeconds: 1200, ttlSecondsAfterFinished: 7200 });
    expect(podSpecOf(cronJob).restartPolicy).toBe('OnFailure');
    expect(containerOf({ spec: { template: { spec: podSpecOf(cronJob) } } }).livenessProbe.exec).toEqual({ command: ['/bin/reports', 'alive'] });
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test.each([
    [{ schedule: '0 30 2 * * *' }, "[shop/reports] schedule: must have five fields, not 6 (Kubernetes has no seconds field), got '0 30 2 * * *'; use five fields 'minute hour day-of-month month day-of-week' (such as '30 2 * * *' for 02:30 every day), or a macro such as '@daily'"],
    [{ schedule: '60 2 * * *' }, "[shop/reports] schedule: minute: 60 is out of range 0-59, got '60'; use 0-59, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    [{ schedule: '0 2 * FOO *' }, "[shop/reports] schedule: month: 'FOO' is not a number or a name, got 'FOO'; use 1-12 or JAN-DEC, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    [{ schedule: '0 2 * * 7' }, "[shop/reports] schedule: day of week: 7 is out of range 0-6, got '7'; use 0-6 or SUN-SAT, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    [{ schedule: '*/0 * * * *' }, "[shop/reports] schedule: minute: step '0' is not a whole number of at least 1, got '*/0'; use 0-59, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    [{ schedule: '0 9-5 * * *' }, "[shop/reports] schedule: hour: range 9-5 runs backwards, got '9-5'; use 0-23, '*', lists (a,b), ranges (a-b) and steps (*/n, a-b/n)"],
    [{ schedule: '0 0 30 2 *' }, "[shop/reports] schedule: never runs: no month it names has day 30, got '0 0 30 2 *'; use a day of month that one of the months has, such as 28 for February"],
    [{ schedule: '@every 1h' }, "[shop/reports] schedule: must be one of the macros @yearly, @annually, @monthly, @weekly, @daily, @midnight, @hourly, got '@every 1h'; write the interval as five fields, such as '*/15 * * * *' (@every is not a calendar time and restarts with the controller)"],
    [{ schedule: 'CRON_TZ=UTC 0 2 * * *' }, "[shop/reports] schedule: must not carry a time zone (the API refuses TZ= and CRON_TZ=), got 'CRON_TZ=UTC 0 2 * * *'; set the `timeZone` prop instead"],
    [{ timeZone: 'Mars/Olympus_Mons' }, "[shop/reports] timeZone: is not a time zone of the IANA database, got 'Mars/Olympus_Mons'; use an IANA time zone name such as 'Europe/Berlin', 'America/New_York' or 'Etc/UTC'"],
    [{ timeZone: 'europe/berlin' }, "[shop/reports] timeZone: must be spelt as the IANA database spells it (the controller reads it by file name; case matters), got 'europe/berlin'; use 'Europe/Berlin'"],
    [{ concurrencyPolicy: 'Allow' as any }, "[shop/reports] concurrencyPolicy: must be a ConcurrencyPolicy, got 'Allow'; use ConcurrencyPolicy.FORBID or ConcurrencyPolicy.REPLACE"],
    [{ restartPolicy: 'Always' as any }, "[shop/reports] restartPolicy: must be a JobRestartPolicy, got 'Always'; use JobRestartPolicy.NEVER or JobRestartPolicy.ON_FAILURE"],
    [{ replicas: 2 }, '[shop/reports] replicas: does not apply to pods that run to completion, got 2; leave it out (a job runs one pod at a time)'],
    [{ rollout: { maxSurgePercent: 50 } }, '[shop/reports] rollout: does not apply to pods that run to completion (nothing rolls: every run starts new pods), got {"maxSurgePercent":50}; leave it out'],
    [{ readinessProbe: HealthCheck.exec(['true']) }, "[shop/reports] readinessProbe: does not apply to a job: nothing sends its pods traffic, got 'exec [\"true\"]'; leave it out (a livenessProbe restarts a job that hangs; activeDeadline ends one that runs too long)"],
    [{ servicePort: 80 }, '[shop/reports] servicePort: does not apply: a ScheduledJob has no Service, got 80; leave it out'],
    [{ name: 'a'.repeat(53) }, `[shop/reports] name: must be at most 52 characters for a CronJob (it is 53; each Job gets an 11-character suffix), got '${'a'.repeat(53)}'; set the \`name\` prop to a shorter name`],
    [{ backoffLimit: -1 }, '[shop/reports] backoffLimit: must be a whole number from 0 to 100, got -1; set backoffLimit to a whole number from 0 to 100'],
  ])('refuses a bad schedule, time zone or setting (%#)', (props, message) => {
    expect(() => synth(props as Partial<ScheduledJobProps>)).toThrow(message);
  });

  test.each([
    '*/15 * * * *', '0 9-17/2 * * MON-FRI', '0 0 1,15 * *', '5 4 * JAN,jul sun', '0 0 29 2 *', '0 0 31 1-12 *', '? * * * *', '7/10 * * * *',
    '@hourly', '@daily', '@midnight', '@monthly', '@yearly', '@annually',
  ])('accepts the schedule %s', (schedule) => {
    expect(oneOf(synth({ schedule }), 'CronJob').spec.schedule).toBe(schedule);
  });

  test.each(['UTC', 'Etc/UTC', 'Etc/GMT+5', 'Europe/Berlin', 'Europe/Kiev', 'Asia/Kolkata', 'America/Argentina/Buenos_Aires'])('accepts the time zone %s', (timeZone) => {
    expect(oneOf(synth({ timeZone }), 'CronJob').spec.timeZone).toBe(timeZone);
  });

  test('reaches what allowTo names; nothing may reach it', () => {
    // GIVEN
    const chart = namespacedChart();
    const job = new ScheduledJob(chart, 'reports', { image: IMAGE, schedule: '@daily' });
    const api = new InternalApi(chart, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
    const web = new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' });
    // WHEN
    job.allowTo(api);
    // THEN
    const docs = Testing.synth(chart);
    const policy = docs.find((d) => d.kind === 'NetworkPolicy' && d.metadata.name === 'reports');
    expect(policy.spec.egress).toContainEqual({ to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'orders' } } }], ports: [{ port: 8080, protocol: 'TCP' }] });
    expect(findings(docs)).toEqual([]);
    expect(() => web.allowTo(job)).toThrow(
      "[shop/storefront] allowTo[0]: names shop/reports, which takes no connections (a ScheduledJob: its NetworkPolicy denies all ingress), got 'ScheduledJob shop/reports'; allow traffic to a WebService or InternalApi instead");
  });

  test('takes env, config and grants like every golden workload', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const job = new ScheduledJob(chart, 'reports', { image: IMAGE, schedule: '@daily', env: { REPORT_BUCKET: 'reports' }, config: { 'reports.yaml': 'format: csv\n' } });
    // WHEN
    job.grantRead(ApiResource.CONFIG_MAPS, { names: ['report-templates'] });
    // THEN
    const docs = Testing.synth(chart);
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'CronJob', 'NetworkPolicy', 'Role', 'RoleBinding']);
    expect(podSpecOf(oneOf(docs, 'CronJob')).containers[0].env).toEqual([{ name: 'REPORT_BUCKET', value: 'reports' }]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('counts one pod at a time in its namespace quota (two while Replace stops the last run)', () => {
    // GIVEN
    const app = Testing.app();
    const quota = NamespaceQuota.custom({ cpuRequests: Cpu.units(8), memory: Size.gibibytes(16), pods: 2, services: 0 });
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop', quota });
    const shop = namespacedChart('shop', app);
    new ScheduledJob(shop, 'reports', { image: IMAGE, schedule: '@daily' });
    new ScheduledJob(shop, 'cleanup', { image: IMAGE, schedule: '@hourly', concurrencyPolicy: ConcurrencyPolicy.REPLACE });
    // WHEN / THEN
    expect(() => app.synthYaml()).toThrow([
      'Validation failed with the following errors:',
      "  [platform/shop] quota.pods: the golden workloads of namespace 'shop' need up to 3 at their largest scale and rollout surge (shop/reports 1, shop/cleanup 2), got '2'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
    ].join('\n'));
  });
});
