import { Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from '../../src/conventions/api-protocol';
import { HealthCheck } from '../../src/conventions/health-check';
import { ResourcePreset } from '../../src/conventions/resource-preset';
import { restrictedSecurity } from '../../src/conventions/security-context';
import { resolveShutdown } from '../../src/conventions/shutdown';
import { buildPodTemplate, PodTemplateContext } from '../../src/workload/pod-template';
import { WorkloadProps } from '../../src/workload/workload-props';

const IMAGE = 'ghcr.io/acme/worker:1.0.0';

function contextAt(owner: Construct, protocol = ApiProtocol.HTTP): PodTemplateContext {
  return {
    owner,
    name: 'worker',
    labels: { 'app.kubernetes.io/instance': 'worker', 'app.kubernetes.io/name': 'worker' },
    selectorLabels: { 'app.kubernetes.io/instance': 'worker' },
    protocol,
    port: { name: 'http', number: 8080 },
    security: restrictedSecurity(owner),
    shutdown: resolveShutdown(owner),
    resources: ResourcePreset.SMALL,
    cpuLimits: true,
  };
}

/** Embeds a template in a Job, as a Job, CronJob or StatefulSet would, and synthesizes it. */
function inJob(build: (owner: Construct) => { spec: k8s.PodTemplateSpec; mount?: () => void }): any {
  const chart = Testing.chart();
  const owner = new Construct(chart, 'worker');
  const template = build(owner);
  new k8s.KubeJob(chart, 'job', { metadata: { name: 'worker' }, spec: { template: template.spec } });
  template.mount?.();
  return Testing.synth(chart)[0].spec.template;
}

describe('buildPodTemplate', () => {
  test('a PodTemplateSpec that any workload object embeds: the hardened app container, /tmp, spread and anti-affinity', () => {
    // GIVEN / WHEN
    const template = inJob((owner) => ({ spec: buildPodTemplate({ image: IMAGE }, contextAt(owner)).spec }));
    // THEN
    expect(template.metadata.labels).toEqual({ 'app.kubernetes.io/instance': 'worker', 'app.kubernetes.io/name': 'worker' });
    const spec = template.spec;
    expect(spec.serviceAccountName).toBe('worker');
    expect(spec.automountServiceAccountToken).toBe(false);
    expect(spec.topologySpreadConstraints.map((c: any) => c.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(spec.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight).toBe(100);
    expect(spec.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    const [container] = spec.containers;
    expect(container).toMatchObject({ name: 'app', image: IMAGE, imagePullPolicy: 'Always', ports: [{ name: 'http', containerPort: 8080, protocol: 'TCP' }] });
    expect(container.readinessProbe.httpGet.path).toBe('/readyz');
    expect(container.livenessProbe.httpGet.path).toBe('/healthz');
    expect(container.securityContext.readOnlyRootFilesystem).toBe(true);
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
  });

  test('a volume mounted after the template was embedded still lands in it', () => {
    // GIVEN / WHEN
    const template = inJob((owner) => {
      const built = buildPodTemplate({ image: IMAGE }, contextAt(owner));
      return { spec: built.spec, mount: () => built.mount({ name: 'cache', emptyDir: {} }, { name: 'cache', mountPath: '/cache' }) };
    });
    // THEN
    expect(template.spec.volumes.map((v: any) => v.name)).toEqual(['tmp', 'cache']);
    expect(template.spec.containers[0].volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }, { name: 'cache', mountPath: '/cache' }]);
  });

  test('config files become a volume at the mount path, and the ConfigMap content for the core to create', () => {
    // GIVEN
    const chart = Testing.chart();
    const owner = new Construct(chart, 'worker');
    // WHEN
    const built = buildPodTemplate({ image: IMAGE, config: { 'app.yaml': 'a: 1' }, configMountPath: '/etc/app/' }, contextAt(owner));
    // THEN
    expect(built.config!.data).toEqual({ 'app.yaml': 'a: 1' });
    expect(built.config!.name).toMatch(/^worker-config-/);
    new k8s.KubeJob(chart, 'job', { metadata: { name: 'worker' }, spec: { template: built.spec } });
    const spec = Testing.synth(chart)[0].spec.template.spec;
    expect(spec.volumes[1]).toEqual({ name: 'config', configMap: { name: built.config!.name } });
    expect(spec.containers[0].volumeMounts[1]).toEqual({ name: 'config', mountPath: '/etc/app', readOnly: true });
  });

  test("raw TCP's identical default checks are acknowledged, for the workload object's annotations", () => {
    // GIVEN
    const owner = new Construct(Testing.chart(), 'worker');
    // WHEN
    const built = buildPodTemplate({ image: IMAGE }, contextAt(owner, ApiProtocol.TCP));
    // THEN
    expect(Object.keys(built.acknowledgements)).toEqual(['ack.cdk8s-golden.io/probes-identical']);
    expect(buildPodTemplate({ image: IMAGE }, contextAt(owner)).acknowledgements).toEqual({});
  });

  test.each<[string, Partial<WorkloadProps>, string]>([
    ['the same readiness and liveness check', { readinessProbe: HealthCheck.httpGet('/ok'), livenessProbe: HealthCheck.httpGet('/ok') },
      "[test/worker] livenessProbe: must not be the same check as the readiness probe (a slow pod would be restarted instead of taken out of rotation), got 'httpGet /ok on port http'; check a different thing, such as HealthCheck.httpGet('/healthz') for liveness and '/readyz' for readiness"],
    ['a mount path over /tmp', { configMountPath: '/tmp/' },
      "[test/worker] configMountPath: must be an absolute path other than / and /tmp, got '/tmp/'; use a path such as '/config'"],
    ['envFrom that is no list', { envFrom: 'db' as any },
      "[test/worker] envFrom: must be a list of EnvSource, got 'db'; use [EnvSource.fromConfigMap('name'), EnvSource.fromSecret('name')]"],
  ])('refuses %s, at the owner', (_name, props, message) => {
    // GIVEN
    const owner = new Construct(Testing.chart(), 'worker');
    // WHEN / THEN
    expect(() => buildPodTemplate({ image: IMAGE, ...props }, contextAt(owner))).toThrow(new Error(message));
  });
});
