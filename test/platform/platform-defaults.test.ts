import { Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ClusterDns, CpuLimits, IngressTls, PlatformDefaults, PlatformDefaultsProps, ResourcePreset, SecurityPreset, WebService,
} from '../../src';
import { checkManifests } from '../../src/guardrails/engine';
import { containerOf, oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const IMAGE = 'ghcr.io/acme/storefront:2.0.1';

function findings(docs: any[]): string[] {
  return checkManifests(docs).map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`);
}

/** A WebService with a host in a chart of an app, with defaults at both scopes. */
function synth(appDefaults: PlatformDefaultsProps, chartDefaults: PlatformDefaultsProps = {}, props: object = {}): any[] {
  const app = Testing.app();
  PlatformDefaults.set(app, appDefaults);
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  PlatformDefaults.set(chart, chartDefaults);
  new WebService(chart, 'storefront', { image: IMAGE, host: 'shop.example.com', ...props });
  return Testing.synth(chart);
}

describe('PlatformDefaults precedence: construct props > Chart > App', () => {
  test('the App sets, the Chart overrides, the construct overrides both', () => {
    // GIVEN
    const app = { ingressClassName: 'app-class', ingressControllerNamespace: 'app-ingress', resources: ResourcePreset.LARGE, labels: { 'acme.com/team': 'platform', 'acme.com/cost-centre': 'cc-1' } };
    const chart = { ingressClassName: 'chart-class', labels: { 'acme.com/team': 'shop' } };
    // WHEN
    const fromApp = synth(app);
    const fromChart = synth(app, chart);
    const fromProps = synth(app, chart, { ingressClassName: 'own-class', resources: ResourcePreset.XSMALL, labels: { 'acme.com/team': 'checkout' } });
    // THEN
    expect(oneOf(fromApp, 'Ingress').spec.ingressClassName).toBe('app-class');
    expect(oneOf(fromChart, 'Ingress').spec.ingressClassName).toBe('chart-class');
    expect(oneOf(fromProps, 'Ingress').spec.ingressClassName).toBe('own-class');
    expect(containerOf(oneOf(fromChart, 'Deployment')).resources.requests.cpu).toBe('1');
    expect(containerOf(oneOf(fromProps, 'Deployment')).resources.requests.cpu).toBe('50m');
    expect(oneOf(fromApp, 'Service').metadata.labels).toMatchObject({ 'acme.com/team': 'platform', 'acme.com/cost-centre': 'cc-1' });
    expect(oneOf(fromChart, 'Service').metadata.labels).toMatchObject({ 'acme.com/team': 'shop', 'acme.com/cost-centre': 'cc-1' });
    expect(oneOf(fromProps, 'Service').metadata.labels).toMatchObject({ 'acme.com/team': 'checkout', 'acme.com/cost-centre': 'cc-1' });
    expect(oneOf(fromApp, 'NetworkPolicy').spec.ingress[0].from[0].namespaceSelector.matchLabels).toEqual({ 'kubernetes.io/metadata.name': 'app-ingress' });
  });

  test('of() resolves what is in force at a construct, and set() twice merges', () => {
    const app = Testing.app();
    PlatformDefaults.set(app, { ingressClassName: 'a', priorityClassName: 'p' });
    PlatformDefaults.set(app, { ingressClassName: 'b' });
    const chart = new Chart(app, 'c');
    PlatformDefaults.set(chart, { priorityClassName: 'q', ingressClassName: undefined });
    const inner = new Construct(chart, 'inner');
    expect(PlatformDefaults.of(inner)).toEqual({ ingressClassName: 'b', priorityClassName: 'q', labels: undefined });
    expect(PlatformDefaults.of(app)).toEqual({ ingressClassName: 'b', priorityClassName: 'p', labels: undefined });
  });
});

describe('each platform default', () => {
  test('TLS from the platform: a cert-manager issuer', () => {
    const ingress = oneOf(synth({ tls: IngressTls.certManagerClusterIssuer('acme-prod') }), 'Ingress');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'acme-prod' });
  });

  test('a priority class on every pod', () => {
    const pod = oneOf(synth({ priorityClassName: 'business-critical' }), 'Deployment').spec.template.spec;
    expect(pod.priorityClassName).toBe('business-critical');
  });

  test('allowed registries refuse an image from elsewhere, at a path boundary', () => {
    expect(() => synth({ allowedRegistries: ['ghcr.io/acme', 'registry.acme.com'] }, {}, { image: 'docker.io/library/nginx:1.27.3' })).toThrow(
      "[shop/storefront] image: the image is not from an allowed registry (ghcr.io/acme, registry.acme.com), got 'docker.io/library/nginx:1.27.3'; push the image to an allowed registry, or ask the platform team to allow this one");
    expect(() => synth({ allowedRegistries: ['ghcr.io/acme'] }, {}, { image: 'ghcr.io/acmecorp/web:1.0.0' })).toThrow(/not from an allowed registry/);
    expect(() => synth({ allowedRegistries: ['ghcr.io/acme/'] })).not.toThrow();
  });

  test('CPU limits off: no CPU limit, and the reason acknowledged on the Deployment', () => {
    const docs = synth({ cpuLimits: CpuLimits.disabled('latency-sensitive services are throttled by CFS quotas') });
    const deployment = oneOf(docs, 'Deployment');
    expect(containerOf(deployment).resources.limits).toEqual({ 'memory': '256Mi', 'ephemeral-storage': '256Mi' });
    expect(deployment.metadata.annotations['ack.cdk8s-golden.io/cpu-limit']).toBe('the platform runs without CPU limits: latency-sensitive services are throttled by CFS quotas');
    expect(findings(docs)).toEqual([]);
  });

  test('SecurityPreset.PLATFORM_ASSIGNED: no fixed IDs, still non-root and restricted', () => {
    const docs = synth({ securityPreset: SecurityPreset.PLATFORM_ASSIGNED });
    const deployment = oneOf(docs, 'Deployment');
    expect(deployment.spec.template.spec.securityContext).toEqual({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(containerOf(deployment).securityContext).toEqual({ allowPrivilegeEscalation: false, privileged: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } });
    expect(deployment.metadata.annotations['ack.cdk8s-golden.io/run-as-user']).toBe('the platform assigns user and group IDs (SecurityPreset.PLATFORM_ASSIGNED)');
    expect(findings(docs)).toEqual([]);
  });

  test('SecurityPreset.PLATFORM_ASSIGNED yields to IDs a workload sets itself', () => {
    const pod = oneOf(synth({ securityPreset: SecurityPreset.PLATFORM_ASSIGNED }, {}, { security: { runAsUser: 20000 } }), 'Deployment').spec.template.spec;
    expect(pod.securityContext).toMatchObject({ runAsUser: 20000, runAsGroup: 10001, fsGroup: 10001 });
  });

  const presets: Array<[string, PlatformDefaultsProps]> = [
    ['nothing set', {}],
    ['SecurityPreset.RESTRICTED', { securityPreset: SecurityPreset.RESTRICTED }],
    ['SecurityPreset.PLATFORM_ASSIGNED', { securityPreset: SecurityPreset.PLATFORM_ASSIGNED }],
    ['CpuLimits.ENABLED', { cpuLimits: CpuLimits.ENABLED }],
    ['CpuLimits.disabled', { cpuLimits: CpuLimits.disabled('no CFS throttling for the checkout path') }],
    ['a priority class', { priorityClassName: 'high' }],
    ['every resource preset', { resources: ResourcePreset.MEDIUM }],
    ['an existing TLS secret', { tls: IngressTls.existingSecret('wildcard-acme-com') }],
    ['labels', { labels: { 'acme.com/team': 'shop', 'acme.com/cost-centre': 'cc-42' } }],
    ['a Gateway', { gateway: { name: 'public', namespace: 'gateways', sectionName: 'https' } }],
    ['a Gateway with its data plane elsewhere', { gateway: { name: 'public', namespace: 'gateways', controllerNamespace: 'envoy-gateway-system' }, tls: IngressTls.existingSecret('unused') }],
    ['monitoring with the Prometheus Operator', { monitoring: { namespace: 'monitoring', prometheusOperator: true, monitorLabels: { release: 'kps' } } }],
  ];

  test.each(presets)('with %s the output passes every guardrail rule and the 1.30 schema', (_name, defaults) => {
    const docs = synth(defaults);
    expect(findings(docs)).toEqual([]);
    expect(allSchemaErrors(docs)).toEqual([]);
  });
});

describe('the platform DNS', () => {
  test('every workload\'s NetworkPolicy allows DNS egress to the platform\'s DNS, set once at App scope', () => {
    // GIVEN / WHEN
    const docs = synth({ dns: ClusterDns.ipBlock('169.254.20.10/32') });
    // THEN
    expect(oneOf(docs, 'NetworkPolicy').spec.egress).toEqual([{
      to: [{ ipBlock: { cidr: '169.254.20.10/32' } }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }],
    }]);
    expect(findings(docs)).toEqual([]);
  });

  test('a Chart overrides the App\'s DNS; without either, kube-dns in kube-system', () => {
    // GIVEN / WHEN
    const fromChart = synth({ dns: ClusterDns.ipBlock('169.254.20.10/32') }, { dns: ClusterDns.OPENSHIFT });
    const byDefault = synth({});
    // THEN
    expect(oneOf(fromChart, 'NetworkPolicy').spec.egress[0]).toEqual({
      to: [{
        namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'openshift-dns' } },
        podSelector: { matchLabels: { 'dns.operator.openshift.io/daemonset-dns': 'default' } },
      }],
      ports: [{ port: 5353, protocol: 'UDP' }, { port: 5353, protocol: 'TCP' }],
    });
    expect(oneOf(byDefault, 'NetworkPolicy').spec.egress[0].to[0].podSelector).toEqual({ matchLabels: { 'k8s-app': 'kube-dns' } });
  });

  test('a bad DNS is refused where the platform sets it', () => {
    // GIVEN / WHEN / THEN
    expect(() => PlatformDefaults.set(Testing.app(), { dns: ClusterDns.ipBlock('169.254.20.10') })).toThrow(
      "[<app>] PlatformDefaults.dns.cidr: must be a CIDR block, got '169.254.20.10'; use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'");
    expect(() => PlatformDefaults.set(Testing.app(), { dns: 'kube-dns' as any })).toThrow(
      "[<app>] PlatformDefaults.dns: must be a ClusterDns, got 'kube-dns'; use ClusterDns.KUBE_DNS, ClusterDns.OPENSHIFT, ClusterDns.pods(...) or ClusterDns.ipBlock('169.254.20.10/32')");
  });
});

describe('the platform API server', () => {
  test('a bad address is refused where the platform sets it', () => {
    // GIVEN / WHEN / THEN
    expect(() => PlatformDefaults.set(Testing.app(), { apiServer: { cidrs: ['10.0.0.10'], port: 443 } })).toThrow(
      "[<app>] PlatformDefaults.apiServer.cidrs[0]: must be a CIDR block, got '10.0.0.10'; use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'");
    expect(() => PlatformDefaults.set(Testing.app(), { apiServer: { cidrs: ['10.0.0.10/32'], port: 0 } })).toThrow(
      '[<app>] PlatformDefaults.apiServer.port: must be a whole number from 1 to 65535, got 0; set PlatformDefaults.apiServer.port to a whole number from 1 to 65535');
  });
});

describe('PlatformDefaults refuses bad input', () => {
  test('defaults on a scope that is neither an App nor a Chart', () => {
    const construct = new Construct(Testing.chart(), 'team');
    expect(() => PlatformDefaults.set(construct, {})).toThrow(
      "[test/team] PlatformDefaults.set: platform defaults are set on an App or a Chart, got 'Construct'; call it with the App or a Chart");
  });

  test('defaults that are not an object', () => {
    expect(() => PlatformDefaults.set(Testing.app(), 'nginx' as any)).toThrow(
      "[<app>] PlatformDefaults.set: needs the defaults as an object, got 'nginx'; pass { ingressClassName: …, … }");
  });

  test('registries that are not a list of prefixes', () => {
    expect(() => synth({ allowedRegistries: 'ghcr.io' as any })).toThrow(
      "[<app>] PlatformDefaults.allowedRegistries: must be a non-empty list of registry prefixes without spaces, got 'ghcr.io'; use prefixes such as ['ghcr.io/acme', 'registry.acme.com']");
  });

  test.each(['system-node-critical', 'system-cluster-critical'])('the priority class %p, kept for the cluster\'s own components', (name) => {
    expect(() => PlatformDefaults.set(Testing.app(), { priorityClassName: name })).toThrow(
      `[<app>] PlatformDefaults.priorityClassName: is a class Kubernetes keeps for the cluster's own components: their pods preempt every other pod and are evicted last, got '${name}'; `
      + "create a PriorityClass for the platform's workloads and name it here");
  });

  test('invalid platform labels, named as such', () => {
    expect(() => synth({ labels: { team: 'shop team' } })).toThrow(
      "[<app>] PlatformDefaults.labels.team: must be a valid label value, got 'shop team'; use at most 63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit");
  });
});

describe('the platform monitoring', () => {
  test('is refused where the platform sets it, before any construct reads it', () => {
    // GIVEN
    const app = Testing.app();
    // WHEN / THEN
    expect(() => PlatformDefaults.set(app, { monitoring: { namespace: 'Monitoring' } })).toThrow(new Error(
      "[<app>] PlatformDefaults.monitoring.namespace: must be a namespace name (a DNS label of at most 63 characters), got 'Monitoring'; use lower-case letters, digits and '-', such as 'payments'"));
  });

  test('a Chart\'s monitoring replaces the App\'s', () => {
    // GIVEN
    const app = Testing.app();
    PlatformDefaults.set(app, { monitoring: { namespace: 'monitoring', prometheusOperator: true } });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    PlatformDefaults.set(chart, { monitoring: { namespace: 'team-prometheus' } });
    // WHEN
    new WebService(chart, 'web', { image: 'ghcr.io/acme/web:1.0.0', metrics: { port: 9090 } });
    const docs = Testing.synth(chart);
    // THEN the chart's Prometheus is let in, and it reads annotations (no ServiceMonitor)
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'team-prometheus' } } }]);
    expect(docs.map((d) => d.kind)).not.toContain('ServiceMonitor');
  });
});

describe('the platform Gateway', () => {
  test('is refused where the platform sets it, before any construct reads it', () => {
    // GIVEN
    const app = Testing.app();
    // WHEN / THEN
    expect(() => PlatformDefaults.set(app, { gateway: { name: 'public', namespace: 'Gateways' } })).toThrow(new Error(
      "[<app>] PlatformDefaults.gateway.namespace: must be a namespace name (a DNS label of at most 63 characters), got 'Gateways'; use lower-case letters, digits and '-', such as 'payments'"));
    expect(() => PlatformDefaults.set(app, { gateway: 'public' as any })).toThrow(new Error(
      "[<app>] PlatformDefaults.gateway: must name the platform's Gateway, got 'public'; pass { name: 'public', namespace: 'gateway-system' }"));
  });

  test('switches every exposed WebService of its scope to an HTTPRoute', () => {
    // GIVEN / WHEN
    const docs = synth({ gateway: { name: 'public', namespace: 'gateways' } });
    // THEN
    expect(docs.map((d) => d.kind)).toContain('HTTPRoute');
    expect(docs.map((d) => d.kind)).not.toContain('Ingress');
  });
});
