import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { Exposure } from '../../src/network/exposure';
import { ExposureOptions } from '../../src/network/exposure-options';
import { createIngress, ResolvedExposure, resolveExposure } from '../../src/network/ingress';
import { IngressTls } from '../../src/platform/ingress-tls';
import { PlatformDefaults, PlatformDefaultsProps } from '../../src/platform/platform-defaults';
import { WebService } from '../../src/web-service';
import { oneOf } from '../util/manifests';
import { allSchemaErrors } from '../util/schema';

const HOST = 'shop.example.com';
const NAME_FIX = "use lower-case letters, digits, '-' and '.', such as 'app-secrets'";
const HOST_FIX = "use a lower-case DNS name such as 'shop.example.com' (no scheme, port or path)";
const NAMESPACE_PROBLEM = 'must be a namespace name (a DNS label of at most 63 characters)';
const NAMESPACE_FIX = "use lower-case letters, digits and '-', such as 'payments'";
const HOSTLESS_FIX = 'set `host` or remove this prop';
const ISSUER = { 'cert-manager.io/cluster-issuer': 'letsencrypt' };

/** The scope `shop/web` in a chart with a namespace, with platform defaults on the App and the Chart. */
function webScope(appDefaults?: PlatformDefaultsProps, chartDefaults?: PlatformDefaultsProps): Construct {
  const app: App = Testing.app();
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  if (appDefaults !== undefined) {
    PlatformDefaults.set(app, appDefaults);
  }
  if (chartDefaults !== undefined) {
    PlatformDefaults.set(chart, chartDefaults);
  }
  return new Construct(chart, 'web');
}

function resolve(props: ExposureOptions, appDefaults?: PlatformDefaultsProps, chartDefaults?: PlatformDefaultsProps): ResolvedExposure {
  return resolveExposure(webScope(appDefaults, chartDefaults), 'storefront', props);
}

describe('resolveExposure defaults', () => {
  test('without host: no Ingress settings but the controller namespace, and nothing resolved for TLS', () => {
    // GIVEN / WHEN
    const exposure = resolve({});
    // THEN
    expect(exposure).toEqual({
      controllerNamespace: 'ingress-nginx',
      host: undefined,
      hosts: [],
      paths: ['/'],
      ingressClassName: 'nginx',
      tlsSecretName: 'storefront-tls',
      tlsAnnotations: {},
      annotations: {},
    });
  });

  test('with host: the nginx class, a cert-manager ClusterIssuer into `<name>-tls`, no extra annotations', () => {
    // GIVEN / WHEN
    const exposure = resolve({ host: HOST });
    // THEN
    expect(exposure).toEqual({
      controllerNamespace: 'ingress-nginx',
      host: HOST,
      hosts: [HOST],
      paths: ['/'],
      ingressClassName: 'nginx',
      tlsSecretName: 'storefront-tls',
      tlsAnnotations: ISSUER,
      annotations: {},
    });
  });

  test.each(['*.example.com', 'a.b', 'xn--bcher-kva.example', '0.example.com', `${'a'.repeat(63)}.example.com`])('accepts the host %p', (host) => {
    // GIVEN / WHEN
    const exposure = resolve({ host });
    // THEN
    expect(exposure.host).toBe(host);
  });

  test('passes extra annotations through, checked', () => {
    // GIVEN
    const ingressAnnotations = { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m', 'example': '' };
    // WHEN
    const exposure = resolve({ host: HOST, ingressAnnotations });
    // THEN
    expect(exposure.annotations).toEqual(ingressAnnotations);
    expect(exposure.tlsAnnotations).toEqual(ISSUER);
  });

  test('with an existing Secret, no cert-manager annotation', () => {
    // GIVEN / WHEN
    const exposure = resolve({ host: HOST, tls: IngressTls.existingSecret('wildcard-example-com') });
    // THEN
    expect([exposure.tlsSecretName, exposure.tlsAnnotations]).toEqual(['wildcard-example-com', {}]);
  });
});

describe('resolveExposure precedence: props > Chart defaults > App defaults > library defaults', () => {
  const pick = (e: ResolvedExposure) => [e.controllerNamespace, e.ingressClassName, e.tlsSecretName, e.tlsAnnotations];
  const APP: PlatformDefaultsProps = { ingressControllerNamespace: 'app-ingress', ingressClassName: 'app-class', tls: IngressTls.certManagerClusterIssuer('app-issuer') };
  const CHART: PlatformDefaultsProps = { ingressControllerNamespace: 'chart-ingress', ingressClassName: 'chart-class', tls: IngressTls.certManagerIssuer('chart-issuer', 'chart-cert') };
  const PROPS: ExposureOptions = { host: HOST, ingressControllerNamespace: 'props-ingress', ingressClassName: 'props-class', tls: IngressTls.existingSecret('props-cert') };

  test.each<[string, ExposureOptions, PlatformDefaultsProps | undefined, PlatformDefaultsProps | undefined, unknown[]]>([
    ['nothing set: library defaults', { host: HOST }, undefined, undefined, ['ingress-nginx', 'nginx', 'storefront-tls', ISSUER]],
    ['App defaults', { host: HOST }, APP, undefined, ['app-ingress', 'app-class', 'storefront-tls', { 'cert-manager.io/cluster-issuer': 'app-issuer' }]],
    ['Chart defaults alone', { host: HOST }, undefined, CHART, ['chart-ingress', 'chart-class', 'chart-cert', { 'cert-manager.io/issuer': 'chart-issuer' }]],
    ['Chart over App', { host: HOST }, APP, CHART, ['chart-ingress', 'chart-class', 'chart-cert', { 'cert-manager.io/issuer': 'chart-issuer' }]],
    ['props over Chart and App', PROPS, APP, CHART, ['props-ingress', 'props-class', 'props-cert', {}]],
    ['props over library defaults', PROPS, undefined, undefined, ['props-ingress', 'props-class', 'props-cert', {}]],
  ])('%s', (_name, props, app, chart, expected) => {
    // GIVEN / WHEN
    const exposure = resolve(props, app, chart);
    // THEN
    expect(pick(exposure)).toEqual(expected);
  });

  test('field by field: a Chart default of one field leaves the App default of the others', () => {
    // GIVEN / WHEN
    const exposure = resolve({ host: HOST }, APP, { ingressClassName: 'chart-class' });
    // THEN
    expect(pick(exposure)).toEqual(['app-ingress', 'chart-class', 'storefront-tls', { 'cert-manager.io/cluster-issuer': 'app-issuer' }]);
  });

  test('a prop left undefined falls back to the platform default', () => {
    // GIVEN / WHEN
    const exposure = resolve({ host: HOST, ingressClassName: undefined, tls: undefined, ingressControllerNamespace: undefined }, APP);
    // THEN
    expect(pick(exposure)).toEqual(['app-ingress', 'app-class', 'storefront-tls', { 'cert-manager.io/cluster-issuer': 'app-issuer' }]);
  });

  test('without host, platform Ingress defaults are no error (they apply to other services), and TLS is not resolved', () => {
    // GIVEN / WHEN
    const exposure = resolve({}, APP, { tls: IngressTls.existingSecret('chart-cert') });
    // THEN
    expect(pick(exposure)).toEqual(['app-ingress', 'app-class', 'storefront-tls', {}]);
    expect(exposure.host).toBeUndefined();
  });

  test('a WebService reads the defaults of its App and Chart', () => {
    // GIVEN
    const app = Testing.app();
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    PlatformDefaults.set(app, APP);
    PlatformDefaults.set(chart, { ingressClassName: 'chart-class' });
    // WHEN
    new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: HOST });
    // THEN
    const docs = Testing.synth(chart);
    const ingress = oneOf(docs, 'Ingress');
    expect(ingress.spec.ingressClassName).toBe('chart-class');
    expect(ingress.metadata.annotations).toEqual({ 'cert-manager.io/cluster-issuer': 'app-issuer' });
    expect(oneOf(docs, 'NetworkPolicy').spec.ingress[0].from).toEqual([{ namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': 'app-ingress' } } }]);
  });
});

describe('resolveExposure refuses', () => {
  const refused: Array<[string, ExposureOptions, PlatformDefaultsProps | undefined, string]> = [
    // Ingress props without an Ingress.
    ['ingressClassName without host', { ingressClassName: 'nginx' }, undefined,
      `[shop/web] ingressClassName: only applies to an Ingress, and there is none without \`host\`, got 'nginx'; ${HOSTLESS_FIX}`],
    ['tls without host', { tls: IngressTls.existingSecret('web-tls') }, undefined,
      `[shop/web] tls: only applies to an Ingress, and there is none without \`host\`, got 'an IngressTls'; ${HOSTLESS_FIX}`],
    ['ingressAnnotations without host', { ingressAnnotations: { 'nginx.ingress.kubernetes.io/proxy-body-size': '8m' } }, undefined,
      `[shop/web] ingressAnnotations: only applies to an Ingress, and there is none without \`host\`, got {"nginx.ingress.kubernetes.io/proxy-body-size":"8m"}; ${HOSTLESS_FIX}`],
    ['empty ingressAnnotations without host', { ingressAnnotations: {} }, undefined,
      `[shop/web] ingressAnnotations: only applies to an Ingress, and there is none without \`host\`, got {}; ${HOSTLESS_FIX}`],
    ['a null ingressClassName without host', { ingressClassName: null as any }, undefined,
      `[shop/web] ingressClassName: only applies to an Ingress, and there is none without \`host\`, got null; ${HOSTLESS_FIX}`],
    ['the first of several Ingress props without host', { ingressAnnotations: {}, tls: IngressTls.existingSecret('x'), ingressClassName: 'nginx' }, undefined,
      `[shop/web] ingressClassName: only applies to an Ingress, and there is none without \`host\`, got 'nginx'; ${HOSTLESS_FIX}`],
    // The host.
    ['an empty host', { host: '' }, undefined, `[shop/web] host: must be a DNS name, got ''; ${HOST_FIX}`],
    ['a null host', { host: null as any }, undefined, `[shop/web] host: must be a DNS name, got null; ${HOST_FIX}`],
    ['a number host', { host: 42 as any }, undefined, `[shop/web] host: must be a DNS name, got 42; ${HOST_FIX}`],
    ['an upper-case host', { host: 'Shop.example.com' }, undefined, `[shop/web] host: must be a DNS name, got 'Shop.example.com'; ${HOST_FIX}`],
    ['a URL', { host: 'https://shop.example.com' }, undefined, `[shop/web] host: must be a DNS name, got 'https://shop.example.com'; ${HOST_FIX}`],
    ['a host with a port', { host: 'shop.example.com:443' }, undefined, `[shop/web] host: must be a DNS name, got 'shop.example.com:443'; ${HOST_FIX}`],
    ['a host with a path', { host: 'shop.example.com/api' }, undefined, `[shop/web] host: must be a DNS name, got 'shop.example.com/api'; ${HOST_FIX}`],
    ['a single-label host', { host: 'localhost' }, undefined, `[shop/web] host: must be a DNS name, got 'localhost'; ${HOST_FIX}`],
    ['an IP address', { host: '203.0.113.10' }, undefined, `[shop/web] host: must be a DNS name, got '203.0.113.10'; ${HOST_FIX}`],
    ['a wildcard in the middle', { host: 'shop.*.example.com' }, undefined, `[shop/web] host: must be a DNS name, got 'shop.*.example.com'; ${HOST_FIX}`],
    ['a trailing dot', { host: 'shop.example.com.' }, undefined, `[shop/web] host: must be a DNS name, got 'shop.example.com.'; ${HOST_FIX}`],
    ['a label of 64 characters', { host: `${'a'.repeat(64)}.example.com` }, undefined,
      `[shop/web] host: must be a DNS name, got '${'a'.repeat(64)}.example.com'; ${HOST_FIX}`],
    // The controller namespace and the class.
    ['an invalid controller namespace prop', { ingressControllerNamespace: 'Ingress_Nginx' }, undefined,
      `[shop/web] ingressControllerNamespace: ${NAMESPACE_PROBLEM}, got 'Ingress_Nginx'; ${NAMESPACE_FIX}`],
    ['an empty controller namespace prop, before the host-less check', { ingressControllerNamespace: '', ingressClassName: 'nginx' }, undefined,
      `[shop/web] ingressControllerNamespace: ${NAMESPACE_PROBLEM}, got ''; ${NAMESPACE_FIX}`],
    ['an invalid controller namespace default', { host: HOST }, { ingressControllerNamespace: 'ingress nginx' },
      `[shop/web] ingressControllerNamespace: ${NAMESPACE_PROBLEM}, got 'ingress nginx'; ${NAMESPACE_FIX}`],
    ['an invalid class prop', { host: HOST, ingressClassName: 'Nginx' }, undefined,
      `[shop/web] ingressClassName: must be the name of an object (a DNS subdomain), got 'Nginx'; ${NAME_FIX}`],
    ['a number class prop', { host: HOST, ingressClassName: 1 as any }, undefined,
      `[shop/web] ingressClassName: must be the name of an object (a DNS subdomain), got 1; ${NAME_FIX}`],
    ['an invalid class default, even without host', {}, { ingressClassName: 'nginx/internal' },
      `[shop/web] ingressClassName: must be the name of an object (a DNS subdomain), got 'nginx/internal'; ${NAME_FIX}`],
    // TLS.
    ['a tls prop that is no IngressTls', { host: HOST, tls: 'letsencrypt' as any }, undefined,
      "[shop/web] tls: must be an IngressTls, got 'letsencrypt'; use IngressTls.certManagerClusterIssuer('letsencrypt') or IngressTls.existingSecret('name')"],
    ['a tls lookalike object', { host: HOST, tls: { secretName: 'x' } as any }, undefined,
      "[shop/web] tls: must be an IngressTls, got {\"secretName\":\"x\"}; use IngressTls.certManagerClusterIssuer('letsencrypt') or IngressTls.existingSecret('name')"],
    ['a tls default that is no IngressTls, refused where the platform sets it', {}, { tls: 'letsencrypt' as any },
      "[shop] PlatformDefaults.tls: must be an IngressTls, got 'letsencrypt'; use IngressTls.certManagerClusterIssuer('…') or IngressTls.existingSecret('…')"],
    ['an invalid issuer', { host: HOST, tls: IngressTls.certManagerClusterIssuer('') }, undefined,
      "[shop/web] tls.issuerName: must name a cert-manager issuer, got ''; pass the issuer's name, such as 'letsencrypt'"],
    ['an invalid Secret name in the defaults', { host: HOST }, { tls: IngressTls.existingSecret('Web_TLS') },
      `[shop/web] tls.secretName: must be the name of an object (a DNS subdomain), got 'Web_TLS'; ${NAME_FIX}`],
    // Extra annotations.
    ['annotations that are no map', { host: HOST, ingressAnnotations: 'proxy-body-size=8m' as any }, undefined,
      "[shop/web] ingressAnnotations: must be a map of strings to strings, got 'proxy-body-size=8m'; pass an object such as { key: 'value' }"],
    ['annotations as a list', { host: HOST, ingressAnnotations: ['a'] as any }, undefined,
      "[shop/web] ingressAnnotations: must be a map of strings to strings, got [\"a\"]; pass an object such as { key: 'value' }"],
    ['null annotations', { host: HOST, ingressAnnotations: null as any }, undefined,
      "[shop/web] ingressAnnotations: must be a map of strings to strings, got null; pass an object such as { key: 'value' }"],
    ['a number annotation value', { host: HOST, ingressAnnotations: { 'nginx.ingress.kubernetes.io/proxy-read-timeout': 60 as any } }, undefined,
      '[shop/web] ingressAnnotations.nginx.ingress.kubernetes.io/proxy-read-timeout: must be a string, got 60; quote the value (Kubernetes labels, annotations and env values are strings)'],
    ['an invalid annotation key', { host: HOST, ingressAnnotations: { 'proxy body size': '8m' } }, undefined,
      "[shop/web] ingressAnnotations: has a key that is not a valid annotation key, got 'proxy body size'; use an optional DNS prefix and a name of at most 63 characters, such as 'prometheus.io/scrape'"],
  ];

  test.each(refused)('%s', (_name, props, chartDefaults, message) => {
    // GIVEN / WHEN / THEN (a default of the wrong type is refused already where the platform sets it)
    expect(() => resolveExposure(webScope(undefined, chartDefaults), 'storefront', props)).toThrow(new Error(message));
  });

  // A namespace name is a DNS label: a dotted or 64-character name would end up as a
  // `kubernetes.io/metadata.name` selector value that matches no namespace.
  test.each([
    ['ingress.nginx', "'ingress.nginx'"],
    ['a'.repeat(64), `'${'a'.repeat(64)}'`],
    [42, '42'],
  ])('refuses the controller namespace %p, which no namespace can have', (namespace, shown) => {
    // GIVEN
    const scope = webScope();
    // WHEN / THEN
    expect(() => resolveExposure(scope, 'storefront', { ingressControllerNamespace: namespace as any })).toThrow(new Error(
      `[shop/web] ingressControllerNamespace: ${NAMESPACE_PROBLEM}, got ${shown}; ${NAMESPACE_FIX}`));
  });

  test('accepts a controller namespace of 63 characters', () => {
    // GIVEN / WHEN
    const exposure = resolve({ ingressControllerNamespace: 'a'.repeat(63) });
    // THEN
    expect(exposure.controllerNamespace).toBe('a'.repeat(63));
  });
});

describe('createIngress', () => {
  function ingressOf(exposure: ResolvedExposure, annotations: Record<string, string>): any {
    const chart = new Chart(Testing.app(), 'shop', { namespace: 'shop' });
    createIngress(chart, 'Ingress', exposure, { name: 'storefront', labels: { 'app.kubernetes.io/name': 'storefront' }, annotations, serviceName: 'storefront-svc', portName: 'http' });
    const docs = Testing.synth(chart);
    expect(allSchemaErrors(docs)).toEqual([]);
    return oneOf(docs, 'Ingress');
  }

  test('one host, `/` by prefix to the Service port by name, with TLS for the host', () => {
    // GIVEN
    const exposure = resolve({ host: HOST, ingressClassName: 'internal' });
    // WHEN
    const ingress = ingressOf(exposure, { ...exposure.tlsAnnotations, a: 'b' });
    // THEN
    expect(ingress).toMatchSnapshot();
    expect(ingress.apiVersion).toBe('networking.k8s.io/v1');
    expect(ingress.metadata).toEqual({
      name: 'storefront', namespace: 'shop', labels: { 'app.kubernetes.io/name': 'storefront' }, annotations: { ...ISSUER, a: 'b' },
    });
    expect(ingress.spec).toEqual({
      ingressClassName: 'internal',
      tls: [{ hosts: [HOST], secretName: 'storefront-tls' }],
      rules: [{
        host: HOST,
        http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'storefront-svc', port: { name: 'http' } } } }] },
      }],
    });
  });

  test('no annotations: no annotations field', () => {
    // GIVEN
    const exposure = resolve({ host: HOST, tls: IngressTls.existingSecret('wildcard') });
    // WHEN
    const ingress = ingressOf(exposure, {});
    // THEN
    expect(ingress.metadata.annotations).toBeUndefined();
    expect(ingress.spec.tls).toEqual([{ hosts: [HOST], secretName: 'wildcard' }]);
  });

  test('uses the hosts it is given, for the rule and the certificate', () => {
    // GIVEN
    const exposure = resolve({ host: '*.example.com' });
    // WHEN
    const ingress = ingressOf(exposure, {});
    // THEN
    expect(ingress.spec.rules[0].host).toBe('*.example.com');
    expect(ingress.spec.tls[0].hosts).toEqual(['*.example.com']);
  });

  test('more hosts and paths: one rule per host, every path on each, one certificate for all hosts', () => {
    // GIVEN
    const exposure = resolve({ host: HOST, hosts: ['www.example.com'], paths: ['/api', '/static'] });
    // WHEN
    const ingress = ingressOf(exposure, {});
    // THEN
    const paths = ['/api', '/static'].map((path) => ({ path, pathType: 'Prefix', backend: { service: { name: 'storefront-svc', port: { name: 'http' } } } }));
    expect(ingress.spec.rules).toEqual([{ host: HOST, http: { paths } }, { host: 'www.example.com', http: { paths } }]);
    expect(ingress.spec.tls).toEqual([{ hosts: [HOST, 'www.example.com'], secretName: 'storefront-tls' }]);
  });

  test('returns the KubeIngress under the given id', () => {
    // GIVEN
    const chart = Testing.chart();
    // WHEN
    const ingress = createIngress(chart, 'Public', resolve({ host: HOST }), { name: 'web', labels: {}, annotations: {}, serviceName: 'web', portName: 'http' });
    // THEN
    expect(ingress.node.path).toBe('test/Public');
    expect(ingress.name).toBe('web');
  });
});

describe('resolveExposure with a platform Gateway', () => {
  const gateway = { name: 'public', namespace: 'gateways', sectionName: 'https' };

  test('exposes through the Gateway: its namespace is let in, no TLS is resolved', () => {
    // GIVEN / WHEN
    const exposure = resolve({ host: HOST }, { gateway, tls: IngressTls.certManagerClusterIssuer('letsencrypt') });
    // THEN
    expect(exposure.gateway).toEqual(gateway);
    expect(exposure.controllerNamespace).toBe('gateways');
    expect(exposure.hosts).toEqual([HOST]);
    expect(exposure.tlsAnnotations).toEqual({});
  });

  test('Exposure.INGRESS, or a strategy that needs an Ingress, keeps the Ingress', () => {
    // GIVEN / WHEN
    const chosen = resolve({ host: HOST, exposure: Exposure.INGRESS }, { gateway });
    const needed = resolveExposure(webScope({ gateway }), 'storefront', { host: HOST }, 'ingress-nginx');
    // THEN
    for (const exposure of [chosen, needed]) {
      expect(exposure.gateway).toBeUndefined();
      expect(exposure.controllerNamespace).toBe('ingress-nginx');
      expect(exposure.tlsAnnotations).toEqual(ISSUER);
    }
  });

  test('a strategy that needs an Ingress refuses Exposure.GATEWAY', () => {
    expect(() => resolveExposure(webScope({ gateway }), 'storefront', { host: HOST, exposure: Exposure.GATEWAY }, 'ingress-nginx')).toThrow(new Error(
      "[shop/web] exposure: cannot be the Gateway: ingress-nginx routes through an Ingress, got 'Exposure.GATEWAY'; "
      + 'use TrafficStrategy.gatewayApi() to route through the Gateway, or remove `exposure`'));
  });

  test('a Chart declares the Gateway for its own services', () => {
    expect(resolve({ host: HOST }, undefined, { gateway }).gateway).toEqual(gateway);
    expect(resolve({ host: HOST }, { gateway }, {}).gateway).toEqual(gateway);
    expect(resolve({ host: HOST }).gateway).toBeUndefined();
  });
});
