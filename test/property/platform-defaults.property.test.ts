import { App, Chart } from 'cdk8s';
import fc from 'fast-check';
import {
  badReference, badText, BUDGET, expectHardenedOrRefused, expectRefused, HUGE_QUOTA, imagePair, mutation, Mutation, notAnObject,
  notAString, platformDefaults, registryOf, synthApp, TIMEOUT_MS,
  testValidOutput,
} from './arbitraries';
import {
  CanaryRelease, ClusterDns, InternalApi, NetworkPeer, PlatformDefaults, PlatformDefaultsProps, SecureNamespace, TrafficStrategy, WebService,
} from '../../src';

/** Every construct of the library under App and Chart defaults (construct props set nothing the defaults set). */
function build(app: App, appDefaults: PlatformDefaultsProps, chartDefaults: PlatformDefaultsProps, images: [string, string],
  withNamespace: boolean): void {
  PlatformDefaults.set(app, appDefaults);
  const chart = new Chart(app, 'shop', { namespace: 'shop' });
  PlatformDefaults.set(chart, chartDefaults);
  if (withNamespace) new SecureNamespace(new Chart(app, 'platform'), 'ns', { name: 'shop', quota: HUGE_QUOTA });
  const web = new WebService(chart, 'storefront', { image: images[0], host: 'shop.example.com' });
  const api = new InternalApi(chart, 'orders', { image: images[1] });
  api.allowFrom(web);
  const release = new CanaryRelease(chart, 'checkout', {
    stable: { image: images[0] }, canary: { image: images[1], weight: 20 }, host: 'checkout.example.com', strategy: TrafficStrategy.ingressNginx(),
  });
  release.allowTo(api);
  new CanaryRelease(chart, 'search', { stable: { image: images[1] }, strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public' }) })
    .allowFrom(NetworkPeer.namespace('gateways'));
}

/** Two images of one registry, and App and Chart defaults that allow it. */
const setting = imagePair.chain((images) => {
  const registry = registryOf(images[0]);
  return fc.record({
    images: fc.constant(images),
    app: platformDefaults(registry),
    chart: platformDefaults(registry),
    withNamespace: fc.boolean(),
  });
});

describe('PlatformDefaults, generated valid presets at App and Chart scope', () => {
  testValidOutput(setting, (app, s) => build(app, s.app, s.chart, s.images, s.withNamespace), {
    hardened: 'every construct\'s output passes every guardrail rule, the schema and the API server\'s own checks',
    deterministic: 'the same presets synthesize byte-identical YAML in two fresh apps',
  });

  test('the Deployment selectors do not depend on the presets', () => {
    fc.assert(fc.property(setting, setting, (a, b) => {
      const selectors = (s: typeof a) => {
        const app = new App();
        build(app, s.app, s.chart, s.images, false);
        return synthApp(app).filter((d) => d.kind === 'Deployment').map((d) => [d.metadata.name, d.spec.selector]);
      };
      expect(selectors(b)).toEqual(selectors(a));
    }), { numRuns: BUDGET.selectors() });
  }, TIMEOUT_MS);
});

/** Invalid values of each platform default. */
const platformMutation: fc.Arbitrary<Mutation> = fc.oneof(
  mutation('ingressClassName', fc.oneof(notAString.filter((v) => v !== undefined), badReference)),
  mutation('ingressControllerNamespace', fc.oneof(notAString.filter((v) => v !== undefined), badReference)),
  mutation('tls', fc.oneof(notAnObject, fc.constant({}))),
  // Labels of the wrong type included (defect 8).
  mutation('labels', fc.constantFrom({ 'bad key!': 'x' }, { k: 'bad value!' }, { k: 5 }, { 'app.kubernetes.io/name': 'x' }, 'fast', ['team-a'], 42, true), 'labels'),
  mutation('resources', fc.oneof(notAnObject, fc.constant({}))),
  mutation('allowedRegistries', fc.oneof(fc.constantFrom('ghcr.io/acme', [''], [' '], [5], [null], {}, ['registry.elsewhere.io']))),
  mutation('dns', fc.oneof(notAnObject, fc.constant({}), fc.constantFrom(ClusterDns.ipBlock('169.254.20.10'), ClusterDns.pods('kube-system', {}),
    ClusterDns.pods('Kube_System', { app: 'dns' }), ClusterDns.ipBlock('169.254.20.10/32', [])))),
  mutation('apiServer', fc.oneof(notAnObject, fc.constantFrom({}, { cidrs: [], port: 443 }, { cidrs: ['10.0.0.10'], port: 443 },
    { cidrs: ['10.0.0.10/32'], port: 0 }, { cidrs: '10.0.0.10/32', port: 443 }))),
  mutation('priorityClassName', fc.oneof(notAString.filter((v) => v !== undefined), badText.filter((s) => s.length < 254 && /[^a-z0-9.-]|^$|^[.-]|[.-]$|\.\./.test(s)))),
);

describe('PlatformDefaults, generated invalid presets', () => {
  test('one default out of its domain: refused with the construct path, the field, the value and the fix; no YAML written', () => {
    fc.assert(fc.property(setting, fc.boolean(), platformMutation, (s, atChart, m) => {
      // A Chart value overrides the App's: an invalid App value is judged where the Chart does not override it.
      const chart: any = { ...s.chart };
      if (!atChart) delete chart[m.field];
      const appDefaults = atChart ? s.app : { ...s.app, [m.field]: m.value };
      const chartDefaults = atChart ? { ...chart, [m.field]: m.value } : chart;
      const message = expectRefused((app) => build(app, appDefaults, chartDefaults, s.images, false));
      expect(message).toMatch(new RegExp(`${m.hint}|image`));
    }), { numRuns: BUDGET.invalid() });
  }, TIMEOUT_MS);

  test('defaults set on something that is not an App or a Chart, or that are not an object, are refused', () => {
    fc.assert(fc.property(fc.constantFrom(undefined, null, 'x', 5, Symbol('d')), fc.boolean(), (defaults, onConstruct) => {
      expectRefused((app) => {
        const chart = new Chart(app, 'shop');
        const target = onConstruct ? new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' }) : chart;
        PlatformDefaults.set(target, onConstruct ? {} : defaults as any);
      });
    }), { numRuns: 30 });
  }, TIMEOUT_MS);

  test('any mix of valid and invalid defaults: the output is hardened, or the synth is refused in the library\'s format', () => {
    fc.assert(fc.property(setting, fc.array(fc.tuple(fc.boolean(), platformMutation), { maxLength: 3 }), (s, ms) => {
      const app: any = { ...s.app };
      const chart: any = { ...s.chart };
      for (const [atChart, m] of ms) (atChart ? chart : app)[m.field] = m.value;
      expectHardenedOrRefused((a) => build(a, app, chart, s.images, s.withNamespace));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
