import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ApiObject, App, AppProps, Chart, Lazy, Yaml, YamlOutputType } from 'cdk8s';
import { Construct } from 'constructs';
import * as fc from 'fast-check';
import { buildApp as buildInternalApisApp } from '../examples/internal-apis/main';
import { StorefrontChart } from '../examples/web-service/main';
import { GoldenApp, Guardrails, InternalApi, NetworkPeer, WebService } from '../src';
import { isSurelyPlain, stringifyDocuments } from '../src/private/yaml-emitter';

const OUTPUT_TYPES = [
  YamlOutputType.FILE_PER_APP,
  YamlOutputType.FILE_PER_CHART,
  YamlOutputType.FILE_PER_RESOURCE,
  YamlOutputType.FOLDER_PER_CHART_FILE_PER_RESOURCE,
];

const tmpDirs: string[] = [];
afterAll(() => {
  for (const dir of tmpDirs) {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function tmpDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-app-'));
  tmpDirs.push(dir);
  return dir;
}

/** Every file below `dir`, as relative path => content, in listing order. */
function readTree(dir: string): Array<[string, string]> {
  const files: Array<[string, string]> = [];
  const walk = (rel: string) => {
    for (const entry of fs.readdirSync(path.join(dir, rel), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const relPath = path.join(rel, entry.name);
      if (entry.isDirectory()) {
        files.push([`${relPath}/`, '']);
        walk(relPath);
      } else {
        files.push([relPath, fs.readFileSync(path.join(dir, relPath), 'utf8')]);
      }
    }
  };
  walk('');
  return files;
}

type Build = (app: App) => void;

/** The files an app writes, or the error its synth throws. */
function outcome(app: App, build: Build): { files: Array<[string, string]>; error?: string } {
  build(app);
  try {
    app.synth();
    return { files: readTree(app.outdir) };
  } catch (e) {
    return { files: readTree(app.outdir), error: (e as Error).message };
  }
}

/** Synthesizes the same app with `App` and with `GoldenApp` into two folders; returns both trees. */
function synthBoth(build: Build, props: AppProps = {}) {
  const plain = new App({ ...props, outdir: tmpDir() });
  build(plain);
  plain.synth();
  const golden = new GoldenApp({ ...props, outdir: tmpDir() });
  build(golden);
  golden.synth();
  return { expected: readTree(plain.outdir), actual: readTree(golden.outdir) };
}

/** Asserts GoldenApp writes byte-identical files for every output type, and the same synthYaml. */
function expectIdentical(build: Build, props: AppProps = {}) {
  for (const yamlOutputType of OUTPUT_TYPES) {
    const { expected, actual } = synthBoth(build, { ...props, yamlOutputType });
    expect({ yamlOutputType, files: actual }).toEqual({ yamlOutputType, files: expected });
  }
  const plain = new App({ outdir: tmpDir() });
  build(plain);
  const golden = new GoldenApp({ outdir: tmpDir() });
  build(golden);
  expect(golden.synthYaml()).toEqual(plain.synthYaml());
}

/** A chart with one plain ApiObject. */
function configChart(scope: Construct, id: string): Chart {
  const chart = new Chart(scope, id);
  new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { id } });
  return chart;
}

/** A chart with an InternalApi that admits the monitoring namespace. */
function apiChart(scope: Construct, id: string): { chart: Chart; api: InternalApi } {
  const chart = new Chart(scope, id, { namespace: id });
  const api = new InternalApi(chart, 'api', { image: `ghcr.io/acme/${id}:1.0.0` });
  api.allowFrom(NetworkPeer.namespace('monitoring'));
  return { chart, api };
}

describe('GoldenApp writes byte-identical output to App', () => {
  test('on the web-service example', () => {
    // GIVEN the example's chart
    const build: Build = (app) => { new StorefrontChart(app, 'shop'); };
    // WHEN / THEN every output type and synthYaml match App
    expectIdentical(build);
  });

  test('on the internal-apis example (two charts, a cross-chart allowTo)', () => {
    // GIVEN the example's two charts
    const build: Build = (app) => { buildInternalApisApp(app); };
    // WHEN
    const { expected, actual } = synthBoth(build);
    // THEN the files are the example's (indexed names: shop depends on payments) and match App
    expect(actual.map(([name]) => name)).toEqual(expected.map(([name]) => name));
    expect(actual).toEqual(expected);
    expectIdentical(build);
  });

  test('on an empty app', () => {
    // GIVEN an app without charts
    const build: Build = () => undefined;
    // WHEN / THEN no file for any output type, an empty synthYaml, like App
    for (const yamlOutputType of OUTPUT_TYPES) {
      const { expected, actual } = synthBoth(build, { yamlOutputType });
      expect(actual).toEqual([]);
      expect(actual).toEqual(expected);
    }
    expect(new GoldenApp({ outdir: tmpDir() }).synthYaml()).toEqual(new App({ outdir: tmpDir() }).synthYaml());
  });

  test('with explicit chart dependencies (chartA.addDependency(chartB)), written in dependency order', () => {
    // GIVEN three charts declared in reverse dependency order
    const build: Build = (app) => {
      const a = configChart(app, 'a');
      const b = configChart(app, 'b');
      const c = configChart(app, 'c');
      a.addDependency(b);
      b.addDependency(c);
    };
    // WHEN
    const { expected, actual } = synthBoth(build);
    // THEN indexed file names in dependency order, same as App
    expect(actual.map(([name]) => name)).toEqual(['0000-c.k8s.yaml', '0001-b.k8s.yaml', '0002-a.k8s.yaml']);
    expect(actual).toEqual(expected);
    expectIdentical(build);
  });

  test('with construct dependencies across charts, including ApiObjects within a chart', () => {
    // GIVEN an object in one chart depending on a construct of another, and objects ordered in a chart
    const build: Build = (app) => {
      const { chart: orders, api } = apiChart(app, 'orders');
      const shop = new Chart(app, 'shop', { namespace: 'shop' });
      const web = new WebService(shop, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: 'shop.example.com' });
      api.allowFrom(web);
      const migrate = new ApiObject(shop, 'migrate', { apiVersion: 'v1', kind: 'ConfigMap' });
      web.node.addDependency(migrate);
      migrate.node.addDependency(api);
      orders.node.addDependency(new ApiObject(configChart(app, 'zz-base'), 'extra', { apiVersion: 'v1', kind: 'Secret' }));
    };
    // WHEN / THEN
    expectIdentical(build);
  });

  test('with nested charts (a chart inside a chart, and a chart inside a construct of a chart)', () => {
    // GIVEN nested charts at several depths
    const build: Build = (app) => {
      const parent = configChart(app, 'parent');
      const child = configChart(parent, 'child');
      configChart(child, 'grandchild');
      const holder = new Construct(parent, 'holder');
      configChart(holder, 'inside-construct');
      new ApiObject(holder, 'held', { apiVersion: 'v1', kind: 'ConfigMap' });
      configChart(app, 'sibling');
    };
    // WHEN / THEN
    expectIdentical(build);
  });

  test('with chart ids that look like numbers (object-key order of the dependency graph)', () => {
    // GIVEN charts named 10, 2, b, 1, a (integer-like keys sort first in a JS object)
    const build: Build = (app) => {
      for (const id of ['10', '2', 'b', '1', 'a']) {
        configChart(app, id);
      }
    };
    // WHEN
    const { expected, actual } = synthBoth(build);
    // THEN the same (numeric first) order and files
    expect(actual).toEqual(expected);
    expectIdentical(build);
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    const golden = new GoldenApp({ outdir: tmpDir() });
    build(golden);
    expect(golden.charts.map((c) => c.node.id)).toEqual(plain.charts.map((c) => c.node.id));
  });

  test('with a chart inside a construct whose id looks like a number (the graph lists ids like 1 and 2 before their subtrees)', () => {
    // GIVEN charts 2 and b next to a plain construct 1 that holds chart x, and no dependency at all
    const build: Build = (app) => {
      configChart(app, 'b');
      configChart(new Construct(app, '1'), 'x');
      configChart(app, '2');
    };
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    const golden = new GoldenApp({ outdir: tmpDir() });
    build(golden);
    // WHEN / THEN App's order, which is not the tree's order (1/x, 2, b)
    expect(plain.charts.map((c) => c.node.path)).toEqual(['2', '1/x', 'b']);
    expect(golden.charts.map((c) => c.node.path)).toEqual(['2', '1/x', 'b']);
    expectIdentical(build);
  });

  test('with many charts of InternalApis that allow each other', () => {
    // GIVEN 12 charts, each API called by the previous chart's API
    const build: Build = (app) => {
      let previous: InternalApi | undefined;
      for (let i = 0; i < 12; i++) {
        const { api } = apiChart(app, `team-${i}`);
        if (previous) {
          api.allowFrom(previous);
        }
        previous = api;
      }
    };
    // WHEN / THEN
    expectIdentical(build);
  });

  test('with recordConstructMetadata and a custom file extension', () => {
    // GIVEN
    const build: Build = (app) => {
      const a = configChart(app, 'a');
      a.addDependency(configChart(app, 'b'));
      new StorefrontChart(app, 'shop');
    };
    // WHEN
    const { expected, actual } = synthBoth(build, { recordConstructMetadata: true, outputFileExtension: '.yml' });
    // THEN construct-metadata.json is written, identical to App's
    expect(actual.map(([name]) => name)).toContain('construct-metadata.json');
    expect(actual).toEqual(expected);
    expectIdentical(build, { recordConstructMetadata: true });
  });

  test('with a chart that overrides toJson()', () => {
    // GIVEN a chart that post-processes its documents
    class LabelledChart extends Chart {
      public toJson(): any[] {
        return super.toJson().map((doc) => ({ ...doc, metadata: { ...doc.metadata, annotations: { overridden: 'yes' } } }));
      }
    }
    const build: Build = (app) => {
      const chart = new LabelledChart(app, 'labelled');
      new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap' });
      configChart(app, 'plain');
    };
    // WHEN
    const { actual } = synthBoth(build);
    // THEN the override is honoured, as App does
    expect(actual.find(([name]) => name === 'labelled.k8s.yaml')?.[1]).toContain('overridden: "yes"');
    expectIdentical(build);
  });

  test('on random graphs of charts, nested charts and cross-chart dependencies', () => {
    // GIVEN random apps: chart i may nest in an earlier chart and depend on earlier charts or objects
    const shape = fc.array(fc.record({
      parent: fc.oneof({ arbitrary: fc.constant(undefined), weight: 3 }, { arbitrary: fc.nat(), weight: 1 }),
      chartDeps: fc.array(fc.nat(), { maxLength: 2 }),
      objectDeps: fc.array(fc.nat(), { maxLength: 2 }),
      objects: fc.integer({ min: 0, max: 2 }),
    }), { minLength: 1, maxLength: 8 });
    // chart ids like `3` are array indexes, which a plain object keyed by path lists first
    let synthesized = 0;
    fc.assert(fc.property(shape, fc.constantFrom(...OUTPUT_TYPES), fc.boolean(), (specs, yamlOutputType, numericIds) => {
      const build: Build = (app) => {
        const charts: Chart[] = [];
        const objects: ApiObject[] = [];
        specs.forEach((spec, i) => {
          const scope = spec.parent !== undefined && i > 0 ? charts[spec.parent % i] : app;
          const chart = new Chart(scope, numericIds ? `${(i * 7) % 10}${i}` : `c${i}`);
          for (let j = 0; j < spec.objects; j++) {
            const obj = new ApiObject(chart, `o${j}`, { apiVersion: 'v1', kind: 'ConfigMap', data: { i: `${i}`, j: `${j}` } });
            objects.forEach((other, k) => { if (spec.objectDeps.includes(k)) obj.node.addDependency(other); });
            objects.push(obj);
          }
          for (const d of spec.chartDeps) {
            if (i > 0) chart.addDependency(charts[d % i]);
          }
          charts.push(chart);
        });
      };
      // WHEN
      const expected = outcome(new App({ outdir: tmpDir(), yamlOutputType }), build);
      const actual = outcome(new GoldenApp({ outdir: tmpDir(), yamlOutputType }), build);
      // THEN the same files, or the same error (a chart nested in a chart it depends on is a cycle)
      expect(actual).toEqual(expected);
      synthesized += expected.error === undefined ? 1 : 0;
    }), { numRuns: 100, seed: 20240607 });
    expect(synthesized).toBeGreaterThan(30);
  });
});

describe('GoldenApp validates once', () => {
  test('every validation runs once per synth, not once per chart', () => {
    // GIVEN 10 charts, each with a construct that counts its validations
    let count = 0;
    const build = (app: App) => {
      for (let i = 0; i < 10; i++) {
        configChart(app, `c${i}`).node.addValidation({ validate: () => { count++; return []; } });
      }
    };
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    plain.synth();
    const appCount = count;
    count = 0;
    const golden = new GoldenApp({ outdir: tmpDir() });
    build(golden);
    // WHEN
    golden.synth();
    // THEN each of the 10 validations ran once (App runs them once plus once per chart)
    expect(count).toBe(10);
    expect(appCount).toBe(10 * 11);
  });

  test('a failing validation throws App\'s error and writes no YAML', () => {
    // GIVEN an InternalApi without a caller (refused by design) in the second of two charts
    const build = (app: App) => {
      configChart(app, 'fine');
      const chart = new Chart(app, 'orders', { namespace: 'orders' });
      new InternalApi(chart, 'api', { image: 'ghcr.io/acme/orders:1.4.2' });
    };
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    let expectedError = '';
    try {
      plain.synth();
    } catch (e) {
      expectedError = (e as Error).message;
    }
    expect(expectedError).toMatch(/^Validation failed with the following errors:/);
    for (const yamlOutputType of OUTPUT_TYPES) {
      const golden = new GoldenApp({ outdir: tmpDir(), yamlOutputType });
      build(golden);
      // WHEN / THEN the same error, and no file in the output folder
      expect(() => golden.synth()).toThrow(expectedError);
      expect(readTree(golden.outdir)).toEqual([]);
    }
    const golden = new GoldenApp({ outdir: tmpDir() });
    build(golden);
    expect(() => golden.synthYaml()).toThrow(expectedError);
  });

  test('a chart that fails to serialise: App\'s error, and no file at all (App leaves the charts before it)', () => {
    // GIVEN two charts; the second holds a value that throws when it is resolved
    const build = (app: App) => {
      configChart(app, 'fine');
      const broken = new Chart(app, 'broken');
      new ApiObject(broken, 'config', {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        data: { value: Lazy.any({ produce: () => { throw new Error('no value for the config of broken'); } }) },
      });
    };
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    expect(() => plain.synth()).toThrow('no value for the config of broken');
    expect(readTree(plain.outdir).map(([name]) => name)).toEqual(['fine.k8s.yaml']);
    for (const yamlOutputType of OUTPUT_TYPES) {
      const golden = new GoldenApp({ outdir: tmpDir(), yamlOutputType });
      build(golden);
      // WHEN / THEN the same error, and the output folder stays empty
      expect(() => golden.synth()).toThrow('no value for the config of broken');
      expect({ yamlOutputType, files: readTree(golden.outdir) }).toEqual({ yamlOutputType, files: [] });
    }
  });

  test('a dependency cycle between charts throws App\'s error', () => {
    // GIVEN two charts that depend on each other
    const build = (app: App) => {
      const a = configChart(app, 'a');
      const b = configChart(app, 'b');
      a.addDependency(b);
      b.addDependency(a);
    };
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    const golden = new GoldenApp({ outdir: tmpDir() });
    build(golden);
    // WHEN / THEN
    expect(() => plain.synth()).toThrow(/Dependency cycle detected/);
    expect(() => golden.synth()).toThrow(/Dependency cycle detected: a => b => a/);
  });

  test('is a drop-in App: App.of, Chart.of and instanceof work', () => {
    // GIVEN
    const app = new GoldenApp({ outdir: tmpDir() });
    const chart = configChart(app, 'a');
    // THEN
    expect(app).toBeInstanceOf(App);
    expect(App.of(chart)).toBe(app);
    expect(app.charts).toEqual([chart]);
    expect(app.yamlOutputType).toBe(YamlOutputType.FILE_PER_CHART);
  });
});

describe('GoldenApp with guardrails', () => {
  /** A Deployment that fails the guardrails (an image without a fixed tag, one replica...). */
  function badDeployment(scope: Construct, id: string): ApiObject {
    return new ApiObject(scope, id, {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      spec: { selector: { matchLabels: { app: id } }, template: { metadata: { labels: { app: id } }, spec: { containers: [{ name: 'app', image: 'nginx' }] } } },
    });
  }

  test('writes the same files as App and serialises each object once per synth', () => {
    // GIVEN the internal-apis example (two charts, one depending on the other) with guardrails on the app
    const build: Build = (app) => {
      buildInternalApisApp(app);
      Guardrails.protect(app, { reportWarnings: false });
    };
    const { expected, actual } = synthBoth(build);
    expect(actual).toEqual(expected);
    const plain = new App({ outdir: tmpDir() });
    build(plain);
    const expectedYaml = plain.synthYaml();
    const golden = new GoldenApp({ outdir: tmpDir() });
    build(golden);
    const objects = golden.node.findAll().filter((c) => c instanceof ApiObject).length;
    const toJson = jest.spyOn(ApiObject.prototype, 'toJson');
    try {
      // WHEN it synthesizes
      golden.synth();
      // THEN every ApiObject was serialised once: the guardrails' JSON is what was written
      expect(toJson).toHaveBeenCalledTimes(objects);
      toJson.mockClear();
      expect(golden.synthYaml()).toEqual(expectedYaml);
      expect(toJson).toHaveBeenCalledTimes(objects);
    } finally {
      toJson.mockRestore();
    }
  });

  test('a validation that runs after the guardrails and changes an object: the output has the change, like App', () => {
    // GIVEN a protected chart and, further down the tree, a construct whose validation labels an object
    const build: Build = (app) => {
      const chart = new StorefrontChart(app, 'shop');
      Guardrails.protect(chart, { reportWarnings: false });
      const config = new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', data: { a: 'b' } });
      const late = new Construct(chart, 'late');
      late.node.addValidation({ validate: () => { config.metadata.addLabel('validated', 'yes'); return []; } });
    };
    for (const yamlOutputType of OUTPUT_TYPES) {
      // WHEN both apps synthesize
      const { expected, actual } = synthBoth(build, { yamlOutputType });
      // THEN the label is written by both: the guardrails serialised the objects after that validation
      expect(actual.some(([, content]) => content.includes('validated: "yes"'))).toBe(true);
      expect(actual).toEqual(expected);
    }
  });

  test('findings fail the synth with App\'s error, in App\'s order among the other validations\' errors', () => {
    // GIVEN a chart with guardrails and a failing validation registered before and after them,
    // and failing validations on constructs before and after the chart
    const build: Build = (app) => {
      new Construct(app, 'a').node.addValidation({ validate: () => ['first'] });
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      chart.node.addValidation({ validate: () => ['before the guardrails'] });
      Guardrails.protect(chart, { reportWarnings: false });
      chart.node.addValidation({ validate: () => ['after the guardrails'] });
      badDeployment(chart, 'web');
      new Construct(chart, 'z').node.addValidation({ validate: () => ['last'] });
    };
    const plain = outcome(new App({ outdir: tmpDir() }), build);
    expect(plain.error).toMatch(/first[^]*before the guardrails[^]*guardrails: \d+ findings at error level[^]*after the guardrails[^]*last/);
    for (const yamlOutputType of OUTPUT_TYPES) {
      // WHEN GoldenApp synthesizes it
      const golden = outcome(new GoldenApp({ outdir: tmpDir(), yamlOutputType }), build);
      // THEN the same error, and nothing written
      expect(golden).toEqual({ files: [], error: plain.error });
    }
  });

  test('the guardrails of a chart validated on its own (chart.toJson()) run at once', () => {
    // GIVEN a protected chart with a finding in a GoldenApp
    const app = new GoldenApp({ outdir: tmpDir() });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    Guardrails.protect(chart, { reportWarnings: false });
    badDeployment(chart, 'web');
    // WHEN the chart is serialised outside GoldenApp's synth / THEN cdk8s reports the finding
    expect(() => chart.toJson()).toThrow(/guardrails: \d+ findings at error level/);
    expect(() => app.synth()).toThrow(/guardrails: \d+ findings at error level/);
  });
});

describe('GoldenApp\'s YAML writer', () => {
  test('writes the strings it deems plain without asking the yaml package exactly as Yaml.stringify does', () => {
    // GIVEN strings made of letters, digits and ._/-: and the YAML 1.1 words, in every case
    const words = ['y', 'n', 'yes', 'no', 'true', 'false', 'on', 'off', 'null', 'inf', 'nan', 'e', 'x'];
    const variants = words.flatMap((w) => [w, w.toUpperCase(), w[0].toUpperCase() + w.slice(1)]);
    const chars = fc.constantFrom(...'aAzZeEyYnNxX0123456789._/-:'.split(''));
    const strings = fc.oneof(fc.constantFrom(...variants), fc.array(chars, { minLength: 1, maxLength: 12 }).map((cs) => cs.join('')));
    let plain = 0;
    fc.assert(fc.property(strings, (s) => {
      if (isSurelyPlain(s)) {
        plain++;
        // THEN each string it writes plain, Yaml.stringify writes plain too, as a value, an item and in a document
        expect(Yaml.stringify({ k: s, l: [s] })).toEqual(`k: ${s}\nl:\n  - ${s}\n`);
        expect(stringifyDocuments([{ k: s, l: [s] }])).toEqual(Yaml.stringify({ k: s, l: [s] }));
      }
    }), { numRuns: 3000, seed: 7 });
    expect(plain).toBeGreaterThan(300);
    expect(variants.filter(isSurelyPlain)).toEqual(['inf', 'INF', 'Inf', 'nan', 'NAN', 'Nan', 'e', 'E', 'E', 'x', 'X', 'X']);
  });
});
