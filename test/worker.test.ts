import { Chart, Duration, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  HealthCheck, InternalApi, NamespaceQuota, NetworkPeer, NetworkPort, SecureNamespace, WebService, Worker, WorkerProps,
} from '../src';
import { containerOf, grantingApp, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';
import { ApiResource } from '../src/rbac/api-resource';

const IMAGE = 'ghcr.io/acme/mailer:3.1.0';
const EXEC_CHECKS = {
  readinessProbe: HealthCheck.exec(['/bin/mailer', 'ready']),
  livenessProbe: HealthCheck.exec(['/bin/mailer', 'alive']),
};
const QUEUE = { type: 'rabbitmq', metadata: { queueName: 'mail', mode: 'QueueLength', value: '20' }, authenticationRef: 'rabbitmq-auth' };

function synth(props: Partial<WorkerProps> = {}, chart = namespacedChart()): any[] {
  new Worker(chart, 'mailer', { image: IMAGE, ...EXEC_CHECKS, ...props });
  return Testing.synth(chart);
}

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('Worker', () => {
  test('is a Deployment with no Service and no port, a PDB, and a NetworkPolicy that denies all ingress', () => {
    // GIVEN / WHEN
    const docs = synth();
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy']);
    expect(docs.every((d) => d.metadata.labels['app.kubernetes.io/component'] === 'worker')).toBe(true);
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.replicas).toBe(3);
    const container = containerOf(deployment);
    expect(container.ports).toBeUndefined();
    expect(container.readinessProbe.exec).toEqual({ command: ['/bin/mailer', 'ready'] });
    expect(container.livenessProbe.exec).toEqual({ command: ['/bin/mailer', 'alive'] });
    expect(container.startupProbe.exec).toEqual({ command: ['/bin/mailer', 'alive'] });
    const policy = oneOf(docs, 'NetworkPolicy');
    expect(policy.spec.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec.ingress).toEqual([]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('an admin port carries HTTP probes, and is named admin', () => {
    // GIVEN / WHEN
    const docs = synth({ port: 9090, readinessProbe: undefined, livenessProbe: undefined });
    // THEN
    const container = containerOf(oneOf(docs, 'Deployment'));
    expect(container.ports).toEqual([{ name: 'admin', containerPort: 9090, protocol: 'TCP' }]);
    expect(container.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'admin' });
    expect(container.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'admin' });
    expect(docs.map((d) => d.kind)).not.toContain('Service');
    expect(findings(docs)).toEqual([]);
  });

  test('without a port, a check that needs one is refused', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN / THEN
    expect(() => new Worker(chart, 'mailer', { image: IMAGE })).toThrow(
      "[shop/mailer] readinessProbe: must be an exec check: the pods declare no port, got 'none'; pass HealthCheck.exec(['/bin/healthcheck', ...]), or give `port` (an admin port the checks can reach)");
    expect(() => new Worker(chart, 'other', { image: IMAGE, readinessProbe: EXEC_CHECKS.readinessProbe, livenessProbe: HealthCheck.httpGet('/healthz') })).toThrow(
      "[shop/other] livenessProbe: must be an exec check: the pods declare no port, got 'httpGet /healthz on port (none)'; pass HealthCheck.exec(['/bin/healthcheck', ...]), or give `port` (an admin port the checks can reach)");
    expect(() => new Worker(chart, 'third', { image: IMAGE, ...EXEC_CHECKS, startupProbe: HealthCheck.tcpSocket() })).toThrow(
      "[shop/third] startupProbe: must be an exec check: the pods declare no port, got 'tcpSocket on port (none)'; pass HealthCheck.exec(['/bin/healthcheck', ...]), or give `port` (an admin port the checks can reach)");
  });

  test('scales by KEDA: a ScaledObject valid against its schema, no replicas on the Deployment, no findings', () => {
    // GIVEN / WHEN
    const docs = synth({ keda: { triggers: [QUEUE], maxReplicas: 20, minReplicas: 0, pollingInterval: Duration.seconds(15) } });
    // THEN
    const scaledObject = oneOf(docs, 'ScaledObject');
    expect(scaledObject).toMatchSnapshot();
    expect(scaledObject.apiVersion).toBe('keda.sh/v1alpha1');
    expect(scaledObject.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'mailer' },
      minReplicaCount: 0,
      maxReplicaCount: 20,
      pollingInterval: 15,
      cooldownPeriod: 300,
      triggers: [{ type: 'rabbitmq', metadata: QUEUE.metadata, authenticationRef: { name: 'rabbitmq-auth' } }],
    });
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.replicas).toBeUndefined();
    expect(docs.map((d) => d.kind)).not.toContain('HorizontalPodAutoscaler');
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('scales by CPU with autoscaling: an HPA and no replicas', () => {
    // GIVEN / WHEN
    const docs = synth({ autoscaling: { maxReplicas: 6 } });
    // THEN
    expect(oneOf(docs, 'HorizontalPodAutoscaler').spec.scaleTargetRef).toEqual({ apiVersion: 'apps/v1', kind: 'Deployment', name: 'mailer' });
    expect(oneOf(docs, 'Deployment').spec.replicas).toBeUndefined();
    expect(findings(docs)).toEqual([]);
  });

  test.each([
    [{ autoscaling: { maxReplicas: 6 }, keda: { triggers: [QUEUE], maxReplicas: 6 } },
      "[shop/mailer] keda: cannot be set together with autoscaling (two scalers would fight over the replica count), got 'keda and autoscaling'; scale by CPU (`autoscaling`) or by KEDA triggers (`keda`), not both"],
    [{ replicas: 4, keda: { triggers: [QUEUE], maxReplicas: 6 } },
      '[shop/mailer] replicas: cannot be set together with a scaler that owns the replica count, got 4; remove it, or use one way of scaling'],
    [{ keda: { triggers: [QUEUE], maxReplicas: 6, minReplicas: 1 } },
      '[shop/mailer] keda.minReplicas: must be 0 or at least 2 (one pod stops the work at every node drain), got 1; use 0 to scale to zero when idle, or 2'],
    [{ keda: { triggers: [QUEUE], maxReplicas: 2 } },
      '[shop/mailer] keda.maxReplicas: must be above minReplicas (2) and 1, got 2; set maxReplicas to at least 3'],
    [{ keda: { triggers: [], maxReplicas: 6 } },
      "[shop/mailer] keda.triggers: must name at least one trigger, got []; pass [{ type: 'rabbitmq', metadata: { queueName: 'jobs', mode: 'QueueLength', value: '20' } }]"],
    [{ keda: { triggers: [{ type: 'RabbitMQ', metadata: {} }], maxReplicas: 6 } },
      "[shop/mailer] keda.triggers[0].type: must be a KEDA scaler type, got 'RabbitMQ'; use lower-case letters, digits and '-', such as 'aws-sqs-queue'"],
    [{ keda: { triggers: [{ type: 'kafka', metadata: { lagThreshold: 5 as any } }], maxReplicas: 6 } },
      '[shop/mailer] keda.triggers[0].metadata.lagThreshold: must be a string, got 5; quote the value (Kubernetes labels, annotations and env values are strings)'],
    [{ servicePort: 80 },
      '[shop/mailer] servicePort: does not apply: a Worker has no Service, got 80; leave it out (use `port` for an admin port the probes reach)'],
  ])('refuses bad scaling and props that do not apply (%#)', (props, message) => {
    expect(() => synth(props as Partial<WorkerProps>)).toThrow(message);
  });

  test('reaches what allowTo names; the peer admits it', () => {
    // GIVEN
    const chart = namespacedChart();
    const worker = new Worker(chart, 'mailer', { image: IMAGE, ...EXEC_CHECKS });
    const api = new InternalApi(chart, 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
    // WHEN
    worker.allowTo(api, NetworkPeer.ipBlock('203.0.113.0/24', [NetworkPort.tcp(587)]));
    // THEN
    const docs = Testing.synth(chart);
    const policies = docs.filter((d) => d.kind === 'NetworkPolicy');
    const workerPolicy = policies.find((p) => p.metadata.name === 'mailer');
    expect(workerPolicy.spec.ingress).toEqual([]);
    expect(workerPolicy.spec.egress).toEqual(expect.arrayContaining([
      { to: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'orders' } } }], ports: [{ port: 8080, protocol: 'TCP' }] },
      { to: [{ ipBlock: { cidr: '203.0.113.0/24' } }], ports: [{ port: 587, protocol: 'TCP' }] },
    ]));
    const apiPolicy = policies.find((p) => p.metadata.name === 'orders');
    expect(apiPolicy.spec.ingress).toEqual([{ from: [{ podSelector: { matchLabels: { 'app.kubernetes.io/instance': 'mailer' } } }], ports: [{ port: 'http', protocol: 'TCP' }] }]);
    expect(findings(docs)).toEqual([]);
  });

  test('nothing may reach a worker: allowFrom on it, and allowTo it, are refused', () => {
    // GIVEN
    const chart = namespacedChart();
    const worker = new Worker(chart, 'mailer', { image: IMAGE, ...EXEC_CHECKS });
    const web = new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' });
    // WHEN / THEN
    expect(() => worker.allowFrom(web)).toThrow(
      "[shop/mailer] allowFrom: takes no connections (a Worker: its NetworkPolicy denies all ingress), got 'WebService shop/storefront'; let the clients reach a WebService or InternalApi instead, or talk to them through a queue");
    expect(() => web.allowTo(worker)).toThrow(
      "[shop/storefront] allowTo[0]: names shop/mailer, which takes no connections (a Worker: its NetworkPolicy denies all ingress), got 'Worker shop/mailer'; allow traffic to a WebService or InternalApi instead");
  });

  test('takes env, config and grants like every golden workload', () => {
    // GIVEN
    const chart = namespacedChart('shop', grantingApp());
    const worker = new Worker(chart, 'mailer', { image: IMAGE, ...EXEC_CHECKS, env: { SMTP_HOST: 'smtp.example.com' }, config: { 'mailer.yaml': 'retries: 3\n' } });
    // WHEN
    worker.grantRead(ApiResource.CONFIG_MAPS, { names: ['templates'] });
    // THEN
    const docs = Testing.synth(chart);
    expect(docs.map((d) => d.kind)).toEqual(['ServiceAccount', 'ConfigMap', 'Deployment', 'PodDisruptionBudget', 'NetworkPolicy', 'Role', 'RoleBinding']);
    expect(containerOf(oneOf(docs, 'Deployment')).env).toEqual([{ name: 'SMTP_HOST', value: 'smtp.example.com' }]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('counts in its namespace quota with its KEDA maximum and no Service', () => {
    // GIVEN
    const app = Testing.app();
    const quota = NamespaceQuota.custom({ cpuRequests: Cpu.units(8), memory: Size.gibibytes(16), pods: 12, services: 0 });
    new SecureNamespace(new Chart(app, 'platform'), 'shop', { name: 'shop', quota });
    const shop = namespacedChart('shop', app);
    new Worker(shop, 'mailer', { image: IMAGE, ...EXEC_CHECKS, keda: { triggers: [QUEUE], maxReplicas: 9 } });
    new Worker(shop, 'indexer', { image: IMAGE, ...EXEC_CHECKS, keda: { triggers: [QUEUE], maxReplicas: 12 } });
    // WHEN / THEN
    expect(() => app.synthYaml()).toThrow([
      'Validation failed with the following errors:',
      "  [platform/shop] quota.pods: the golden workloads of namespace 'shop' need up to 27 at their largest scale and rollout surge (shop/mailer 12, shop/indexer 15), got '12'; raise the quota (a larger NamespaceQuota preset or NamespaceQuota.custom) or lower the workloads' resources or replicas",
      "  [shop/indexer] resources: needs up to 15 of pods (15 pods at the largest scale and rollout surge), more than the quota of namespace 'shop' (12, set by platform/shop), got '15'; lower the resources or replicas, or raise the namespace quota",
    ].join('\n'));
  });
});
