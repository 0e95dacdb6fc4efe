import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Duration, Size, Testing } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import {
  EnvSource, Exposure, HealthCheck, IngressTls, PlatformDefaults, PlatformGateway, ResourcePreset, WebService, WebServiceProps,
} from '../src';
import { byKind, containerOf, namespacedChart, oneOf } from './util/manifests';
import { allSchemaErrors } from './util/schema';
import { checkManifests } from '../src/guardrails/engine';

const IMAGE = 'ghcr.io/acme/storefront:2.0.1';

function synth(props: Partial<WebServiceProps> = {}, id = 'storefront'): any[] {
  const chart = namespacedChart();
  new WebService(chart, id, { image: IMAGE, ...props });
  return Testing.synth(chart);
}

/** Every finding of every guardrail rule, as readable lines. */
function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

describe('WebService with default props', () => {
  // GIVEN
  const chart = namespacedChart();
  // WHEN
  const web = new WebService(chart, 'storefront', { image: IMAGE });
  const docs = Testing.synth(chart);

  test('emits the hardened set of objects, and no Ingress without a host', () => {
    // THEN
    expect(docs).toMatchSnapshot();
    expect(docs.map((d) => `${d.kind}/${d.metadata.name}`)).toEqual([
      'ServiceAccount/storefront', 'Deployment/storefront', 'Service/storefront',
      'PodDisruptionBudget/storefront', 'NetworkPolicy/storefront',
    ]);
    expect(docs.every((d) => d.metadata.namespace === 'shop')).toBe(true);
    expect(web.ingress).toBeUndefined();
    expect(web.autoscaler).toBeUndefined();
  });

  test('passes every guardrail rule and the Kubernetes 1.30 schema', () => {
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('the checks above can fail: the same output without a readiness probe and with a bad replica type does not pass', () => {
    // GIVEN
    const broken = JSON.parse(JSON.stringify(docs));
    const deployment = oneOf(broken, 'Deployment');
    delete containerOf(deployment).readinessProbe;
    // WHEN / THEN
    expect(findings(broken)).toEqual([expect.stringMatching(/^readiness-probe Deployment\/storefront: /)]);
    deployment.spec.replicas = 'three';
    expect(allSchemaErrors(broken)).toEqual(['Deployment storefront: data/spec/replicas must be integer']);
  });

  test('labels every object with the standard labels, and selects on name and instance only', () => {
    const expected = {
      'app.kubernetes.io/name': 'storefront',
      'app.kubernetes.io/instance': 'storefront',
      'app.kubernetes.io/version': '2.0.1',
      'app.kubernetes.io/component': 'web',
      'app.kubernetes.io/part-of': 'storefront',
      'app.kubernetes.io/managed-by': 'cdk8s-golden',
    };
    for (const doc of docs) {
      expect(doc.metadata.labels).toEqual(expected);
    }
    const selector = { 'app.kubernetes.io/name': 'storefront', 'app.kubernetes.io/instance': 'storefront' };
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.selector).toEqual({ matchLabels: selector });
    expect(deployment.spec.template.metadata.labels).toEqual(expected);
    expect(oneOf(docs, 'Service').spec.selector).toEqual(selector);
    expect(oneOf(docs, 'PodDisruptionBudget').spec.selector).toEqual({ matchLabels: selector });
    expect(oneOf(docs, 'NetworkPolicy').spec.podSelector).toEqual({ matchLabels: { 'app.kubernetes.io/instance': 'storefront' } });
    expect(web.selectorLabels).toEqual(selector);
  });

  test('runs three replicas that roll out without losing capacity and drain before they stop', () => {
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.replicas).toBe(3);
    expect(deployment.spec.strategy).toEqual({ type: 'RollingUpdate', rollingUpdate: { maxSurge: '25%', maxUnavailable: 0 } });
    expect(deployment.spec.minReadySeconds).toBe(5);
    expect(deployment.spec.progressDeadlineSeconds).toBe(600);
    expect(deployment.spec.revisionHistoryLimit).toBe(5);
    const pod = deployment.spec.template.spec;
    expect(pod.terminationGracePeriodSeconds).toBe(30);
    expect(containerOf(deployment).lifecycle).toEqual({ preStop: { sleep: { seconds: 5 } } });
    expect(pod.affinity.podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].podAffinityTerm.topologyKey).toBe('kubernetes.io/hostname');
    expect(pod.topologySpreadConstraints.map((t: any) => t.topologyKey)).toEqual(['topology.kubernetes.io/zone', 'kubernetes.io/hostname']);
    expect(web.replicas).toBe(3);
  });

  test('runs the container restricted: non-root, high UID, no privileges, read-only root with a writable /tmp', () => {
    const deployment = oneOf(docs, 'Deployment');
    const pod = deployment.spec.template.spec;
    expect(pod.securityContext).toEqual({
      runAsNonRoot: true, runAsUser: 10001, runAsGroup: 10001, fsGroup: 10001, seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(pod.automountServiceAccountToken).toBe(false);
    expect(pod.serviceAccountName).toBe('storefront');
    const container = containerOf(deployment);
    expect(container.securityContext).toEqual({
      allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] },
    });
    expect(container.volumeMounts).toEqual([{ name: 'tmp', mountPath: '/tmp' }]);
    expect(pod.volumes).toEqual([{ name: 'tmp', emptyDir: { sizeLimit: '64Mi' } }]);
    expect(container.imagePullPolicy).toBe('Always');
    expect(oneOf(docs, 'ServiceAccount').automountServiceAccountToken).toBe(false);
  });

  test('sets every request and limit, with the memory limit equal to the request', () => {
    const { requests, limits } = containerOf(oneOf(docs, 'Deployment')).resources;
    expect(requests).toEqual({ 'cpu': '100m', 'memory': '256Mi', 'ephemeral-storage': '128Mi' });
    expect(limits).toEqual({ 'cpu': '1', 'memory': '256Mi', 'ephemeral-storage': '256Mi' });
  });

  test('probes the named port, readiness and liveness on different paths', () => {
    const container = containerOf(oneOf(docs, 'Deployment'));
    expect(container.ports).toEqual([{ name: 'http', containerPort: 8080, protocol: 'TCP' }]);
    expect(container.startupProbe).toEqual({ httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 2, timeoutSeconds: 1, failureThreshold: 60 });
    expect(container.readinessProbe).toEqual({ httpGet: { path: '/readyz', port: 'http' }, periodSeconds: 5, timeoutSeconds: 2, failureThreshold: 2 });
    expect(container.livenessProbe).toEqual({ httpGet: { path: '/healthz', port: 'http' }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 3 });
  });

  test('exposes the named port through a ClusterIP Service, lets only the ingress controller in, and only DNS out', () => {
    const service = oneOf(docs, 'Service');
    expect(service.spec.type).toBe('ClusterIP');
    expect(service.spec.ports).toEqual([{ name: 'http', port: 80, targetPort: 'http', protocol: 'TCP', appProtocol: 'http' }]);
    const policy = oneOf(docs, 'NetworkPolicy').spec;
    expect(policy.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'ingress-nginx' } } }],
      ports: [{ port: 'http', protocol: 'TCP' }],
    }]);
    expect(policy.egress).toHaveLength(1);
    expect(policy.egress[0].ports).toEqual([{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }]);
    const pdb = oneOf(docs, 'PodDisruptionBudget').spec;
    expect(pdb.maxUnavailable).toBe(1);
    expect(pdb.unhealthyPodEvictionPolicy).toBe('AlwaysAllow');
  });

  test('exposes the objects it made as properties', () => {
    expect(web.deployment.kind).toBe('Deployment');
    expect(web.service.name).toBe('storefront');
    expect(web.serviceAccount.kind).toBe('ServiceAccount');
    expect(web.podDisruptionBudget.kind).toBe('PodDisruptionBudget');
    expect(web.networkPolicy.kind).toBe('NetworkPolicy');
    expect([web.name, web.port, web.portName, web.servicePort]).toEqual(['storefront', 8080, 'http', 80]);
  });
});

describe('WebService with a host', () => {
  test('adds an Ingress with TLS from cert-manager, routed to the Service port by name', () => {
    // GIVEN / WHEN
    const docs = synth({ host: 'shop.example.com' });
    // THEN
    const ingress = oneOf(docs, 'Ingress');
    expect(ingress).toMatchSnapshot();
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'letsencrypt' });
    expect(ingress.spec.ingressClassName).toBe('nginx');
    expect(ingress.spec.tls).toEqual([{ hosts: ['shop.example.com'], secretName: 'storefront-tls' }]);
    const backend = ingress.spec.rules[0].http.paths[0].backend.service;
    const service = oneOf(docs, 'Service');
    expect(backend).toEqual({ name: service.metadata.name, port: { name: service.spec.ports[0].name } });
    expect(findings(docs)).toEqual([]);
  });

  test('takes the ingress class, controller namespace, certificate and annotations from props', () => {
    // GIVEN / WHEN
    const docs = synth({
      host: 'shop.example.com',
      ingressClassName: 'internal-nginx',
      ingressControllerNamespace: 'ingress-internal',
      tls: IngressTls.existingSecret('wildcard-example-com'),
      ingressAnnotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' },
    });
    // THEN
    const ingress = oneOf(docs, 'Ingress');
    expect(ingress.spec.ingressClassName).toBe('internal-nginx');
    expect(ingress.spec.tls[0].secretName).toBe('wildcard-example-com');
    expect(ingress.metadata.annotations).toEqual({ 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' });
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'ingress-internal' });
  });

  test('uses a namespaced cert-manager Issuer and a chosen Secret', () => {
    const ingress = oneOf(synth({ host: 'shop.example.com', tls: IngressTls.certManagerIssuer('acme-staging', 'shop-cert') }), 'Ingress');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/issuer': 'acme-staging' });
    expect(ingress.spec.tls[0].secretName).toBe('shop-cert');
  });
});

describe('WebService options', () => {
  test('autoscaling adds an autoscaling/v2 HPA and removes replicas from the Deployment', () => {
    // GIVEN / WHEN
    const chart = namespacedChart();
    const web = new WebService(chart, 'storefront', { image: IMAGE, autoscaling: { maxReplicas: 10, memoryUtilizationPercent: 80 } });
    const docs = Testing.synth(chart);
    // THEN
    const hpa = oneOf(docs, 'HorizontalPodAutoscaler');
    expect(hpa.apiVersion).toBe('autoscaling/v2');
    expect(hpa.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'storefront' },
      minReplicas: 2,
      maxReplicas: 10,
      metrics: [
        { type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } },
        { type: 'Resource', resource: { name: 'memory', target: { type: 'Utilization', averageUtilization: 80 } } },
      ],
    });
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.replicas).toBeUndefined();
    expect(deployment.metadata.annotations).toEqual({ 'polaris.fairwinds.com/deploymentMissingReplicas-exempt': 'true' });
    expect(web.replicas).toBeUndefined();
    expect(web.autoscaler?.kind).toBe('HorizontalPodAutoscaler');
  });

  test('environment: literals, Secret keys and whole ConfigMaps and Secrets by reference', () => {
    const container = containerOf(oneOf(synth({
      env: { LOG_LEVEL: 'info' },
      secretEnv: { DB_PASSWORD: { secretName: 'db', key: 'password' } },
      envFrom: [EnvSource.fromConfigMap('shared-settings'), EnvSource.fromSecret('api-keys', 'API_')],
    }), 'Deployment'));
    expect(container.env).toEqual([
      { name: 'LOG_LEVEL', value: 'info' },
      { name: 'DB_PASSWORD', valueFrom: { secretKeyRef: { name: 'db', key: 'password' } } },
    ]);
    expect(container.envFrom).toEqual([{ configMapRef: { name: 'shared-settings' } }, { secretRef: { name: 'api-keys' }, prefix: 'API_' }]);
  });

  test('config files become an immutable, content-named ConfigMap mounted read-only, so a change rolls the pods', () => {
    // GIVEN
    const before = synth({ config: { 'app.yaml': 'color: blue\n' } });
    // WHEN
    const after = synth({ config: { 'app.yaml': 'color: green\n' } });
    // THEN
    const configMap = oneOf(before, 'ConfigMap');
    expect(configMap.metadata.name).toMatch(/^storefront-config-[0-9a-f]{10}$/);
    expect(configMap.immutable).toBe(true);
    expect(configMap.data).toEqual({ 'app.yaml': 'color: blue\n' });
    const pod = oneOf(before, 'Deployment').spec.template.spec;
    expect(pod.volumes).toContainEqual({ name: 'config', configMap: { name: configMap.metadata.name } });
    expect(pod.containers[0].volumeMounts).toContainEqual({ name: 'config', mountPath: '/config', readOnly: true });
    const renamed = oneOf(after, 'ConfigMap').metadata.name;
    expect(renamed).not.toBe(configMap.metadata.name);
    expect(oneOf(after, 'Deployment').spec.template.spec.volumes).toContainEqual({ name: 'config', configMap: { name: renamed } });
    expect(oneOf(after, 'Deployment').spec.selector).toEqual(oneOf(before, 'Deployment').spec.selector);
  });

  test('annotations, pod annotations, command and args', () => {
    const docs = synth({
      annotations: { 'acme.com/owner': 'team-shop' },
      podAnnotations: { 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080' },
      command: ['/app/server'],
      args: ['--listen', ':8080'],
    });
    expect(docs.every((d) => d.metadata.annotations?.['acme.com/owner'] === 'team-shop')).toBe(true);
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.template.metadata.annotations).toEqual({ 'prometheus.io/scrape': 'true', 'prometheus.io/port': '8080' });
    expect(containerOf(deployment).command).toEqual(['/app/server']);
    expect(containerOf(deployment).args).toEqual(['--listen', ':8080']);
  });

  test('every default can be overridden through typed props', () => {
    const deployment = oneOf(synth({
      port: 9090,
      portName: 'web',
      servicePort: 8080,
      replicas: 5,
      resources: ResourcePreset.custom({ cpuRequest: Cpu.millis(200), cpuLimit: Cpu.units(2), memory: Size.gibibytes(1) }),
      readinessProbe: HealthCheck.tcpSocket({ period: Duration.seconds(3) }),
      livenessProbe: HealthCheck.exec(['/bin/alive'], { failureThreshold: 5 }),
      startupProbe: HealthCheck.httpGet('/started', { initialDelay: Duration.seconds(1) }),
      security: { runAsUser: 20000, runAsGroup: 20001 },
      rollout: {
        maxSurgePercent: 50,
        maxUnavailablePercent: 10,
        minReady: Duration.seconds(10),
        progressDeadline: Duration.minutes(5),
        revisionHistoryLimit: 2,
      },
      shutdown: { preStopDelay: Duration.seconds(10), terminationGracePeriod: Duration.seconds(60) },
      tmpVolumeSize: Size.mebibytes(512),
      version: '2.0.1-build.7',
      component: 'frontend',
      partOf: 'shop',
      labels: { 'acme.com/team': 'shop' },
    }), 'Deployment');
    const pod = deployment.spec.template.spec;
    const container = pod.containers[0];
    expect(deployment.spec.replicas).toBe(5);
    expect(container.ports).toEqual([{ name: 'web', containerPort: 9090, protocol: 'TCP' }]);
    expect(container.resources.requests).toEqual({ 'cpu': '200m', 'memory': '1024Mi', 'ephemeral-storage': '128Mi' });
    expect(container.resources.limits).toEqual({ 'cpu': '2', 'memory': '1024Mi', 'ephemeral-storage': '256Mi' });
    expect(container.readinessProbe).toEqual({ tcpSocket: { port: 'web' }, periodSeconds: 3, timeoutSeconds: 2, failureThreshold: 2 });
    expect(container.livenessProbe).toEqual({ exec: { command: ['/bin/alive'] }, periodSeconds: 10, timeoutSeconds: 2, failureThreshold: 5 });
    expect(container.startupProbe.httpGet).toEqual({ path: '/started', port: 'web' });
    expect(container.startupProbe.initialDelaySeconds).toBe(1);
    expect(pod.securityContext).toMatchObject({ runAsUser: 20000, runAsGroup: 20001, fsGroup: 20001 });
    expect(deployment.spec.strategy.rollingUpdate).toEqual({ maxSurge: '50%', maxUnavailable: '10%' });
    expect([deployment.spec.minReadySeconds, deployment.spec.progressDeadlineSeconds, deployment.spec.revisionHistoryLimit]).toEqual([10, 300, 2]);
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(container.lifecycle.preStop.sleep.seconds).toBe(10);
    expect(pod.volumes[0].emptyDir.sizeLimit).toBe('512Mi');
    expect(deployment.metadata.labels).toMatchObject({
      'app.kubernetes.io/version': '2.0.1-build.7', 'app.kubernetes.io/component': 'frontend', 'app.kubernetes.io/part-of': 'shop', 'acme.com/team': 'shop',
    });
  });

  const options: Array<[string, Partial<WebServiceProps>]> = [
    ['default props', {}],
    ['a host', { host: 'shop.example.com' }],
    ['a wildcard host and an existing certificate', { host: '*.shop.example.com', tls: IngressTls.existingSecret('wildcard') }],
    ['autoscaling', { autoscaling: { minReplicas: 3, maxReplicas: 12, memoryUtilizationPercent: 75 } }],
    ['fixed replicas', { replicas: 2 }],
    ['environment', { env: { LOG_LEVEL: 'debug' }, secretEnv: { DB_PASSWORD: { secretName: 'db', key: 'pw' } }, envFrom: [EnvSource.fromConfigMap('settings')] }],
    ['config files', { config: { 'app.yaml': 'a: 1\n', 'logging.json': '{}' }, configMountPath: '/etc/storefront' }],
    ['annotations', { annotations: { 'acme.com/owner': 'shop' }, podAnnotations: { 'prometheus.io/scrape': 'true' } }],
    ['command and args', { command: ['/server'], args: ['--verbose'] }],
    ['a TCP readiness and an exec liveness probe', { readinessProbe: HealthCheck.tcpSocket(), livenessProbe: HealthCheck.exec(['/bin/alive']) }],
    ['the XSMALL preset', { resources: ResourcePreset.XSMALL }],
    ['the MEDIUM preset', { resources: ResourcePreset.MEDIUM }],
    ['the LARGE preset', { resources: ResourcePreset.LARGE }],
    ['custom resources', { resources: ResourcePreset.custom({ cpuRequest: Cpu.millis(300), memory: Size.mebibytes(384) }) }],
    ['a custom user and group', { security: { runAsUser: 65532, runAsGroup: 65532 } }],
    ['custom rollout and shutdown', { rollout: { maxSurgePercent: 100 }, shutdown: { preStopDelay: Duration.seconds(15), terminationGracePeriod: Duration.seconds(45) } }],
    ['extra labels', { labels: { 'acme.com/team': 'shop', 'cost-centre': 'cc-42' }, partOf: 'shop', component: 'frontend' }],
    ['a digest-pinned image', { image: 'ghcr.io/acme/storefront@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }],
    ['a tag and a digest', { image: 'registry.acme.com:5000/shop/storefront:2.0.1@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' }],
    ['other ports', { port: 3000, portName: 'web', servicePort: 8080, host: 'shop.example.com' }],
  ];

  test.each(options)('with %s the output passes every guardrail rule and the 1.30 schema', (_name, props) => {
    // GIVEN / WHEN
    const docs = synth(props);
    // THEN
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('WebService refuses bad input at synth time', () => {
  const refused: Array<[string, Partial<WebServiceProps>, string]> = [
    ['an empty image', { image: '' },
      "[shop/storefront] image: an image is required, got ''; set it to a pinned image such as 'ghcr.io/acme/app:1.0.0'"],
    ['an untagged image', { image: 'nginx' },
      "[shop/storefront] image: the image must be pinned to a tag or digest, got 'nginx'; use an immutable tag such as 'nginx:1.27.3' or a digest 'nginx@sha256:…'"],
    ['a :latest image', { image: 'nginx:latest' },
      "[shop/storefront] image: the image must be pinned to a tag or digest, got 'nginx:latest'; use an immutable tag such as 'nginx:1.27.3' or a digest 'nginx@sha256:…'"],
    ['a port above 65535', { port: 70000 },
      '[shop/storefront] port: must be a whole number from 1 to 65535, got 70000; set port to a whole number from 1 to 65535'],
    ['port 0', { port: 0 },
      '[shop/storefront] port: must be a whole number from 1 to 65535, got 0; set port to a whole number from 1 to 65535'],
    ['a fractional port', { port: 8080.5 },
      '[shop/storefront] port: must be a whole number from 1 to 65535, got 8080.5; set port to a whole number from 1 to 65535'],
    ['negative replicas', { replicas: -1 },
      '[shop/storefront] replicas: must be a whole number from 2 to 10000, got -1; use a whole number of at least 2, so that one node loss or eviction does not take the service down (or use autoscaling)'],
    ['fractional replicas', { replicas: 2.5 },
      '[shop/storefront] replicas: must be a whole number from 2 to 10000, got 2.5; use a whole number of at least 2, so that one node loss or eviction does not take the service down (or use autoscaling)'],
    ['a host that is not a DNS name', { host: 'https://shop.example.com/' },
      "[shop/storefront] host: must be a DNS name, got 'https://shop.example.com/'; use a lower-case DNS name such as 'shop.example.com' (no scheme, port or path)"],
    ['a name longer than 63 characters', { name: 'a'.repeat(64) },
      `[shop/storefront] name: must be at most 63 characters (it is 64), got '${'a'.repeat(64)}'; use at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the \`name\` prop to choose another name than the construct id)`],
    ['a name that is not a DNS label', { name: 'Store_Front' },
      "[shop/storefront] name: must be a DNS label (RFC 1035), got 'Store_Front'; use at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the `name` prop to choose another name than the construct id)"],
    ['an autoscaler whose max is not above its min', { autoscaling: { minReplicas: 4, maxReplicas: 4 } },
      '[shop/storefront] autoscaling.maxReplicas: must be above minReplicas (4), got 4; set maxReplicas to at least 5, or use a fixed `replicas` count instead of autoscaling'],
    ['replicas together with autoscaling', { replicas: 3, autoscaling: { maxReplicas: 6 } },
      '[shop/storefront] replicas: cannot be set together with autoscaling (the autoscaler owns the replica count), got 3; remove `replicas` or `autoscaling`'],
    ['a secret-looking literal env', { env: { DB_PASSWORD: 'hunter2' } },
      "[shop/storefront] env.DB_PASSWORD: a literal value under a secret-looking name would be stored in plain text, got 'DB_PASSWORD'; put the value in a Secret and reference it with secretEnv: { DB_PASSWORD: { secretName: '…', key: '…' } }"],
    ['the same env var twice', { env: { MODE: 'a' }, secretEnv: { MODE: { secretName: 's', key: 'k' } } },
      "[shop/storefront] secretEnv.MODE: the same environment variable is set twice (in env and secretEnv), got 'MODE'; keep one of the two"],
    ['identical readiness and liveness', { readinessProbe: HealthCheck.httpGet('/health'), livenessProbe: HealthCheck.httpGet('/health') },
      "[shop/storefront] livenessProbe: must not be the same check as the readiness probe (a slow pod would be restarted instead of taken out of rotation), got 'httpGet /health on port http'; check a different thing, such as HealthCheck.httpGet('/healthz') for liveness and '/readyz' for readiness"],
    ['a low user ID', { security: { runAsUser: 1000 } },
      '[shop/storefront] security.runAsUser: must be a whole number from 10000 to 2147483647, got 1000; use an ID from 10000 up, which no node user has; images that insist on a low UID need rebuilding'],
    ['tls without a host', { tls: IngressTls.existingSecret('x') },
      "[shop/storefront] tls: only applies to an Ingress, and there is none without `host`, got 'an IngressTls'; set `host` or remove this prop"],
    ['a standard label in labels', { labels: { 'app.kubernetes.io/name': 'other' } },
      "[shop/storefront] labels: sets a standard label that the construct owns, got 'app.kubernetes.io/name'; use the `name`, `version`, `component` or `partOf` prop instead"],
  ];

  test.each(refused)('%s', (_name, props, message) => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN / THEN
    expect(() => new WebService(chart, 'storefront', { image: IMAGE, ...props })).toThrow(message);
    expect(() => new WebService(chart, 'storefront2', { image: IMAGE, ...props })).toThrow(/^\[shop\/storefront2\] /);
  });

  test('a construct id that is no DNS label names the prop to fix', () => {
    const chart = namespacedChart();
    expect(() => new WebService(chart, 'StoreFront', { image: IMAGE })).toThrow(
      "[shop/StoreFront] name: must be a DNS label (RFC 1035), got 'StoreFront'; use at most 63 lower-case letters, digits and '-', starting with a letter and ending with a letter or digit (set the `name` prop to choose another name than the construct id)");
    expect(() => new WebService(chart, 'StoreFront2', { image: IMAGE, name: 'storefront' })).not.toThrow();
  });

  test('two objects of the same kind and name in one namespace are refused, within a chart', () => {
    // GIVEN
    const chart = namespacedChart();
    new WebService(chart, 'storefront', { image: IMAGE });
    new WebService(chart, 'storefront-v2', { image: IMAGE, name: 'storefront' });
    // WHEN / THEN
    expect(() => Testing.synth(chart)).toThrow(
      "[shop/storefront-v2] name: ServiceAccount 'storefront' in namespace 'shop' is also emitted by shop/storefront/Workload/ServiceAccount, got 'storefront'; give one of them another name (the `name` prop) or another namespace");
  });

  test('and across charts of one app, but not across namespaces', () => {
    // GIVEN
    const app = Testing.app();
    new WebService(namespacedChart('shop', app), 'storefront', { image: IMAGE });
    const other = new Chart(app, 'shop-extra', { namespace: 'shop' });
    new WebService(other, 'storefront', { image: IMAGE });
    // WHEN / THEN
    expect(() => app.synthYaml()).toThrow(/\[shop-extra\/storefront\] name: Deployment 'storefront' in namespace 'shop' is also emitted by shop\/storefront\/Workload\/Deployment/);
    const apart = Testing.app();
    new WebService(namespacedChart('shop', apart), 'storefront', { image: IMAGE });
    new WebService(namespacedChart('staging', apart), 'storefront', { image: IMAGE });
    expect(() => apart.synthYaml()).not.toThrow();
  });

  test('no YAML is written when synth fails', () => {
    // GIVEN
    const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-'));
    const app = new App({ outdir });
    new WebService(namespacedChart('shop', app), 'storefront', { image: IMAGE });
    new WebService(new Chart(app, 'more', { namespace: 'shop' }), 'storefront', { image: IMAGE });
    // WHEN
    expect(() => app.synth()).toThrow(/is also emitted by/);
    // THEN
    expect(fs.readdirSync(outdir)).toEqual([]);
  });
});

describe('WebService output is stable', () => {
  test('the same code synthesizes byte-identical YAML', () => {
    const yaml = () => {
      const app = Testing.app();
      new WebService(namespacedChart('shop', app), 'storefront', { image: IMAGE, host: 'shop.example.com', config: { 'a.yaml': 'x: 1' } });
      return app.synthYaml();
    };
    expect(yaml()).toEqual(yaml());
  });

  test('the Deployment selector does not change when the image, version or any other prop changes', () => {
    const selectorOf = (props: Partial<WebServiceProps>) => oneOf(synth(props), 'Deployment').spec.selector;
    const base = selectorOf({});
    const variants: Array<Partial<WebServiceProps>> = [
      { image: 'ghcr.io/acme/storefront:3.0.0' },
      { image: 'ghcr.io/acme/storefront@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef' },
      { version: '9.9.9' },
      { replicas: 7 },
      { autoscaling: { maxReplicas: 9 } },
      { component: 'frontend', partOf: 'shop', labels: { 'acme.com/team': 'x' } },
      { port: 9000, portName: 'web', host: 'shop.example.com' },
      { config: { 'a.yaml': 'b' }, env: { A: 'b' } },
    ];
    for (const props of variants) {
      expect(selectorOf(props)).toEqual(base);
    }
    expect(base).toEqual({ matchLabels: { 'app.kubernetes.io/name': 'storefront', 'app.kubernetes.io/instance': 'storefront' } });
  });

  test('renaming a parent construct does not rename the objects', () => {
    const app = Testing.app();
    const chart = new Chart(app, 'renamed-chart', { namespace: 'shop' });
    new WebService(chart, 'storefront', { image: IMAGE });
    expect(byKind(Testing.synth(chart), 'Deployment')[0].metadata.name).toBe('storefront');
  });
});

describe('WebService through the platform\'s Gateway', () => {
  const GATEWAY: PlatformGateway = { name: 'public', namespace: 'gateways', sectionName: 'https' };

  /** A WebService in `shop`, with the platform Gateway declared on the App. */
  function gatewaySynth(props: Partial<WebServiceProps>, gateway: PlatformGateway = GATEWAY): { web: WebService; docs: any[] } {
    const app = Testing.app();
    PlatformDefaults.set(app, { gateway });
    const chart = namespacedChart('shop', app);
    const web = new WebService(chart, 'storefront', { image: IMAGE, ...props });
    return { web, docs: Testing.synth(chart) };
  }

  test('an exposed service gets an HTTPRoute to the Gateway, every defaulted field written out, and no Ingress', () => {
    // GIVEN / WHEN
    const { web, docs } = gatewaySynth({ host: 'shop.example.com' });
    // THEN
    const route = oneOf(docs, 'HTTPRoute');
    expect(route).toMatchSnapshot();
    expect(byKind(docs, 'Ingress')).toEqual([]);
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    expect(route.metadata.name).toBe('storefront');
    expect(route.metadata.namespace).toBe('shop');
    expect(route.spec).toEqual({
      parentRefs: [{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways', sectionName: 'https' }],
      hostnames: ['shop.example.com'],
      rules: [{
        matches: [{ path: { type: 'PathPrefix', value: '/' } }],
        backendRefs: [{ group: '', kind: 'Service', name: 'storefront', port: 80, weight: 1 }],
      }],
    });
    expect(web.httpRoute?.kind).toBe('HTTPRoute');
    expect(web.ingress).toBeUndefined();
    expect(web.host).toBe('shop.example.com');
  });

  test('passes every guardrail rule, the Kubernetes 1.30 schema and the Gateway API schema', () => {
    // GIVEN / WHEN
    const { docs } = gatewaySynth({ host: 'shop.example.com', hosts: ['www.example.com'], paths: ['/', '/api'] });
    // THEN
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(docs));
    oneOf(broken, 'HTTPRoute').spec.parentRefs[0].kind = 7;
    expect(allSchemaErrors(broken)).not.toEqual([]);
  });

  test('the NetworkPolicy lets the Gateway\'s namespace in on the service port, not the ingress controller\'s', () => {
    // GIVEN / WHEN
    const { docs } = gatewaySynth({ host: 'shop.example.com' });
    // THEN
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress).toEqual([{
      from: [{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'gateways' } } }],
      ports: [{ port: 'http', protocol: 'TCP' }],
    }]);
  });

  test('a declared data-plane namespace is let in instead of the Gateway\'s, with or without a host', () => {
    for (const host of [undefined, 'shop.example.com']) {
      // GIVEN / WHEN
      const { docs } = gatewaySynth({ host }, { name: 'public', namespace: 'gateways', controllerNamespace: 'envoy-gateway-system' });
      // THEN
      expect(oneOf(docs, 'NetworkPolicy').spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'envoy-gateway-system' } } }]);
      expect(byKind(docs, 'Ingress')).toEqual([]);
    }
  });

  test('without a sectionName the parentRef attaches to every listener that accepts the route', () => {
    // GIVEN / WHEN
    const { docs } = gatewaySynth({ host: 'shop.example.com' }, { name: 'public', namespace: 'gateways' });
    // THEN
    expect(oneOf(docs, 'HTTPRoute').spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'public', namespace: 'gateways' }]);
  });

  test('more hosts and paths: every host in hostnames, every path a PathPrefix match', () => {
    // GIVEN / WHEN
    const { web, docs } = gatewaySynth({ host: 'shop.example.com', hosts: ['www.example.com'], paths: ['/api', '/static'] });
    // THEN
    const spec = oneOf(docs, 'HTTPRoute').spec;
    expect(spec.hostnames).toEqual(['shop.example.com', 'www.example.com']);
    expect(spec.rules[0].matches).toEqual([{ path: { type: 'PathPrefix', value: '/api' } }, { path: { type: 'PathPrefix', value: '/static' } }]);
    expect(web.hosts).toEqual(['shop.example.com', 'www.example.com']);
  });

  test('Exposure.INGRESS keeps one service on an Ingress, with the ingress controller let in', () => {
    // GIVEN / WHEN
    const { web, docs } = gatewaySynth({ host: 'shop.example.com', exposure: Exposure.INGRESS });
    // THEN
    expect(byKind(docs, 'HTTPRoute')).toEqual([]);
    expect(oneOf(docs, 'Ingress').spec.rules[0].host).toBe('shop.example.com');
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress[0].from[0].namespaceSelector.matchLabels['kubernetes.io/metadata.name']).toBe('ingress-nginx');
    expect(web.httpRoute).toBeUndefined();
    expect(findings(docs)).toEqual([]);
  });

  test('a Chart\'s Gateway replaces the App\'s', () => {
    // GIVEN
    const app = Testing.app();
    PlatformDefaults.set(app, { gateway: GATEWAY });
    const chart = namespacedChart('shop', app);
    PlatformDefaults.set(chart, { gateway: { name: 'internal', namespace: 'edge' } });
    // WHEN
    new WebService(chart, 'storefront', { image: IMAGE, host: 'shop.example.com' });
    // THEN
    expect(oneOf(Testing.synth(chart), 'HTTPRoute').spec.parentRefs).toEqual([{ group: 'gateway.networking.k8s.io', kind: 'Gateway', name: 'internal', namespace: 'edge' }]);
  });

  const TLS_FIX = "remove it (TLS lives on the Gateway's listener, its data plane is PlatformDefaults.gateway.controllerNamespace), or set exposure: Exposure.INGRESS";
  test.each([
    ['tls', { tls: IngressTls.existingSecret('wildcard') }, `tls: applies to an Ingress, and the service is exposed through the platform's Gateway, got 'an IngressTls'; ${TLS_FIX}`],
    ['ingressClassName', { ingressClassName: 'nginx' }, `ingressClassName: applies to an Ingress, and the service is exposed through the platform's Gateway, got 'nginx'; ${TLS_FIX}`],
    ['ingressAnnotations', { ingressAnnotations: { a: 'b' } }, `ingressAnnotations: applies to an Ingress, and the service is exposed through the platform's Gateway, got {"a":"b"}; ${TLS_FIX}`],
    ['ingressControllerNamespace', { ingressControllerNamespace: 'nginx' }, `ingressControllerNamespace: applies to an Ingress, and the service is exposed through the platform's Gateway, got 'nginx'; ${TLS_FIX}`],
  ])('refuses the Ingress prop %s with Gateway exposure', (_field, props, message) => {
    expect(() => gatewaySynth({ host: 'shop.example.com', ...props })).toThrow(new Error(`[shop/storefront] ${message}`));
  });

  test('refuses Exposure.GATEWAY when the platform declares no Gateway', () => {
    expect(() => synth({ host: 'shop.example.com', exposure: Exposure.GATEWAY })).toThrow(new Error(
      "[shop/storefront] exposure: routes through the platform's Gateway, and none is declared, got 'Exposure.GATEWAY'; "
      + "declare it with PlatformDefaults.set(app, { gateway: { name: 'public', namespace: 'gateway-system' } }), or use Exposure.INGRESS"));
  });

  test('refuses an exposure that is no Exposure', () => {
    expect(() => synth({ host: 'shop.example.com', exposure: 'gateway' as any })).toThrow(new Error(
      "[shop/storefront] exposure: must be an Exposure, got 'gateway'; use Exposure.INGRESS or Exposure.GATEWAY"));
  });
});

describe('WebService with more hosts and paths, on an Ingress', () => {
  test('one rule per host with every path, one certificate for every host; schema and guardrails clean', () => {
    // GIVEN / WHEN
    const docs = synth({ host: 'shop.example.com', hosts: ['www.example.com'], paths: ['/api', '/static'] });
    // THEN
    const ingress = oneOf(docs, 'Ingress');
    expect(ingress.spec.rules.map((r: any) => [r.host, r.http.paths.map((p: any) => p.path)])).toEqual([
      ['shop.example.com', ['/api', '/static']], ['www.example.com', ['/api', '/static']],
    ]);
    expect(ingress.spec.tls).toEqual([{ hosts: ['shop.example.com', 'www.example.com'], secretName: 'storefront-tls' }]);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });

  test('`hosts` alone exposes the service; `host` is then the first of them', () => {
    // GIVEN
    const chart = namespacedChart();
    // WHEN
    const web = new WebService(chart, 'storefront', { image: IMAGE, hosts: ['a.example.com', 'b.example.com'] });
    // THEN
    expect(web.host).toBe('a.example.com');
    expect(oneOf(Testing.synth(chart), 'Ingress').spec.rules.map((r: any) => r.host)).toEqual(['a.example.com', 'b.example.com']);
  });

  const HOST_FIX = "use a lower-case DNS name such as 'shop.example.com' (no scheme, port or path)";
  const PATH_FIX = "start with '/', use letters, digits and -._~!$&'()*+,;=:@ between single slashes, no '.' or '..' segment and no trailing '/' (such as '/api')";
  test.each([
    ['a host repeated in hosts', { host: 'a.example.com', hosts: ['a.example.com'] },
      "hosts[0]: repeats `host`, got 'a.example.com'; list each host once (`host` comes first, `hosts` add to it)"],
    ['a host twice in hosts', { hosts: ['a.example.com', 'b.example.com', 'a.example.com'] },
      "hosts[2]: is listed twice, got 'a.example.com'; list each host once (`host` comes first, `hosts` add to it)"],
    ['an invalid host in hosts', { hosts: ['https://a.example.com'] }, `hosts[0]: must be a DNS name, got 'https://a.example.com'; ${HOST_FIX}`],
    ['an empty hosts list', { hosts: [] }, "hosts: must be a non-empty list of host names, got []; pass ['shop.example.com', 'www.shop.example.com'], or leave it out"],
    ['a relative path', { host: 'a.example.com', paths: ['api'] }, `paths[0]: must be an absolute path prefix, got 'api'; ${PATH_FIX}`],
    ['a trailing slash', { host: 'a.example.com', paths: ['/api/'] }, `paths[0]: must be an absolute path prefix, got '/api/'; ${PATH_FIX}`],
    ['a dot-dot segment', { host: 'a.example.com', paths: ['/a/..'] }, `paths[0]: must be an absolute path prefix, got '/a/..'; ${PATH_FIX}`],
    ['a query', { host: 'a.example.com', paths: ['/a?b'] }, `paths[0]: must be an absolute path prefix, got '/a?b'; ${PATH_FIX}`],
    ['a path twice', { host: 'a.example.com', paths: ['/a', '/b', '/a'] }, "paths[2]: is listed twice, got '/a'; list each path once"],
    ['an empty paths list', { host: 'a.example.com', paths: [] }, "paths: must be a non-empty list of path prefixes, got []; pass ['/'] or ['/api', '/static'], or leave it out for '/'"],
    ['paths without a host', { paths: ['/api'] }, 'paths: only applies to an exposed service, and there is no route without `host`, got ["/api"]; set `host` or remove this prop'],
  ])('refuses %s', (_name, props, message) => {
    expect(() => synth(props as Partial<WebServiceProps>)).toThrow(new Error(`[shop/storefront] ${message}`));
  });
});
