import { App } from 'cdk8s';
import fc from 'fast-check';
import {
  annotations, deploymentSelectors, dnsLabel, dropUndefined, expectHardenedOrRefused, expectRefused, externalWiring, host, image,
  namespaceName, referenceName, scale, synthApp, TIMEOUT_MS, tls, wire, Wiring, workloadMutation, workloadOptions, namespaced, Mutation,
  badReference, badText, notAString, notAnObject, mutation,
  applyMutation,
  BUDGET,
  testValidOutput, pathPrefix, platformGateway,
} from './arbitraries';
import { Exposure, IngressTls, PlatformDefaults, PlatformGateway, WebService, WebServiceProps } from '../../src';

/** Valid WebService props: every option, present or not; Ingress options only with a host. */
const webServiceProps: fc.Arbitrary<WebServiceProps> = fc.record({
  name: fc.option(dnsLabel(63), { nil: undefined }),
  image,
  scale,
  options: workloadOptions(),
  host: fc.option(host, { nil: undefined }),
  hosts: fc.option(fc.uniqueArray(host, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  paths: fc.option(fc.uniqueArray(pathPrefix, { minLength: 1, maxLength: 3 }), { nil: undefined }),
  exposure: fc.record({
    ingressClassName: referenceName,
    ingressControllerNamespace: namespaceName,
    tls,
    ingressAnnotations: annotations,
  }, { requiredKeys: [] }),
}).map(({ name, image: img, scale: s, options, host: h, hosts: hs, paths, exposure }) => {
  const more = hs?.filter((x) => x !== h);
  const exposed = h !== undefined || (more !== undefined && more.length > 0);
  return dropUndefined({
    ...options,
    ...s,
    name,
    image: img,
    host: h,
    hosts: more !== undefined && more.length > 0 ? more : undefined,
    paths: exposed ? paths : undefined,
    ingressControllerNamespace: exposure.ingressControllerNamespace,
    ...(exposed ? { ingressClassName: exposure.ingressClassName, tls: exposure.tls, ingressAnnotations: exposure.ingressAnnotations } : {}),
  });
});

/** The same props exposed through a platform Gateway: no Ingress props. */
const gatewayProps: fc.Arbitrary<[WebServiceProps, PlatformGateway]> = fc.tuple(webServiceProps, platformGateway).map(([props, gateway]) => {
  const { ingressClassName, ingressControllerNamespace, tls: t, ingressAnnotations, ...rest } = props;
  return [rest, gateway];
});

function build(app: App, props: WebServiceProps, wiring: Wiring[] = [], gateway?: PlatformGateway): WebService {
  if (gateway !== undefined) {
    PlatformDefaults.set(app, { gateway });
  }
  const web = new WebService(namespaced(app), 'storefront', props);
  wire(web, wiring);
  return web;
}

describe('WebService, generated valid props', () => {
  testValidOutput(fc.tuple(webServiceProps, externalWiring), (app, [props, wiring]) => build(app, props, wiring), {
    hardened: 'the output passes every guardrail rule, the Kubernetes 1.30 schema and the API server\'s own checks',
    deterministic: 'the same props synthesize byte-identical YAML in two fresh apps',
  });

  test('the Deployment selector depends only on the name: name and instance, whatever the other props', () => {
    fc.assert(fc.property(fc.option(dnsLabel(63), { nil: undefined }), webServiceProps, webServiceProps, (name, a, b) => {
      const selector = (props: WebServiceProps) => {
        const app = new App();
        build(app, { ...props, name });
        return deploymentSelectors(synthApp(app));
      };
      const expected = name ?? 'storefront';
      const first = selector(a);
      expect(first).toEqual({ [expected]: { matchLabels: { 'app.kubernetes.io/name': expected, 'app.kubernetes.io/instance': expected } } });
      expect(selector(b)).toEqual(first);
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

describe('WebService through a platform Gateway, generated valid props', () => {
  testValidOutput(fc.tuple(gatewayProps, externalWiring), (app, [[props, gateway], wiring]) => build(app, props, wiring, gateway), {
    hardened: 'the output (an HTTPRoute where exposed, never an Ingress) passes every guardrail rule, the 1.30 and Gateway API schemas and the API server\'s own checks',
    deterministic: 'the same props and Gateway synthesize byte-identical YAML in two fresh apps',
  });

  test('an exposed service has one HTTPRoute to the Gateway with every host and path, and no Ingress', () => {
    fc.assert(fc.property(gatewayProps, ([props, gateway]) => {
      const app = new App();
      const web = build(app, props, [], gateway);
      const docs = synthApp(app);
      const routes = docs.filter((d) => d.kind === 'HTTPRoute');
      expect(docs.filter((d) => d.kind === 'Ingress')).toEqual([]);
      expect(routes).toHaveLength(web.hosts.length === 0 ? 0 : 1);
      if (routes.length === 1) {
        expect(routes[0].spec.hostnames).toEqual(web.hosts);
        expect(routes[0].spec.parentRefs[0]).toEqual(dropUndefined({ group: 'gateway.networking.k8s.io', kind: 'Gateway', ...gateway, controllerNamespace: undefined }));
        expect(routes[0].spec.rules[0].matches.map((m: any) => m.path.value)).toEqual(props.paths ?? ['/']);
      }
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

/** Invalid values of the exposure props. */
const exposureMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation('host', fc.oneof(notAString.filter((v) => v !== undefined), badText,
    fc.constantFrom('http://shop.example.com', 'shop.example.com:443', 'shop.example.com/path', 'localhost', '1.2.3.4', 'SHOP.example.com', '*.x', 'a..com', '*', '*.', '.example.com'))),
  mutation('ingressClassName', fc.oneof(notAString.filter((v) => v !== undefined), badReference)),
  mutation('ingressControllerNamespace', fc.oneof(notAString.filter((v) => v !== undefined), badReference)),
  mutation('tls', fc.oneof(notAnObject, fc.constant({}), fc.constantFrom(
    () => IngressTls.certManagerClusterIssuer(''), () => IngressTls.certManagerClusterIssuer('Bad Issuer'), () => IngressTls.certManagerIssuer(undefined as any),
    () => IngressTls.existingSecret(''), () => IngressTls.existingSecret(undefined as any), () => IngressTls.certManagerClusterIssuer('ok', 'Bad_Secret'),
  ).map((f) => f()))),
  mutation('ingressAnnotations', fc.oneof(notAnObject, fc.constantFrom({ 'bad key!': 'x' }, { k: 5 }, { '': 'x' }))),
  mutation('hosts', fc.constantFrom('shop.example.com', [], ['http://shop.example.com'], ['a.example.com', 'a.example.com'], [5], null)),
  mutation('paths', fc.constantFrom('/', [], ['api'], ['/api/'], ['/a', '/a'], ['/a?b'], ['/a/../b'], ['//a'], [7], null)),
  mutation('exposure', fc.constantFrom('gateway', {}, { kind: 'gateway' }, Exposure.GATEWAY)),
);

describe('WebService, generated invalid props', () => {
  test('one field out of its domain: refused with the construct path, the field, the value and the fix; no YAML written', () => {
    const anyMutation = fc.oneof({ weight: 4, arbitrary: workloadMutation }, { weight: 1, arbitrary: exposureMutation });
    fc.assert(fc.property(webServiceProps, fc.boolean(), anyMutation,
      (props, withHost, m) => {
        const base: any = { ...props, host: withHost ? props.host ?? 'shop.example.com' : props.host };
        // A replica count conflicts with autoscaling; drop the other one so that the mutated field is what is wrong.
        const message = expectRefused((app) => build(app, applyMutation(base, m)));
        expect(message).toContain(m.hint);
      }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('props that are not an object, and a missing image, are refused', () => {
    fc.assert(fc.property(fc.constantFrom(undefined, null, 'storefront', 42, true, [], Symbol('p')), (props) => {
      expectRefused((app) => build(app, props as any));
    }), { numRuns: 20 });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid values: the output is hardened, or the synth is refused in the library\'s format', () => {
    const mutations = fc.array(fc.oneof(workloadMutation, exposureMutation), { maxLength: 3 });
    fc.assert(fc.property(webServiceProps, externalWiring, mutations, (props, wiring, ms) => {
      let mixed: any = { ...props };
      for (const m of ms) mixed = applyMutation(mixed, m);
      expectHardenedOrRefused((app) => build(app, mixed, wiring));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
