import { Size, Testing } from 'cdk8s';
import {
  CanaryRelease, ContainerOptions, HealthCheck, InternalApi, MigrationJob, ResourcePreset, ScheduledJob, StatefulService, Volume, VolumeMount,
  WebService, Worker,
} from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { podTemplateOf } from '../../src/guardrails/pod-template';
import { byKind, grantingApp, namespacedChart } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const IMAGE = 'ghcr.io/acme/app:1.0.0';

/** What every shape gets: a proxy sidecar, a log shipper without a port, an init container, and volumes shared between them. */
function composition(): { sidecars: ContainerOptions[]; initContainers: ContainerOptions[]; volumes: VolumeMount[] } {
  const tls = Volume.fromSecret('app-tls');
  const logs = Volume.emptyDir({ sizeLimit: Size.mebibytes(32) });
  return {
    sidecars: [
      { name: 'proxy', image: 'ghcr.io/acme/proxy:2.1.0', port: 9901, resources: ResourcePreset.XSMALL, volumes: [{ volume: tls, mountPath: '/etc/tls' }] },
      {
        name: 'log-shipper',
        image: 'ghcr.io/acme/shipper:1.0.0',
        readinessProbe: HealthCheck.exec(['/bin/ready']),
        livenessProbe: HealthCheck.exec(['/bin/alive']),
        resources: ResourcePreset.XSMALL,
        volumes: [{ volume: logs, mountPath: '/logs', readOnly: true }],
      },
    ],
    initContainers: [{ name: 'setup', image: 'ghcr.io/acme/setup:1.0.0', command: ['/setup'], volumes: [{ volume: Volume.fromConfigMap('app-seed'), mountPath: '/seed' }] }],
    volumes: [{ volume: tls, mountPath: '/tls' }, { volume: logs, mountPath: '/var/log/app' }],
  };
}

/** Job sidecars get no readiness probe. */
function jobComposition() {
  const c = composition();
  return { ...c, sidecars: [c.sidecars[0], { name: 'log-shipper', image: 'ghcr.io/acme/shipper:1.0.0', resources: ResourcePreset.XSMALL }] };
}

describe('sidecars, init containers and volumes on every golden workload', () => {
  test('each shape carries them, with zero findings and a valid Kubernetes 1.30 schema', () => {
    // GIVEN
    const app = grantingApp();
    const chart = namespacedChart('shop', app);
    // WHEN
    const web = new WebService(chart, 'web', { image: IMAGE, host: 'shop.example.com', ...composition() });
    const api = new InternalApi(chart, 'api', { image: IMAGE, ...composition() });
    api.allowFrom(web);
    api.grantReadConfigMap('flags');
    const release = new CanaryRelease(chart, 'release', { stable: { image: IMAGE }, canary: { image: 'ghcr.io/acme/app:1.1.0', weight: 10 }, ...composition() });
    release.allowFrom(web);
    new Worker(chart, 'worker', { image: IMAGE, readinessProbe: HealthCheck.exec(['/bin/ready']), livenessProbe: HealthCheck.exec(['/bin/alive']), ...composition() });
    new ScheduledJob(chart, 'nightly', { image: IMAGE, schedule: '0 3 * * *', command: ['/nightly'], ...jobComposition() });
    new MigrationJob(chart, 'migrate', { image: IMAGE, command: ['/migrate'], before: [api], ...jobComposition() });
    new StatefulService(chart, 'db', { image: IMAGE, storage: { size: Size.gibibytes(1) }, ...composition() }).allowFrom(api);
    const docs = Testing.synth(chart);
    // THEN
    expect(checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
    const templates = docs.map(podTemplateOf).filter((t) => t !== undefined);
    expect(templates.map((t) => `${t!.owner.kind}/${t!.owner.metadata.name}`)).toEqual([
      'Deployment/web', 'Deployment/api', 'Deployment/release-stable', 'Deployment/release-canary', 'Deployment/worker', 'CronJob/nightly', 'Job/migrate-4f9b0d5a', 'StatefulSet/db',
    ].map((n) => expect.stringMatching(new RegExp(`^${n.replace(/-[0-9a-f]{8}$/, '-[0-9a-f]+')}$`))));
    for (const t of templates) {
      expect(t!.spec.initContainers.map((c: any) => `${c.name}:${c.restartPolicy ?? 'once'}`)).toEqual(['proxy:Always', 'log-shipper:Always', 'setup:once']);
      expect(t!.spec.volumes.map((v: any) => v.name)).toEqual(expect.arrayContaining(['tmp', 'secret-app-tls', 'scratch-1', 'configmap-app-seed']));
    }
  });

  test('the API token is mounted into the app container only', () => {
    // GIVEN
    const app = grantingApp();
    const chart = namespacedChart('shop', app);
    const api = new InternalApi(chart, 'api', { image: IMAGE, ...composition() });
    api.allowFrom(api);
    // WHEN
    api.grantReadConfigMap('flags');
    // THEN
    const pod = byKind(Testing.synth(chart), 'Deployment')[0].spec.template.spec;
    expect(pod.containers[0].volumeMounts.map((m: any) => m.name)).toContain('kube-api-access');
    expect(pod.initContainers.flatMap((c: any) => c.volumeMounts.map((m: any) => m.name))).not.toContain('kube-api-access');
  });

  test('without the props, no initContainers field at all', () => {
    const chart = namespacedChart();
    new WebService(chart, 'web', { image: IMAGE });
    expect(byKind(Testing.synth(chart), 'Deployment')[0].spec.template.spec.initContainers).toBeUndefined();
  });
});
