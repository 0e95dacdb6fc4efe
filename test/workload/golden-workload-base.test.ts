import { ApiObject, Size, Testing } from 'cdk8s';
import {
  CanaryRelease, GoldenWorkloadBase, HealthCheck, InternalApi, MigrationJob, NetworkPeer, ScheduledJob, StatefulService, WebService, Worker,
} from '../../src';
import { grantingApp, namespacedChart } from '../util/manifests';

const IMAGE = 'ghcr.io/acme/orders:1.4.2';
const EXEC = { readinessProbe: HealthCheck.exec(['/bin/ready']), livenessProbe: HealthCheck.exec(['/bin/alive']) };

/** One of each construct made of one core, in one chart, each granted a read. */
function everyShape() {
  const chart = namespacedChart('shop', grantingApp());
  const web = new WebService(chart, 'web', { image: IMAGE });
  const api = new InternalApi(chart, 'api', { image: IMAGE });
  api.allowFrom(web);
  const worker = new Worker(chart, 'worker', { image: IMAGE, ...EXEC });
  const job = new ScheduledJob(chart, 'job', { image: IMAGE, schedule: '@daily' });
  const kv = new StatefulService(chart, 'kv', { image: IMAGE, storage: { size: Size.gibibytes(1) } });
  kv.allowFrom(NetworkPeer.namespace('shop'));
  const migrate = new MigrationJob(chart, 'migrate', { image: IMAGE, command: ['/app/migrate'], before: [api] });
  const shapes: GoldenWorkloadBase[] = [web, api, worker, job, kv, migrate];
  shapes.forEach((shape) => shape.grantReadConfigMap('flags'));
  return { chart, shapes };
}

describe('GoldenWorkloadBase', () => {
  test('every construct made of one core reads the same getters from its core construct, whose children are the objects', () => {
    // GIVEN / WHEN
    const { chart, shapes } = everyShape();
    const docs = Testing.synth(chart);
    // THEN
    for (const shape of shapes) {
      const core = shape.node.findChild('Workload');
      const children = core.node.children.filter((c): c is ApiObject => c instanceof ApiObject);
      expect(children).toContain(shape.serviceAccount);
      expect(children).toContain(shape.networkPolicy);
      expect(shape.serviceAccount.name).toBe(shape.name);
      expect(shape.namespace).toBe('shop');
      expect(shape.labels['app.kubernetes.io/instance']).toBe(shape.name);
      expect(shape.selectorLabels).toEqual({ 'app.kubernetes.io/name': shape.name, 'app.kubernetes.io/instance': shape.name });
      expect(shape.configMap).toBeUndefined();
      // the late objects of a grant are the golden construct's own, after the objects it made
      expect(shape.role!.node.scope).toBe(shape);
      expect(shape.roleBinding!.node.scope).toBe(shape);
      const ofShape = docs.filter((d) => d.metadata.labels?.['app.kubernetes.io/instance'] === shape.name);
      expect(ofShape.slice(-2).map((d) => d.kind)).toEqual(['Role', 'RoleBinding']);
    }
  });

  test('a CanaryRelease is made of two cores, Stable and Canary, whose objects are the tracks\'', () => {
    // GIVEN / WHEN
    const chart = namespacedChart();
    const release = new CanaryRelease(chart, 'storefront', {
      stable: { image: 'ghcr.io/acme/storefront:1.0.0' }, canary: { image: 'ghcr.io/acme/storefront:1.1.0', weight: 10 }, host: 'shop.example.com',
    });
    // THEN
    expect(release.node.findChild('Stable').node.findChild('Deployment')).toBe(release.stable.deployment);
    expect(release.node.findChild('Canary').node.findChild('Deployment')).toBe(release.canary!.deployment);
    expect(release.stable.deployment.name).toBe('storefront-stable');
  });
});
