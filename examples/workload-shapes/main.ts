// The shapes beyond HTTP services, in one shop namespace: a queue consumer scaled by KEDA, a
// nightly report job, a key-value store with a disk per pod, and the orders schema migration that
// runs before the orders API rolls out. Nothing may reach the worker or the jobs: their
// NetworkPolicies deny all ingress, and every connection they open is declared with allowTo.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart, Duration, Size } from 'cdk8s';
import { Construct } from 'constructs';
import { HealthCheck, InternalApi, MigrationJob, NetworkPeer, NetworkPort, PlatformDefaults, ScheduledJob, StatefulService, Worker } from '../../src';

/** The shop team's background work, beside the orders API it calls. */
export class ShopWorkloadsChart extends Chart {
  public readonly orders: InternalApi;
  public readonly mailer: Worker;
  public readonly reports: ScheduledJob;
  public readonly sessions: StatefulService;
  public readonly migrate: MigrationJob;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });
    // This cluster's Prometheus runs in `monitoring` and reads the prometheus.io pod annotations
    // (no Prometheus Operator): `metrics` ports are let in from there and annotated for it.
    PlatformDefaults.set(this, { monitoring: { namespace: 'monitoring' } });
    this.orders = new InternalApi(this, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });

    // A queue consumer: no Service, no app port; exec probes; KEDA scales it on the queue's length,
    // down to zero when the queue is empty. Its RabbitMQ credentials are in a TriggerAuthentication.
    // Prometheus scrapes its metrics port, the only port anything may reach.
    this.mailer = new Worker(this, 'mailer', {
      image: 'ghcr.io/acme/mailer:3.1.0',
      metrics: { port: 9100 },
      readinessProbe: HealthCheck.exec(['/bin/mailer', 'check', '--ready']),
      livenessProbe: HealthCheck.exec(['/bin/mailer', 'check', '--alive']),
      keda: {
        minReplicas: 0,
        maxReplicas: 10,
        triggers: [{
          type: 'rabbitmq',
          metadata: { queueName: 'mail', mode: 'QueueLength', value: '50' },
          authenticationRef: 'rabbitmq-auth',
        }],
      },
    });
    // It reads the queue outside the cluster, and calls the orders API.
    this.mailer.allowTo(NetworkPeer.ipBlock('10.30.0.0/24', [NetworkPort.tcp(5671)]), this.orders);

    // A nightly report at 02:30 Berlin time, one run at a time, stopped after 30 minutes.
    this.reports = new ScheduledJob(this, 'reports', {
      image: 'ghcr.io/acme/reports:2.4.0',
      schedule: '30 2 * * *',
      timeZone: 'Europe/Berlin',
      command: ['/bin/reports', 'nightly'],
      activeDeadline: Duration.minutes(30),
    });
    this.reports.allowTo(this.orders);

    // A key-value store for sessions: a 20 GiB volume per pod; the orders API is its client.
    this.sessions = new StatefulService(this, 'sessions', {
      image: 'ghcr.io/acme/kv:7.2.4',
      port: 6379,
      storage: { size: Size.gibibytes(20) },
      readinessProbe: HealthCheck.exec(['kv-cli', 'ping']),
    });
    this.sessions.allowFrom(this.orders);

    // The orders schema migration: applied, and complete, before the orders API rolls out.
    this.migrate = new MigrationJob(this, 'orders-migrate', {
      image: 'ghcr.io/acme/orders-migrations:1.4.2',
      command: ['/app/migrate', 'up'],
      before: [this.orders],
    });
    this.migrate.allowTo(NetworkPeer.ipBlock('10.20.0.0/16', [NetworkPort.tcp(5432)]));
  }
}

if (require.main === module) {
  const app = new App();
  new ShopWorkloadsChart(app, 'shop');
  app.synth();
}
