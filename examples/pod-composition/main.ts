// Pods made of more than the app container: a storefront with a database proxy sidecar (its
// client certificate from a Secret, as files), an init container that renders templates into a
// scratch volume, and settings from a ConfigMap; and a thumbnail worker that writes to a shared ReadWriteMany
// claim, with a log shipper sidecar. Sidecars are native (init containers with
// `restartPolicy: Always`): they start before the app and stop after it.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { HealthCheck, ResourcePreset, Volume, WebService, Worker } from '../../src';

/** The storefront and its thumbnail worker, each with sidecars and volumes. */
export class PodCompositionChart extends Chart {
  public readonly storefront: WebService;
  public readonly thumbnails: Worker;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });

    // Volumes are values: the same Volume mounted into several containers is one volume of the pod.
    const dbCert = Volume.fromSecret('storefront-db-cert');
    const templates = Volume.emptyDir({ sizeLimit: Size.mebibytes(32) });

    this.storefront = new WebService(this, 'storefront', {
      image: 'ghcr.io/acme/storefront:2.0.1',
      host: 'shop.example.com',
      volumes: [
        { volume: Volume.fromConfigMap('storefront-settings'), mountPath: '/etc/storefront' },
        { volume: templates, mountPath: '/srv/templates', readOnly: true },
      ],
      // Renders the page templates once, before the proxy and the app start.
      initContainers: [{
        name: 'render-templates',
        image: 'ghcr.io/acme/template-renderer:1.3.0',
        args: ['--out', '/out'],
        resources: ResourcePreset.XSMALL,
        volumes: [{ volume: templates, mountPath: '/out' }],
      }],
      // A database proxy the app connects to on localhost:5432. Its health endpoints are on its
      // admin port, probed like the app's (/readyz and /healthz); the app starts once it is up.
      sidecars: [{
        name: 'db-proxy',
        image: 'ghcr.io/acme/db-proxy:4.2.1',
        port: 9801,
        portName: 'proxy-admin',
        resources: ResourcePreset.XSMALL,
        args: ['--listen', '127.0.0.1:5432', '--admin-port', '9801', '--cert-dir', '/etc/db-cert'],
        volumes: [{ volume: dbCert, mountPath: '/etc/db-cert' }],
      }],
    });

    // A worker that writes thumbnails to a shared claim: ReadWriteMany, since up to 4 pods (3
    // replicas and the rollout surge) mount it at once. A ReadWriteOnce claim would be refused.
    const shipper = {
      name: 'log-shipper',
      image: 'ghcr.io/acme/log-shipper:0.9.4',
      resources: ResourcePreset.XSMALL,
      readinessProbe: HealthCheck.exec(['/bin/shipper', 'ready']),
      livenessProbe: HealthCheck.exec(['/bin/shipper', 'alive']),
    };
    const logs = Volume.emptyDir({ name: 'logs', sizeLimit: Size.mebibytes(64) });
    this.thumbnails = new Worker(this, 'thumbnails', {
      image: 'ghcr.io/acme/thumbnails:1.8.0',
      readinessProbe: HealthCheck.exec(['/bin/thumbnails', 'check', '--ready']),
      livenessProbe: HealthCheck.exec(['/bin/thumbnails', 'check', '--alive']),
      volumes: [
        { volume: Volume.fromPersistentVolumeClaim('media', { accessMode: 'ReadWriteMany' }), mountPath: '/media' },
        { volume: logs, mountPath: '/var/log/thumbnails' },
      ],
      sidecars: [{ ...shipper, volumes: [{ volume: logs, mountPath: '/logs', readOnly: true }] }],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new PodCompositionChart(app, 'shop');
  app.synth();
}
