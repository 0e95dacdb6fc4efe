import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, Chart, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { loadAll } from 'js-yaml';
import { byKind, grantingApp, oneOf } from './util/manifests';
import { RolloutChart } from '../examples/canary-rollout/main';
import { GatewayShopChart } from '../examples/gateway-api/main';
import { PaymentsChart, ShopChart } from '../examples/internal-apis/main';
import { TeamChart, TeamNamespaceChart, useAcmePlatform } from '../examples/platform-profile/acme-platform';
import { StorefrontChart } from '../examples/web-service/main';
import { CanaryRelease, InternalApi, NamespaceQuota, SecureNamespace, TrafficStrategy, WebService } from '../src';

// What GitOps (Argo CD, Flux) needs from the output, see docs/gitops.md:
// 1. nothing generated or time-dependent: each example app synthesizes byte-identical YAML at
//    another time and with another Math.random (and, in gitops.integ.test.ts, from two processes
//    in another time zone, locale and environment);
// 2. no name carries a random or construct-path suffix; the only hash in a name is a content hash
//    (ConfigMaps), which changes with the content and only with it;
// 3. names are stable: renaming a chart or a parent construct, or nesting it one level deeper,
//    changes no object (only the name of the chart's file).

/** The charts of examples/internal-apis, under any scope and chart ids. */
function buildApis(scope: Construct, id = 'shop'): Chart[] {
  const payments = new PaymentsChart(scope, `${id}-payments`);
  return [payments, new ShopChart(scope, id, payments)];
}

/** The charts of examples/platform-profile (its buildApp), under any scope and chart ids. */
function buildPlatform(app: App, scope: Construct = app, prefix = ''): Chart[] {
  useAcmePlatform(app);
  const namespace = new TeamNamespaceChart(scope, `${prefix}checkout-namespace`, { team: 'checkout', costCentre: 'cc-4711' });
  const checkout = new TeamChart(scope, `${prefix}checkout`, namespace);
  new WebService(checkout, 'checkout-web', {
    image: 'registry.acme.com/checkout/web:5.3.0',
    host: 'checkout.acme.com',
    autoscaling: { maxReplicas: 6 },
  });
  return [namespace, checkout];
}

function names(docs: any[]): string[] {
  return docs.map((d) => `${d.kind}/${d.metadata.name}`);
}

describe('nothing generated or time-dependent', () => {
  test('byte-identical YAML in one process at another date and with another Math.random', () => {
    const synth = (now: string, random: number): string => {
      jest.useFakeTimers({ now: new Date(now) });
      const spy = jest.spyOn(Math, 'random').mockReturnValue(random);
      try {
        const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-golden-gitops-')) });
        new StorefrontChart(app, 'shop');
        buildPlatform(app);
        const yaml = app.synthYaml();
        fs.rmSync(app.outdir, { recursive: true, force: true });
        return yaml;
      } finally {
        spy.mockRestore();
        jest.useRealTimers();
      }
    };
    expect(synth('2031-12-31T23:59:59Z', 0.99)).toEqual(synth('1999-01-01T00:00:00Z', 0.01));
  });

  test('no timestamp, and no construct-path hash or random suffix in any name', () => {
    // every example, each in its own app (several of them use namespace shop)
    const docs = [
      ...Testing.synth(new StorefrontChart(Testing.app(), 'shop')),
      ...Testing.synth(new RolloutChart(Testing.app(), 'shop')),
      ...buildApis(Testing.app()).flatMap((c) => Testing.synth(c)),
      ...buildPlatform(Testing.app()).flatMap((c) => Testing.synth(c)),
    ];
    const text = JSON.stringify(docs);

    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}/); // ISO dates and times
    expect(text).not.toMatch(/creationTimestamp|generation|resourceVersion|"uid"/);
    expect(text).not.toContain('cdk8s.io/metadata.addr');
    for (const doc of docs) {
      const name: string = doc.metadata.name;
      // cdk8s's default names end in '-c8' and 6 hex digits of the construct path
      expect(name).not.toMatch(/-c8[0-9a-f]{6}$/);
      // a hash suffix only on ConfigMaps, as `-config-<10 hex digits of the content>`
      if (/[0-9a-f]{8,}$/.test(name)) {
        expect(`${doc.kind}/${name}`).toMatch(/^ConfigMap\/[a-z0-9-]+-config-[0-9a-f]{10}$/);
      }
    }
  });

  test("a ConfigMap's hash is the content's: the same content the same name, other content another name", () => {
    const configMapName = (config: Record<string, string>, id = 'shop'): string => {
      const chart = new Chart(Testing.app(), id, { namespace: 'shop' });
      new WebService(chart, 'web', { image: 'ghcr.io/acme/web:1.0.0', config });
      return oneOf(Testing.synth(chart), 'ConfigMap').metadata.name;
    };
    const name = configMapName({ 'a.yaml': 'x: 1\n' });
    expect(name).toMatch(/^web-config-[0-9a-f]{10}$/);
    expect(configMapName({ 'a.yaml': 'x: 1\n' }, 'renamed-chart')).toBe(name);
    expect(configMapName({ 'a.yaml': 'x: 2\n' })).not.toBe(name);
  });
});

describe('defaulted fields are written out (docs/gitops.md)', () => {
  test('HTTPRoute: every field the Gateway API CRD defaults is in the output', () => {
    // GIVEN the canary example (Gateway API strategy with a canary header)
    const route = oneOf(Testing.synth(new RolloutChart(Testing.app(), 'shop')), 'HTTPRoute');
    // THEN
    expect(route.apiVersion).toBe('gateway.networking.k8s.io/v1');
    for (const parent of route.spec.parentRefs) {
      expect(parent).toMatchObject({ group: 'gateway.networking.k8s.io', kind: 'Gateway' });
    }
    expect(route.spec.rules.length).toBeGreaterThan(1);
    for (const rule of route.spec.rules) {
      expect(rule.matches.length).toBeGreaterThan(0);
      for (const match of rule.matches) {
        expect(match.path).toEqual({ type: 'PathPrefix', value: '/' });
        for (const header of match.headers ?? []) expect(header.type).toBe('Exact');
      }
      for (const backend of rule.backendRefs) {
        expect(Object.keys(backend).sort()).toEqual(['group', 'kind', 'name', 'port', 'weight']);
        expect(backend).toMatchObject({ group: '', kind: 'Service' });
      }
    }
  });

  test('cluster-scoped objects carry no namespace, whatever the chart has', () => {
    const docs = buildPlatform(Testing.app()).flatMap((c) => Testing.synth(c));
    expect(oneOf(docs, 'Namespace').metadata.namespace).toBeUndefined();
  });
});

describe('names are stable when a parent is renamed or nested deeper', () => {
  /** The same construct under another chart id, one wrapper construct deeper. */
  const renamed = (app: App): Construct => new Construct(app, 'platform-team-reorg');

  test.each([
    ['web-service', (scope: Construct, id: string) => [new StorefrontChart(scope, id)]],
    ['canary-rollout', (scope: Construct, id: string) => [new RolloutChart(scope, id)]],
    ['gateway-api', (scope: Construct, id: string) => [new GatewayShopChart(scope, id)]],
    ['internal-apis', (scope: Construct, id: string) => buildApis(scope, id)],
  ] as const)('examples/%s: the same objects under another chart id and parent', (_name, build) => {
    // GIVEN
    const before = build(Testing.app(), 'shop').flatMap((c) => Testing.synth(c));
    // WHEN
    const after = build(renamed(Testing.app()), 'shop-v2').flatMap((c) => Testing.synth(c));
    // THEN
    expect(after).toEqual(before);
    expect(before.length).toBeGreaterThan(5);
  });

  test('examples/platform-profile: the same objects under other chart ids and a parent', () => {
    const before = buildPlatform(Testing.app()).flatMap((c) => Testing.synth(c));
    const app = Testing.app();
    expect(buildPlatform(app, renamed(app), 'renamed-').flatMap((c) => Testing.synth(c))).toEqual(before);
  });

  test('every construct: the same objects one wrapper construct deeper', () => {
    const build = (wrap: boolean) => {
      const app = grantingApp();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const platform = new Chart(app, 'platform');
      let folders = 0;
      const parent = (scope: Construct) => (wrap ? new Construct(scope, `moved-into-folder-${++folders}`) : scope);
      const web = new WebService(parent(chart), 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: 'shop.example.com', config: { a: 'b' } });
      const api = new InternalApi(parent(chart), 'orders', { image: 'ghcr.io/acme/orders:1.4.2' });
      api.allowFrom(web);
      api.grantReadConfigMap('flags');
      new CanaryRelease(parent(chart), 'checkout', {
        stable: { image: 'ghcr.io/acme/checkout:1.0.0' },
        canary: { image: 'ghcr.io/acme/checkout:1.1.0', weight: 10 },
        host: 'checkout.example.com',
        strategy: TrafficStrategy.gatewayApi({ gatewayName: 'public', gatewayNamespace: 'gateways' }),
      });
      new SecureNamespace(parent(platform), 'shop', { name: 'shop', quota: NamespaceQuota.LARGE });
      return [...Testing.synth(chart), ...Testing.synth(platform)];
    };
    const before = build(false);
    expect(build(true)).toEqual(before);
    expect(names(byKind(before, 'Deployment'))).toEqual(['Deployment/storefront', 'Deployment/orders', 'Deployment/checkout-stable', 'Deployment/checkout-canary']);
  });

  test('the chart id names only the file: <chart id>.k8s.yaml', () => {
    const files = (id: string) => {
      const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-golden-gitops-')) });
      new StorefrontChart(app, id);
      app.synth();
      const out = fs.readdirSync(app.outdir).map((f) => [f, loadAll(fs.readFileSync(path.join(app.outdir, f), 'utf8'))]);
      fs.rmSync(app.outdir, { recursive: true, force: true });
      return out;
    };
    const [[beforeFile, beforeDocs]] = files('shop');
    const [[afterFile, afterDocs]] = files('storefront');
    expect([beforeFile, afterFile]).toEqual(['shop.k8s.yaml', 'storefront.k8s.yaml']);
    expect(afterDocs).toEqual(beforeDocs);
  });
});
