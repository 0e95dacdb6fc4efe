import { Size, Testing } from 'cdk8s';
import { InternalApi, MigrationJob, MigrationJobProps, NetworkPeer, NetworkPort, StatefulService, Worker, HealthCheck } from '../src';
import { namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';

const IMAGE = 'ghcr.io/acme/orders-migrations:1.4.2';

function synth(props: Partial<MigrationJobProps> = {}): any[] {
  const chart = namespacedChart();
  const api = new InternalApi(chart, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
  api.allowFrom(NetworkPeer.namespace('clients'));
  const migrate = new MigrationJob(chart, 'orders-migrate', { image: IMAGE, command: ['/app/migrate', 'up'], before: [api], ...props });
  migrate.allowTo(NetworkPeer.ipBlock('10.20.0.0/16', [NetworkPort.tcp(5432)]));
  return Testing.synth(chart);
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('MigrationJob', () => {
  test('is a Job named after its template, ordered before the workloads for Argo CD and Helm', () => {
    // GIVEN / WHEN
    const docs = synth();
    // THEN
    const jobDocs = docs.filter((d) => d.metadata.labels['app.kubernetes.io/instance'] === 'orders-migrate');
    expect(jobDocs).toMatchSnapshot();
    expect(jobDocs.map((d) => d.kind)).toEqual(['ServiceAccount', 'Job', 'NetworkPolicy']);
    const job = oneOf(docs, 'Job');
    expect(job.metadata.name).toMatch(/^orders-migrate-[0-9a-f]{10}$/);
    expect(job.metadata.annotations).toEqual({
      'argocd.argoproj.io/sync-wave': '-1',
      'helm.sh/hook': 'pre-install,pre-upgrade',
      'helm.sh/hook-weight': '-1',
      'helm.sh/hook-delete-policy': 'before-hook-creation',
    });
    expect(job.spec).toMatchObject({ backoffLimit: 3, activeDeadlineSeconds: 3600, ttlSecondsAfterFinished: 86400 });
    expect(job.spec.template.spec.restartPolicy).toBe('Never');
    expect(job.spec.template.spec.containers[0].command).toEqual(['/app/migrate', 'up']);
    const deployment = docs.find((d) => d.kind === 'Deployment' && d.metadata.name === 'orders');
    expect(deployment.metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
    expect(oneOf(docs.filter((d) => d.metadata.name === 'orders-migrate'), 'NetworkPolicy').spec.ingress).toEqual([]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('the name changes with the template, and only with it', () => {
    // GIVEN / WHEN
    const name = (props: Partial<MigrationJobProps>) => oneOf(synth(props), 'Job').metadata.name;
    // THEN
    expect(name({})).toEqual(name({}));
    expect(name({ image: 'ghcr.io/acme/orders-migrations:1.5.0' })).not.toEqual(name({}));
    expect(name({ command: ['/app/migrate', 'up', '--to', '42'] })).not.toEqual(name({}));
    expect(name({ backoffLimit: 1 })).toEqual(name({}));
  });

  test('every golden workload can wait for it: a Worker, a StatefulService', () => {
    // GIVEN
    const chart = namespacedChart();
    const worker = new Worker(chart, 'mailer', { image: 'ghcr.io/acme/mailer:3.1.0', readinessProbe: HealthCheck.exec(['ready']), livenessProbe: HealthCheck.exec(['alive']) });
    const kv = new StatefulService(chart, 'kv', { image: 'ghcr.io/acme/kv:7.2.4', storage: { size: Size.gibibytes(1) } });
    // WHEN
    new MigrationJob(chart, 'migrate', { image: IMAGE, command: ['/app/migrate'], before: [worker, kv] });
    // THEN
    const docs = Testing.synth(chart);
    expect(oneOf(docs, 'Deployment').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
    expect(oneOf(docs, 'StatefulSet').metadata.annotations['argocd.argoproj.io/sync-wave']).toBe('0');
  });

  test.each([
    [{ command: [] }, "[shop/orders-migrate] command: must name the migration command, got []; pass the command and its arguments, such as ['/app/migrate', 'up']"],
    [{ command: undefined }, "[shop/orders-migrate] command: must name the migration command, got undefined; pass the command and its arguments, such as ['/app/migrate', 'up']"],
    [{ before: [] }, '[shop/orders-migrate] before: must name the workloads that wait for the migration, got []; pass the golden workloads that use the migrated schema, such as [api]'],
    [{ before: [{} as any] }, "[shop/orders-migrate] before[0]: must be a golden workload, got 'Object'; pass a WebService, InternalApi, Worker, StatefulService or CanaryRelease"],
    [{ name: 'a'.repeat(53) }, `[shop/orders-migrate] name: must be at most 52 characters for a MigrationJob (it is 53; the Job's name gets an 11-character hash), got '${'a'.repeat(53)}'; set the \`name\` prop to a shorter name`],
    [{ replicas: 2 }, '[shop/orders-migrate] replicas: does not apply to pods that run to completion, got 2; leave it out (a job runs one pod at a time)'],
  ])('refuses bad props (%#)', (props, message) => {
    expect(() => synth(props as Partial<MigrationJobProps>)).toThrow(message);
  });
});
