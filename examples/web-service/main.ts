// A storefront for app teams: one WebService, exposed at shop.example.com with TLS.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart, ChartProps } from 'cdk8s';
import { Construct } from 'constructs';
import { PlatformDefaults, WebService } from '../../src';

/** The storefront chart: everything the shop namespace runs. */
export class StorefrontChart extends Chart {
  public readonly storefront: WebService;

  constructor(scope: Construct, id: string, props: ChartProps = {}) {
    super(scope, id, { namespace: 'shop', ...props });
    // Where the platform's Prometheus runs: `metrics` lets it (and only it) in on the metrics port.
    PlatformDefaults.set(this, { monitoring: { namespace: 'monitoring' } });
    this.storefront = new WebService(this, 'storefront', {
      image: 'ghcr.io/acme/storefront:2.0.1',
      port: 8080,
      host: 'shop.example.com',
      autoscaling: { minReplicas: 3, maxReplicas: 10 },
      env: { LOG_LEVEL: 'info' },
      secretEnv: { DATABASE_PASSWORD: { secretName: 'storefront-db', key: 'password' } },
      config: { 'features.yaml': 'checkout: enabled\nrecommendations: disabled\n' },
      // Scraped on a port of its own (prometheus.io annotations, as the platform runs no Prometheus Operator).
      metrics: { port: 9090 },
      // Scheduling: amd64 nodes of the web pool, whose taint the pods tolerate.
      nodeSelector: { 'kubernetes.io/arch': 'amd64' },
      tolerations: [{ key: 'acme.com/pool', operator: 'Equal', value: 'web', effect: 'NoSchedule' }],
    });
  }
}

if (require.main === module) {
  const app = new App();
  new StorefrontChart(app, 'shop');
  app.synth();
}
