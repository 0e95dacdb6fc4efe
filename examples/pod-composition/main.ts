// Pods made of more than the app container: a storefront with an auth proxy sidecar, an init
// container that renders templates into a scratch volume, its TLS key pair from a Secret as files,
// and settings from a ConfigMap; and a thumbnail worker that writes to a shared ReadWriteMany
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
    const tls = Volume.fromSecret('storefront-tls');
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
      // An auth proxy in front of the app on its own port, with the TLS key pair as files;
      // it gets probes on its port like the app (/readyz and /healthz).
      sidecars: [{
        name: 'auth-proxy',
        image: 'ghcr.io/acme/auth-proxy:4.2.1',
        port: 8443,
        portName: 'https-proxy',
        resources: ResourcePreset.XSMALL,
        env: { UPSTREAM: 'http://127.0.0.1:8080' },
        volumes: [{ volume: tls, mountPath: '/etc/tls' }],
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
