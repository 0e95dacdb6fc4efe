import { Testing } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { Construct } from 'constructs';
import { ApiProtocol } from '../../src/conventions/api-protocol';
import { HealthCheck } from '../../src/conventions/health-check';
import { ResourcePreset } from '../../src/conventions/resource-preset';
import { restrictedSecurity } from '../../src/conventions/security-context';
import { resolveShutdown } from '../../src/conventions/shutdown';
import { buildPodTemplate, effectiveResources, PodTemplateContext } from '../../src/workload/pod-template';
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

describe('sidecars and init containers', () => {
  const SIDECAR = 'ghcr.io/acme/proxy:2.1.0';
  const READY = HealthCheck.exec(['/bin/ready']);
  const ALIVE = HealthCheck.exec(['/bin/alive']);

  test('sidecars come first in initContainers with restartPolicy Always, hardened like the app; init containers follow, without probes', () => {
    // GIVEN
    const chart = Testing.chart();
    const owner = new Construct(chart, 'worker');
    // WHEN
    const built = buildPodTemplate({
      image: IMAGE,
      sidecars: [
        { name: 'proxy', image: SIDECAR, port: 9901, resources: ResourcePreset.XSMALL },
        { name: 'log-shipper', image: SIDECAR, readinessProbe: READY, livenessProbe: ALIVE, env: { LEVEL: 'info' } },
      ],
      initContainers: [{ name: 'setup', image: SIDECAR, command: ['/setup'], args: ['--once'] }],
    }, contextAt(owner));
    new k8s.KubeJob(chart, 'job', { metadata: { name: 'worker' }, spec: { template: built.spec } });
    const spec = Testing.synth(chart)[0].spec.template.spec;
    // THEN
    expect(spec.initContainers).toMatchSnapshot();
    expect(spec.initContainers.map((c: any) => [c.name, c.restartPolicy])).toEqual([['proxy', 'Always'], ['log-shipper', 'Always'], ['setup', undefined]]);
    const [proxy, shipper, setup] = spec.initContainers;
    expect(proxy).toMatchObject({ image: SIDECAR, imagePullPolicy: 'Always', ports: [{ name: 'proxy', containerPort: 9901, protocol: 'TCP' }] });
    expect(proxy.readinessProbe.httpGet).toEqual({ path: '/readyz', port: 'proxy' });
    expect(proxy.livenessProbe.httpGet).toEqual({ path: '/healthz', port: 'proxy' });
    expect(proxy.resources.requests).toEqual({ 'cpu': '50m', 'memory': '128Mi', 'ephemeral-storage': '128Mi' });
    expect(shipper.readinessProbe.exec.command).toEqual(['/bin/ready']);
    expect(shipper.resources).toEqual(spec.containers[0].resources);
    expect(setup.readinessProbe ?? setup.livenessProbe ?? setup.startupProbe).toBeUndefined();
    for (const c of spec.initContainers) {
      expect(c.securityContext).toEqual(spec.containers[0].securityContext);
      expect(c.volumeMounts[0]).toEqual({ name: 'tmp', mountPath: '/tmp' });
      expect(c.lifecycle).toBeUndefined();
    }
  });

  test('in pods that run to completion a sidecar has only the probes given, a startup probe included', () => {
    // GIVEN
    const owner = new Construct(Testing.chart(), 'worker');
    // WHEN
    const built = buildPodTemplate({
      image: IMAGE,
      sidecars: [{ name: 'db-proxy', image: SIDECAR, port: 5432, startupProbe: HealthCheck.tcpSocket() }, { name: 'quiet', image: SIDECAR }],
    }, { ...contextAt(owner), restartPolicy: 'Never' });
    // THEN
    const [proxy, quiet] = built.spec.spec!.initContainers!;
    expect(proxy.startupProbe).toEqual({ tcpSocket: { port: k8s.IntOrString.fromString('db-proxy') }, periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 });
    expect(proxy.readinessProbe ?? proxy.livenessProbe).toBeUndefined();
    expect(quiet.startupProbe ?? quiet.readinessProbe ?? quiet.livenessProbe).toBeUndefined();
  });

  test('a sidecar of the raw TCP protocol gets the acknowledged identical checks', () => {
    const owner = new Construct(Testing.chart(), 'worker');
    const built = buildPodTemplate({ image: IMAGE, sidecars: [{ name: 'redis', image: SIDECAR, port: 6379, protocol: ApiProtocol.TCP }] }, contextAt(owner));
    expect(Object.keys(built.acknowledgements)).toEqual(['ack.cdk8s-golden.io/probes-identical']);
  });

  test.each<[string, Partial<WorkloadProps>, string]>([
    ['a sidecar named app', { sidecars: [{ name: 'app', image: SIDECAR, readinessProbe: READY, livenessProbe: ALIVE }] },
      "[test/worker] sidecars[0].name: must be unique in the pod: the app container has it, got 'app'; give the container another name"],
    ['two containers of one name', { sidecars: [{ name: 'p', image: SIDECAR, port: 9000 }], initContainers: [{ name: 'p', image: SIDECAR }] },
      "[test/worker] initContainers[0].name: must be unique in the pod: sidecars[0] has it, got 'p'; give the container another name"],
    ['a container name that is no DNS label', { initContainers: [{ name: 'Setup', image: SIDECAR }] },
      "[test/worker] initContainers[0].name: must be a DNS label, got 'Setup'; use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit, such as 'proxy'"],
    ['a floating image', { sidecars: [{ name: 'p', image: 'envoyproxy/envoy:latest', port: 9000 }] },
      "[test/worker] sidecars[0].image: the image must be pinned to a tag or digest, got 'envoyproxy/envoy:latest'; use an immutable tag such as 'envoyproxy/envoy:1.27.3' or a digest 'envoyproxy/envoy@sha256:…'"],
    ['the app\'s port', { sidecars: [{ name: 'p', image: SIDECAR, port: 8080 }] },
      '[test/worker] sidecars[0].port: is already the port of the app container (`port`): the containers of a pod share its network, got 8080; use another port'],
    ['the app\'s port name', { sidecars: [{ name: 'p', image: SIDECAR, port: 9000, portName: 'http' }] },
      "[test/worker] sidecars[0].portName: is already the port name of the app container (`portName`), got 'http'; use another port name"],
    ['a long name as the port name', { sidecars: [{ name: 'a-very-long-sidecar', image: SIDECAR, port: 9000 }] },
      "[test/worker] sidecars[0].portName: must be given: the container's name is no port name (an IANA service name of at most 15 characters), got 'a-very-long-sidecar'; set portName, such as 'proxy' or 'admin'"],
    ['a port on an init container', { initContainers: [{ name: 'setup', image: SIDECAR, port: 9000 }] },
      '[test/worker] initContainers[0].port: does not apply to an init container (it runs to completion and serves nothing), got 9000; leave it out, or make the container a sidecar'],
    ['a probe on an init container', { initContainers: [{ name: 'setup', image: SIDECAR, livenessProbe: ALIVE }] },
      "[test/worker] initContainers[0].livenessProbe: does not apply to an init container (it runs to completion; Kubernetes refuses probes on it), got 'exec [\"/bin/alive\"]'; leave it out, or make the container a sidecar"],
    ['a sidecar without port nor exec checks', { sidecars: [{ name: 'shipper', image: SIDECAR }] },
      "[test/worker] sidecars[0].readinessProbe: must be an exec check: the container declares no port, got 'none'; pass HealthCheck.exec(['/bin/healthcheck', ...]), or give `sidecars[0].port` (an admin port the checks can reach)"],
    ['a secret-looking literal', { initContainers: [{ name: 'setup', image: SIDECAR, env: { DB_PASSWORD: 'x' } }] },
      "[test/worker] initContainers[0].env.DB_PASSWORD: a literal value under a secret-looking name would be stored in plain text, got 'DB_PASSWORD'; put the value in a Secret and reference it with secretEnv: { DB_PASSWORD: { secretName: '…', key: '…' } }"],
    ['resources that are no preset', { initContainers: [{ name: 'setup', image: SIDECAR, resources: 'small' as any }] },
      "[test/worker] initContainers[0].resources: must be a ResourcePreset, got 'small'; use ResourcePreset.XSMALL, SMALL, MEDIUM, LARGE or ResourcePreset.custom({...})"],
    ['sidecars that are no list', { sidecars: 'proxy' as any },
      "[test/worker] sidecars: must be a list of ContainerOptions, got 'proxy'; pass [{ name: 'proxy', image: 'ghcr.io/acme/proxy:1.0.0' }]"],
  ])('refuses %s, at the owner', (_name, props, message) => {
    // GIVEN
    const owner = new Construct(Testing.chart(), 'worker');
    // WHEN / THEN
    expect(() => buildPodTemplate({ image: IMAGE, ...props }, contextAt(owner))).toThrow(new Error(message));
  });

  test('refuses a readiness probe on a job\'s sidecar', () => {
    const owner = new Construct(Testing.chart(), 'worker');
    expect(() => buildPodTemplate({ image: IMAGE, sidecars: [{ name: 'p', image: SIDECAR, readinessProbe: READY }] }, { ...contextAt(owner), restartPolicy: 'Never' }))
      .toThrow(new Error("[test/worker] sidecars[0].readinessProbe: does not apply to a job: nothing sends its pods traffic, got 'exec [\"/bin/ready\"]'; leave it out (a livenessProbe restarts a job that hangs; activeDeadline ends one that runs too long)"));
  });

  test('refuses an image from a registry the platform does not allow', () => {
    const owner = new Construct(Testing.chart(), 'worker');
    expect(() => buildPodTemplate({ image: IMAGE, initContainers: [{ name: 'setup', image: 'docker.io/busybox:1.36' }] },
      { ...contextAt(owner), platform: { allowedRegistries: ['ghcr.io/acme'] } }))
      .toThrow(new Error("[test/worker] initContainers[0].image: the image is not from an allowed registry (ghcr.io/acme), got 'docker.io/busybox:1.36'; push the image to an allowed registry, or ask the platform team to allow this one"));
  });
});

describe('effectiveResources', () => {
  const r = (cpu: number, memory: number) => ({ cpuRequest: cpu, cpuLimit: cpu * 4, memory, storageRequest: 128, storageLimit: 256 });

  test('the app and the sidecars add up; an init container counts with the sidecars that run beside it', () => {
    // GIVEN an app of 100m/256Mi, a sidecar of 50m/128Mi, and an init container of 500m/64Mi
    // WHEN
    const pod = effectiveResources(r(100, 256), [r(50, 128)], [r(500, 64)]);
    // THEN cpu: max(100+50, 500+50); memory: max(256+128, 64+128)
    expect(pod).toEqual({ cpuRequest: 550, cpuLimit: 2200, memory: 384, storageRequest: 256, storageLimit: 512 });
  });

  test('without sidecars or init containers, the app alone', () => {
    expect(effectiveResources(r(100, 256), [], [])).toEqual(r(100, 256));
  });
});
