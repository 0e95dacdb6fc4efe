import { Chart, JsonPatch, Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { SecureNamespace, WebService } from '../../src';
import { keepPatchedValues } from '../../src/private/keep-values';

const CONTAINER = '/spec/template/spec/containers/0';

function manifestOf(chart: Chart, kind: string): any {
  return Testing.synth(chart).find((m) => m.kind === kind);
}

describe('keepPatchedValues', () => {
  test('a patched Quantity and IntOrString of a typed object survive synth', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const service = keepPatchedValues(new k8s.KubeService(chart, 'service', {
      spec: { ports: [{ port: 80, targetPort: k8s.IntOrString.fromString('http') }] },
    }));
    const quota = keepPatchedValues(new k8s.KubeResourceQuota(chart, 'quota', {
      spec: { hard: { cpu: k8s.Quantity.fromString('2') } },
    }));
    // WHEN
    service.addJsonPatch(JsonPatch.replace('/spec/ports/0/targetPort', 'metrics'));
    quota.addJsonPatch(JsonPatch.replace('/spec/hard/cpu', '4'), JsonPatch.add('/spec/hard/memory', '8Gi'));
    // THEN
    expect(manifestOf(chart, 'Service').spec.ports).toEqual([{ port: 80, targetPort: 'metrics' }]);
    expect(manifestOf(chart, 'ResourceQuota').spec.hard).toEqual({ cpu: '4', memory: '8Gi' });
  });

  test('without patches the output is the typed object\'s own', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const props = {
      metadata: { name: 'storefront' },
      spec: { ports: [{ port: 80, targetPort: k8s.IntOrString.fromNumber(8080) }] },
    };
    const typed = new k8s.KubeService(chart, 'typed', props);
    // WHEN
    const kept = keepPatchedValues(new k8s.KubeService(chart, 'kept', props));
    // THEN
    expect(JSON.stringify(kept.toJson())).toBe(JSON.stringify(typed.toJson()));
  });

  test('a patch that does not apply names the object', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const map = keepPatchedValues(new k8s.KubeConfigMap(chart, 'config', { metadata: { name: 'config' }, data: { a: 'b' } }));
    // WHEN
    map.addJsonPatch(JsonPatch.replace('/spec/missing', 1));
    // THEN
    expect(() => map.toJson()).toThrow(/^Failed serializing construct at path 'shop\/config' with name 'config': TypeError: /);
  });
});

describe('the documented escape hatch keeps every Quantity and IntOrString value', () => {
  test('JSON patches on a WebService\'s objects', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    const web = new WebService(chart, 'storefront', {
      image: 'ghcr.io/acme/storefront:2.0.1',
      host: 'shop.example.com',
      autoscaling: { minReplicas: 3, maxReplicas: 6 },
    });
    // WHEN
    web.deployment.addJsonPatch(
      JsonPatch.replace(`${CONTAINER}/resources/requests/cpu`, '250m'),
      JsonPatch.replace(`${CONTAINER}/resources/requests/memory`, '300Mi'),
      JsonPatch.replace(`${CONTAINER}/resources/requests/ephemeral-storage`, '1Gi'),
      JsonPatch.replace(`${CONTAINER}/resources/limits/cpu`, 2),
      JsonPatch.replace(`${CONTAINER}/resources/limits/memory`, '600Mi'),
      JsonPatch.replace(`${CONTAINER}/resources/limits/ephemeral-storage`, '2Gi'),
      JsonPatch.replace('/spec/template/spec/volumes/0/emptyDir/sizeLimit', '128Mi'),
      JsonPatch.replace(`${CONTAINER}/readinessProbe/httpGet/port`, 9090),
      JsonPatch.replace(`${CONTAINER}/livenessProbe`, { tcpSocket: { port: 'http' }, periodSeconds: 10 }),
      JsonPatch.replace(`${CONTAINER}/startupProbe/httpGet/port`, 'http'),
      JsonPatch.add('/spec/strategy/rollingUpdate/maxSurge', '50%'),
      JsonPatch.replace('/spec/strategy/rollingUpdate/maxUnavailable', 1),
    );
    web.service.addJsonPatch(JsonPatch.replace('/spec/ports/0/targetPort', 'metrics'));
    web.podDisruptionBudget.addJsonPatch(
      JsonPatch.remove('/spec/maxUnavailable'),
      JsonPatch.add('/spec/minAvailable', '50%'),
    );
    web.networkPolicy.addJsonPatch(
      JsonPatch.replace('/spec/ingress/0/ports/0/port', 9090),
      JsonPatch.replace('/spec/egress/0/ports/0/port', 'dns'),
    );
    web.ingress!.addJsonPatch(JsonPatch.replace('/spec/rules/0/http/paths/0/backend/service/port', { name: 'http' }));
    // THEN
    const deployment = manifestOf(chart, 'Deployment');
    const container = deployment.spec.template.spec.containers[0];
    expect(container.resources).toEqual({
      requests: { 'cpu': '250m', 'memory': '300Mi', 'ephemeral-storage': '1Gi' },
      limits: { 'cpu': 2, 'memory': '600Mi', 'ephemeral-storage': '2Gi' },
    });
    expect(deployment.spec.template.spec.volumes[0].emptyDir).toEqual({ sizeLimit: '128Mi' });
    expect(container.readinessProbe.httpGet.port).toBe(9090);
    expect(container.livenessProbe).toEqual({ tcpSocket: { port: 'http' }, periodSeconds: 10 });
    expect(container.startupProbe.httpGet.port).toBe('http');
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxSurge: '50%', maxUnavailable: 1 });
    expect(manifestOf(chart, 'Service').spec.ports[0].targetPort).toBe('metrics');
    expect(manifestOf(chart, 'PodDisruptionBudget').spec.minAvailable).toBe('50%');
    expect(manifestOf(chart, 'PodDisruptionBudget').spec.maxUnavailable).toBeUndefined();
    const policy = manifestOf(chart, 'NetworkPolicy');
    expect(policy.spec.ingress[0].ports[0].port).toBe(9090);
    expect(policy.spec.egress[0].ports[0].port).toBe('dns');
    expect(manifestOf(chart, 'Ingress').spec.rules[0].http.paths[0].backend.service.port).toEqual({ name: 'http' });
    expect(JSON.stringify(Testing.synth(chart))).not.toContain('null');
  });

  test('JSON patches on a SecureNamespace\'s quota and limit range', () => {
    // GIVEN
    const chart = new Chart(Testing.app(), 'platform');
    const ns = new SecureNamespace(chart, 'shop', { name: 'shop' });
    // WHEN
    ns.resourceQuota.addJsonPatch(JsonPatch.replace('/spec/hard/requests.cpu', '16'));
    ns.limitRange.addJsonPatch(JsonPatch.replace('/spec/limits/0/default/memory', '1Gi'));
    // THEN
    expect(manifestOf(chart, 'ResourceQuota').spec.hard['requests.cpu']).toBe('16');
    expect(manifestOf(chart, 'LimitRange').spec.limits[0].default.memory).toBe('1Gi');
  });
});
