// The shapes beyond HTTP services, in one shop namespace: a queue consumer scaled by KEDA and a
// nightly report job, both calling the orders API. Nothing may reach the worker or the job: their
// NetworkPolicies deny all ingress, and every connection they open is declared with allowTo.
// Run `npx projen synth:example` at the repository root (or `cdk8s synth` here) to write dist/.
import { App, Chart, Duration } from 'cdk8s';
import { Construct } from 'constructs';
import { HealthCheck, InternalApi, NetworkPeer, NetworkPort, ScheduledJob, Worker } from '../../src';

/** The shop team's background work, beside the orders API it calls. */
export class ShopWorkloadsChart extends Chart {
  public readonly orders: InternalApi;
  public readonly mailer: Worker;
  public readonly reports: ScheduledJob;

  constructor(scope: Construct, id: string) {
    super(scope, id, { namespace: 'shop' });
    this.orders = new InternalApi(this, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });

    // A queue consumer: no Service, no port; exec probes; KEDA scales it on the queue's length,
    // down to zero when the queue is empty. Its RabbitMQ credentials are in a TriggerAuthentication.
    this.mailer = new Worker(this, 'mailer', {
      image: 'ghcr.io/acme/mailer:3.1.0',
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
  }
}

if (require.main === module) {
  const app = new App();
  new ShopWorkloadsChart(app, 'shop');
  app.synth();
}
