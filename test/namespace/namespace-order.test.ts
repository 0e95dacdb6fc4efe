import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, Chart, YamlOutputType } from 'cdk8s';
import { parseAllDocuments } from 'yaml';
import { GoldenApp, SecureNamespace, WebService } from '../../src';

const IMAGE = 'ghcr.io/acme/storefront:2.0.1';
const outdirs: string[] = [];
afterAll(() => outdirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

function outdir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'namespace-order-'));
  outdirs.push(dir);
  return dir;
}

/** Every object of dist/, in the order `kubectl apply -f dist/` reads them: files in lexical order, objects in file order. */
function applyOrder(dir: string): Array<{ file: string; kind: string; name: string; namespace?: string }> {
  return fs.readdirSync(dir).filter((f) => f.endsWith('.yaml')).sort().flatMap((file) =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((d) => d.toJSON()).filter((d) => d)
      .map((d: any) => ({ file, kind: d.kind, name: d.metadata.name, namespace: d.metadata.namespace })));
}

/** The objects kubectl would send to namespace `namespace` before its Namespace exists. */
function beforeTheirNamespace(dir: string, namespace: string): string[] {
  const objects = applyOrder(dir);
  const created = objects.findIndex((o) => o.kind === 'Namespace' && o.name === namespace);
  if (created === -1) {
    throw new Error(`no Namespace ${namespace} in ${objects.map((o) => o.file).join(', ')}`);
  }
  return objects.slice(0, created).filter((o) => o.namespace === namespace).map((o) => `${o.file}: ${o.kind}/${o.name}`);
}

/** An app chart whose file sorts before the namespace chart's, and a hand-written object in it. */
function appWithNamespaceChartLast(app: App): void {
  const shop = new Chart(app, 'app', { namespace: 'shop' });
  new WebService(shop, 'storefront', { image: IMAGE, host: 'shop.example.com' });
  new ApiObject(shop, 'settings', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
  const platform = new Chart(app, 'zz-namespaces');
  new SecureNamespace(platform, 'shop', { name: 'shop' });
}

describe('namespaces first: kubectl apply -f dist/ on an empty cluster', () => {
  test.each([
    ['App', (dir: string) => new App({ outdir: dir })],
    ['GoldenApp', (dir: string) => new GoldenApp({ outdir: dir })],
  ])('%s: the chart of a SecureNamespace is written before the charts of its objects, whatever their names', (_, makeApp) => {
    // GIVEN
    const dir = outdir();
    const app = makeApp(dir);
    appWithNamespaceChartLast(app);
    // WHEN
    app.synth();
    // THEN
    expect(beforeTheirNamespace(dir, 'shop')).toEqual([]);
    expect(fs.readdirSync(dir).sort()).toEqual(['0000-zz-namespaces.k8s.yaml', '0001-app.k8s.yaml']);
  });

  test('the GoldenApp output stays byte-identical to the App output', () => {
    // GIVEN
    const [a, b] = [outdir(), outdir()];
    const plain = new App({ outdir: a });
    const golden = new GoldenApp({ outdir: b });
    appWithNamespaceChartLast(plain);
    appWithNamespaceChartLast(golden);
    // WHEN
    plain.synth();
    golden.synth();
    // THEN
    const files = fs.readdirSync(a).sort();
    expect(fs.readdirSync(b).sort()).toEqual(files);
    for (const file of files) {
      expect(fs.readFileSync(path.join(b, file), 'utf8')).toEqual(fs.readFileSync(path.join(a, file), 'utf8'));
    }
  });

  test('one file for the app: the Namespace comes first too (synthYaml as well)', () => {
    // GIVEN
    const dir = outdir();
    const app = new App({ outdir: dir, yamlOutputType: YamlOutputType.FILE_PER_APP });
    appWithNamespaceChartLast(app);
    // WHEN
    app.synth();
    // THEN
    expect(beforeTheirNamespace(dir, 'shop')).toEqual([]);
    const docs = parseAllDocuments(app.synthYaml()).map((d) => d.toJSON());
    expect(docs[0]).toMatchObject({ kind: 'Namespace', metadata: { name: 'shop' } });
  });

  test('in one chart, objects created before the SecureNamespace still come after its Namespace', () => {
    // GIVEN
    const dir = outdir();
    const app = new App({ outdir: dir });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new WebService(chart, 'storefront', { image: IMAGE });
    new SecureNamespace(chart, 'namespace', { name: 'shop' });
    // WHEN
    app.synth();
    // THEN
    expect(beforeTheirNamespace(dir, 'shop')).toEqual([]);
    expect(applyOrder(dir).map((o) => `${o.kind}/${o.name}`).slice(0, 2)).toEqual(['Namespace/shop', 'ServiceAccount/storefront']);
  });

  test('charts in other namespaces are left alone: no dependency, no file prefix', () => {
    // GIVEN
    const dir = outdir();
    const app = new App({ outdir: dir });
    new WebService(new Chart(app, 'app', { namespace: 'payments' }), 'ledger', { image: IMAGE, host: 'pay.example.com' });
    new SecureNamespace(new Chart(app, 'zz-namespaces'), 'shop', { name: 'shop' });
    // WHEN
    app.synth();
    // THEN
    expect(fs.readdirSync(dir).sort()).toEqual(['app.k8s.yaml', 'zz-namespaces.k8s.yaml']);
  });

  test('refuses a chart nested in the SecureNamespace\'s chart with objects in the namespace (cdk8s writes it first)', () => {
    // GIVEN
    const app = new App({ outdir: outdir() });
    const platform = new Chart(app, 'platform');
    new SecureNamespace(platform, 'shop', { name: 'shop' });
    new WebService(new Chart(platform, 'app', { namespace: 'shop' }), 'storefront', { image: IMAGE, host: 'shop.example.com' });
    // WHEN / THEN
    expect(() => app.synth()).toThrow(new Error(
      "[platform/shop] name: the chart platform/app inside this SecureNamespace's chart puts objects in namespace 'shop', but cdk8s writes a chart after "
      + "the charts inside it, so they would come before the Namespace, got 'platform/app'; put the SecureNamespace in a chart of its own (or in the chart of those objects)"));
  });
});
