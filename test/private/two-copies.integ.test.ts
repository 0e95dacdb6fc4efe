import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// Two installed copies of the built library, laid out as npm lays out an app whose platform
// profile package depends on another version of cdk8s-golden:
//
//   node_modules/cdk8s-golden/                         the app's copy (lib/ of this repository)
//   node_modules/acme-profile/index.js                 the platform team's profile package
//   node_modules/acme-profile/node_modules/cdk8s-golden/   the profile's own copy (lib/ again)
//   node_modules/{cdk8s,constructs,cdk8s-plus-30}      peers, installed once (links to ours)
//
// The profile copy sets PlatformDefaults on the App and makes values (a resource preset, probes,
// TLS, DNS, a traffic strategy…); the app's copy builds the workloads with them in a plain `node`
// process. Every value and default must be honoured: nothing is recognised by `instanceof` or
// kept in module state of one copy. test/private/brand.test.ts proves the same in-process with
// jest.isolateModules; this test needs lib/ (`npx projen compile`), so it is in the integration
// layer.

const REPO = path.join(__dirname, '..', '..');

function copyLibrary(to: string): void {
  fs.mkdirSync(to, { recursive: true });
  fs.copyFileSync(path.join(REPO, 'package.json'), path.join(to, 'package.json'));
  fs.cpSync(path.join(REPO, 'lib'), path.join(to, 'lib'), { recursive: true });
}

function link(modules: string, name: string): void {
  fs.mkdirSync(path.dirname(path.join(modules, name)), { recursive: true });
  fs.symlinkSync(path.join(REPO, 'node_modules', name), path.join(modules, name), 'dir');
}

const PROFILE = `
const golden = require('cdk8s-golden');
exports.useAcmePlatform = (app) => golden.PlatformDefaults.set(app, {
  resources: golden.ResourcePreset.LARGE,
  tls: golden.IngressTls.existingSecret('wildcard-tls'),
  dns: golden.ClusterDns.ipBlock('169.254.20.10/32'),
  apiServer: { cidrs: ['10.0.0.10/32'], port: 443 },
  labels: { 'acme.com/team': 'platform' },
});
exports.probes = { readinessProbe: golden.HealthCheck.httpGet('/ready'), livenessProbe: golden.HealthCheck.httpGet('/alive') };
exports.strategy = golden.TrafficStrategy.ingressNginx();
exports.quota = golden.NamespaceQuota.LARGE;
exports.configMaps = golden.ApiResource.CONFIG_MAPS;
exports.copy = golden;
`;

const APP = `
const { App, Chart } = require('cdk8s');
const golden = require('cdk8s-golden');
const profile = require('acme-profile');
const app = new App({ outdir: process.argv[2] });
profile.useAcmePlatform(app);
const chart = new Chart(app, 'shop', { namespace: 'shop' });
new golden.SecureNamespace(chart, 'ns', { name: 'shop', quota: profile.quota });
const web = new golden.WebService(chart, 'web', { image: 'ghcr.io/acme/web:1.0.0', host: 'shop.example.com', ...profile.probes });
web.grantRead(profile.configMaps, { names: ['web-settings'] });
new golden.CanaryRelease(chart, 'orders', {
  stable: { image: 'ghcr.io/acme/orders:1.0.0' },
  canary: { image: 'ghcr.io/acme/orders:1.1.0', weight: 10 },
  host: 'orders.example.com',
  strategy: profile.strategy,
});
const docs = chart.toJson();
console.log(JSON.stringify({ twoCopies: profile.copy.WebService !== golden.WebService, docs }));
`;

describe('two installed copies of the library', () => {
  let work: string;
  beforeAll(() => {
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-golden-copies-'));
    const modules = path.join(work, 'node_modules');
    copyLibrary(path.join(modules, 'cdk8s-golden'));
    copyLibrary(path.join(modules, 'acme-profile', 'node_modules', 'cdk8s-golden'));
    fs.writeFileSync(path.join(modules, 'acme-profile', 'package.json'), JSON.stringify({ name: 'acme-profile', version: '1.0.0', main: 'index.js' }));
    fs.writeFileSync(path.join(modules, 'acme-profile', 'index.js'), PROFILE);
    for (const name of ['cdk8s', 'constructs', 'cdk8s-plus-30', 'js-yaml', 'yaml']) {
      link(modules, name);
    }
    fs.writeFileSync(path.join(work, 'main.js'), APP);
  });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test("the app's copy honours the profile copy's PlatformDefaults and values", () => {
    // WHEN
    const result = spawnSync(process.execPath, ['main.js', path.join(work, 'dist')], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    // THEN
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const { twoCopies, docs } = JSON.parse(result.stdout);
    expect(twoCopies).toBe(true);
    const named = (kind: string, name: string) => docs.find((d: any) => d.kind === kind && d.metadata.name === name);
    const web = named('Deployment', 'web');
    const container = web.spec.template.spec.containers[0];
    expect(container.resources.requests.cpu).toBe('1');
    expect(container.readinessProbe.httpGet.path).toBe('/ready');
    expect(container.livenessProbe.httpGet.path).toBe('/alive');
    expect(web.metadata.labels['acme.com/team']).toBe('platform');
    expect(named('Ingress', 'web').spec.tls[0].secretName).toBe('wildcard-tls');
    const egress = named('NetworkPolicy', 'web').spec.egress;
    expect(egress[0].to).toEqual([{ ipBlock: { cidr: '169.254.20.10/32' } }]);
    expect(egress).toContainEqual({ to: [{ ipBlock: { cidr: '10.0.0.10/32' } }], ports: [{ port: 443, protocol: 'TCP' }] });
    expect(named('Role', 'web').rules).toEqual([{ apiGroups: [''], resources: ['configmaps'], resourceNames: ['web-settings'], verbs: ['get'] }]);
    expect(docs.find((d: any) => d.kind === 'ResourceQuota').spec.hard.pods).toBe('200');
    expect(named('Ingress', 'orders-canary').metadata.annotations['nginx.ingress.kubernetes.io/canary-weight']).toBe('10');
  }, 120_000);
});
