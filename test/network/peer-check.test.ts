import { ApiObject, App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { checkLabelPeers, LabelPeer } from '../../src/network/peer-check';

const LABEL_FIX = "fix the labels to match a workload's pod labels, or allow a golden workload directly";
const API_VERSIONS: Record<string, string> = {
  Deployment: 'apps/v1', StatefulSet: 'apps/v1', DaemonSet: 'apps/v1', ReplicaSet: 'apps/v1', Job: 'batch/v1', CronJob: 'batch/v1', Pod: 'v1',
};

type Ports = Array<{ containerPort: number; protocol?: string; name?: string }>;

/** A hand-written workload object whose pod template has these labels and container ports. */
function workload(scope: Construct, id: string, kind: string, labels: Record<string, string>, ...containerPorts: Ports[]): ApiObject {
  const containers = (containerPorts.length === 0 ? [undefined] : containerPorts)
    .map((ports, i) => ({ name: `c${i}`, image: 'ghcr.io/acme/app:1.0.0', ports }));
  const template = { metadata: { labels }, spec: { containers } };
  const body = kind === 'Pod' ? { metadata: { labels }, spec: template.spec }
    : kind === 'CronJob' ? { spec: { schedule: '0 * * * *', jobTemplate: { spec: { template } } } }
      : { spec: { selector: { matchLabels: labels }, template } };
  return new ApiObject(scope, id, { apiVersion: API_VERSIONS[kind] ?? 'example.com/v1', kind, ...body });
}

function validationError(...problems: string[]): Error {
  return new Error(`Validation failed with the following errors:\n  ${problems.join('\n  ')}`);
}

function peer(labels: Record<string, string>, namespace: string | undefined, ports?: Array<{ port: number; protocol: string }>): LabelPeer {
  const shown = Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',');
  return { field: 'allowTo[0]', description: `pods ${shown}`, namespace, labels, ports };
}

function shopChart(app?: App): Chart {
  return new Chart(app ?? Testing.app(), 'shop', { namespace: 'shop' });
}

describe('checkLabelPeers, selection', () => {
  test.each(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'Pod'])('a peer matching the pods of a %s passes', (kind) => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', kind, { app: 'orders' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'orders' }, 'shop')]);
    // THEN
    expect(Testing.synth(chart).map((o) => o.kind)).toEqual([kind]);
  });

  test('a peer that selects no pod of its namespace is refused at synth', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'order' }, 'shop')]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[0]: pods app=order selects no pod of this app in namespace 'shop', got {"app":"order"}; ${LABEL_FIX}`,
    ));
  });

  test('a peer without a namespace is looked up among objects without one', () => {
    // GIVEN
    const chart = Testing.chart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'orders' }, undefined), { ...peer({ app: 'payments' }, undefined), field: 'allowFrom[1]' }]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[test/web] allowFrom[1]: pods app=payments selects no pod of this app in its namespace, got {"app":"payments"}; ${LABEL_FIX}`,
    ));
  });

  test('every label of the peer must match, and the pods may carry more', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { 'app': 'orders', 'tier': 'api', 'app.kubernetes.io/part-of': 'shop' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [
      { ...peer({ app: 'orders', tier: 'api' }, 'shop'), field: 'allowTo[0]' },
      { ...peer({ app: 'orders', tier: 'worker' }, 'shop'), field: 'allowTo[1]' },
    ]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[1]: pods app=orders,tier=worker selects no pod of this app in namespace 'shop', got {"app":"orders","tier":"worker"}; ${LABEL_FIX}`,
    ));
  });

  test('the labels of the workload object itself are not its pod labels', () => {
    // GIVEN
    const chart = shopChart();
    const deployment = workload(chart, 'orders', 'Deployment', { app: 'orders' });
    deployment.metadata.addLabel('team', 'checkout');
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ team: 'checkout' }, 'shop')]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[0]: pods team=checkout selects no pod of this app in namespace 'shop', got {"team":"checkout"}; ${LABEL_FIX}`,
    ));
  });

  test('pods of another chart in the same namespace count', () => {
    // GIVEN
    const app = Testing.app();
    const chart = shopChart(app);
    const other = new Chart(app, 'shop-workers', { namespace: 'shop' });
    workload(chart, 'web-pods', 'Deployment', { app: 'web' });
    workload(other, 'worker', 'StatefulSet', { app: 'worker' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'worker' }, 'shop')]);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('a peer in another namespace of the app is judged against that namespace only', () => {
    // GIVEN
    const app = Testing.app();
    const chart = shopChart(app);
    const payments = new Chart(app, 'payments', { namespace: 'payments' });
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    workload(payments, 'ledger', 'Deployment', { app: 'ledger' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [
      { ...peer({ app: 'ledger' }, 'payments'), field: 'allowTo[0]' },
      { ...peer({ app: 'orders' }, 'payments'), field: 'allowTo[1]' },
    ]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[1]: pods app=orders selects no pod of this app in namespace 'payments', got {"app":"orders"}; ${LABEL_FIX}`,
    ));
  });

  test('an object namespace of its own wins over the chart namespace', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'ledger', 'Deployment', { app: 'ledger' });
    const owner = new Construct(chart, 'web');
    new ApiObject(chart, 'elsewhere', {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { namespace: 'payments' },
      spec: { template: { metadata: { labels: { app: 'ledger-eu' } }, spec: { containers: [] } } },
    });
    // WHEN
    checkLabelPeers(owner, () => [
      { ...peer({ app: 'ledger-eu' }, 'payments'), field: 'allowTo[0]' },
      { ...peer({ app: 'ledger-eu' }, 'shop'), field: 'allowTo[1]' },
    ]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[1]: pods app=ledger-eu selects no pod of this app in namespace 'shop', got {"app":"ledger-eu"}; ${LABEL_FIX}`,
    ));
  });

  test('reads the peers at synth, so peers added after the call are checked', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    const owner = new Construct(chart, 'web');
    const peers: LabelPeer[] = [];
    checkLabelPeers(owner, () => peers);
    // WHEN
    peers.push(peer({ app: 'nobody' }, 'shop'));
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[0]: pods app=nobody selects no pod of this app in namespace 'shop', got {"app":"nobody"}; ${LABEL_FIX}`,
    ));
  });

  test('sees workloads added after the call, and after an earlier synth', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    const owner = new Construct(chart, 'web');
    checkLabelPeers(owner, () => [peer({ app: 'ledger' }, 'shop')]);
    expect(() => Testing.synth(chart)).toThrow(/selects no pod of this app/);
    // WHEN
    workload(chart, 'ledger', 'Deployment', { app: 'ledger' });
    // THEN
    expect(Testing.synth(chart)).toHaveLength(2);
  });

  test('no peers is nothing to check', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => []);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });
  test('a workload without a pod template has no labels, but its namespace is judged', () => {
    // GIVEN
    const chart = shopChart();
    new ApiObject(chart, 'bare', { apiVersion: 'apps/v1', kind: 'Deployment' });
    new ApiObject(chart, 'bare-cron', { apiVersion: 'batch/v1', kind: 'CronJob', spec: { jobTemplate: {} } });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'orders' }, 'shop')]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[0]: pods app=orders selects no pod of this app in namespace 'shop', got {"app":"orders"}; ${LABEL_FIX}`,
    ));
  });
});

describe('checkLabelPeers, namespaces it does not judge', () => {
  test('a namespace the app emits nothing into', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ 'app.kubernetes.io/name': 'prometheus' }, 'monitoring', [{ port: 9090, protocol: 'TCP' }])]);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('a namespace the app emits only non-workload objects into', () => {
    // GIVEN
    const app = Testing.app();
    const chart = shopChart(app);
    const monitoring = new Chart(app, 'monitoring', { namespace: 'monitoring' });
    new ApiObject(monitoring, 'dashboards', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } });
    workload(monitoring, 'rollout', 'Rollout', { app: 'other' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'prometheus' }, 'monitoring')]);
    // THEN
    expect(Testing.synth(chart)).toEqual([]);
  });

  test('kinds that are not workloads do not count as pods of a namespace that has workloads', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' });
    workload(chart, 'canary', 'Rollout', { app: 'canary' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'canary' }, 'shop')]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[0]: pods app=canary selects no pod of this app in namespace 'shop', got {"app":"canary"}; ${LABEL_FIX}`,
    ));
  });
});

describe('checkLabelPeers, ports', () => {
  test('a port the selected pods expose passes, TCP when the protocol is unset', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' }, [{ name: 'http', containerPort: 8080 }, { containerPort: 8125, protocol: 'UDP' }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'orders' }, 'shop', [{ port: 8080, protocol: 'TCP' }, { port: 8125, protocol: 'UDP' }])]);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('a port with the wrong protocol is refused, showing what the pods expose', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'dns', 'Deployment', { app: 'dns' }, [{ containerPort: 53, protocol: 'TCP' }, { containerPort: 9153 }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'dns' }, 'shop', [{ port: 53, protocol: 'UDP' }])]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      '[shop/web] allowTo[0]: the pods of pods app=dns do not expose port 53/UDP (they expose 53/TCP, 9153/TCP), got 53; use a port the pods declare',
    ));
  });

  test('pods that declare no port expose none', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'worker', 'CronJob', { app: 'worker' });
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'worker' }, 'shop', [{ port: 8080, protocol: 'TCP' }])]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      '[shop/web] allowTo[0]: the pods of pods app=worker do not expose port 8080/TCP (they expose none), got 8080; use a port the pods declare',
    ));
  });

  test('ports of every container count', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Pod', { app: 'orders' }, [{ containerPort: 8080 }], [{ containerPort: 9090 }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'orders' }, 'shop', [{ port: 9090, protocol: 'TCP' }])]);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(1);
  });

  test('a port exposed by one of several selected workloads passes', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'api', 'Deployment', { 'app.kubernetes.io/part-of': 'orders', 'role': 'api' }, [{ containerPort: 8080 }]);
    workload(chart, 'grpc', 'StatefulSet', { 'app.kubernetes.io/part-of': 'orders', 'role': 'grpc' }, [{ containerPort: 9000 }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ 'app.kubernetes.io/part-of': 'orders' }, 'shop', [{ port: 9000, protocol: 'TCP' }])]);
    // THEN
    expect(Testing.synth(chart)).toHaveLength(2);
  });

  test('each missing port is its own error, the exposed ports listed once across workloads', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'a', 'Deployment', { tier: 'api' }, [{ containerPort: 8080 }]);
    workload(chart, 'b', 'Deployment', { tier: 'api' }, [{ containerPort: 8080 }, { containerPort: 8443 }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ tier: 'api' }, 'shop', [{ port: 80, protocol: 'TCP' }, { port: 8080, protocol: 'TCP' }, { port: 443, protocol: 'TCP' }])]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      '[shop/web] allowTo[0]: the pods of pods tier=api do not expose port 80/TCP (they expose 8080/TCP, 8443/TCP), got 80; use a port the pods declare',
      '[shop/web] allowTo[0]: the pods of pods tier=api do not expose port 443/TCP (they expose 8080/TCP, 8443/TCP), got 443; use a port the pods declare',
    ));
  });

  test('ports of pods the peer does not select do not count', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' }, [{ containerPort: 8080 }]);
    workload(chart, 'ledger', 'Deployment', { app: 'ledger' }, [{ containerPort: 5432 }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'orders' }, 'shop', [{ port: 5432, protocol: 'TCP' }])]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      '[shop/web] allowTo[0]: the pods of pods app=orders do not expose port 5432/TCP (they expose 8080/TCP), got 5432; use a port the pods declare',
    ));
  });

  test('an unmatched peer reports no port errors', () => {
    // GIVEN
    const chart = shopChart();
    workload(chart, 'orders', 'Deployment', { app: 'orders' }, [{ containerPort: 8080 }]);
    const owner = new Construct(chart, 'web');
    // WHEN
    checkLabelPeers(owner, () => [peer({ app: 'nobody' }, 'shop', [{ port: 1, protocol: 'TCP' }])]);
    // THEN
    expect(() => Testing.synth(chart)).toThrow(validationError(
      `[shop/web] allowTo[0]: pods app=nobody selects no pod of this app in namespace 'shop', got {"app":"nobody"}; ${LABEL_FIX}`,
    ));
  });
});
