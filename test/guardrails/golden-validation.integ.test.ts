import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// The real `cdk8s synth --validate` of cdk8s-cli, in a fresh cdk8s app folder whose cdk8s.yaml is
// the one docs/guardrails.md gives. The package is "installed" in the app's node_modules as a
// folder whose entry point loads this repository's TypeScript through ts-node, so the test needs
// no build and no registry.

const REPO = path.join(__dirname, '..', '..');
const CDK8S = path.join(REPO, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');

/** The lines docs/guardrails.md tells users to add to cdk8s.yaml. */
const CDK8S_YAML = `language: typescript
app: node main.js
validations:
  - package: ./node_modules/cdk8s-golden
    version: 0.0.0
    class: GoldenValidation
`;

function cdk8sApp(main: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-validate-app-'));
  fs.writeFileSync(path.join(dir, 'cdk8s.yaml'), CDK8S_YAML);
  fs.writeFileSync(path.join(dir, 'main.js'), main);
  const pkg = path.join(dir, 'node_modules', 'cdk8s-golden');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'cdk8s-golden', version: '0.0.0', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), [
    `require(${JSON.stringify(path.join(REPO, 'node_modules', 'ts-node'))}).register({ transpileOnly: true, project: ${JSON.stringify(path.join(REPO, 'test', 'tsconfig.json'))} });`,
    `module.exports = require(${JSON.stringify(path.join(REPO, 'src', 'index.ts'))});`,
    '',
  ].join('\n'));
  return dir;
}

function synthValidate(dir: string): { status: number | null; output: string } {
  const result = spawnSync(process.execPath, [CDK8S, 'synth', '--validate'], {
    cwd: dir,
    encoding: 'utf8',
    // The app's own `require('cdk8s')` finds this repository's cdk8s, as an installed one would.
    env: { ...process.env, NODE_PATH: path.join(REPO, 'node_modules'), CDK8S_RECORD_CONSTRUCT_METADATA: undefined },
    timeout: 120_000,
  });
  return { status: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe('cdk8s synth --validate with GoldenValidation', () => {
  const dirs: string[] = [];
  afterAll(() => dirs.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  test('reports the findings of a hand-written object with its construct path and fails', () => {
    // GIVEN an app with a hand-written Pod running a floating image
    const dir = cdk8sApp(`
      const { App, Chart, ApiObject } = require('cdk8s');
      const app = new App();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new ApiObject(chart, 'debug', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'debug' },
        spec: { containers: [{ name: 'shell', image: 'busybox' }] } });
      app.synth();
    `);
    dirs.push(dir);
    // WHEN
    const { status, output } = synthValidate(dir);
    // THEN the CLI prints the report and exits with its validation failure code
    expect(output).toContain('Validation Report (');
    expect(output).toContain('image-tag [error] (1 occurrences)');
    expect(output).toContain('- Construct Path: shop/debug');
    expect(output).toContain("> Pod debug (namespace shop): container shell: image 'busybox' is not pinned to a tag or digest");
    expect(output).toContain('Validation failed. See above reports for details');
    expect(status).toBe(2);
  }, 120_000);

  test('names a finding in a golden workload by kind and name, never with another object\'s construct path', () => {
    // GIVEN a WebService (all its objects are named storefront) whose image a JSON patch floats
    const dir = cdk8sApp(`
      const { App, Chart, JsonPatch } = require('cdk8s');
      const { WebService } = require('cdk8s-golden');
      const app = new App();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      const web = new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: 'shop.example.com' });
      web.deployment.addJsonPatch(JsonPatch.replace('/spec/template/spec/containers/0/image', 'nginx:latest'));
      app.synth();
    `);
    dirs.push(dir);
    // WHEN
    const { status, output } = synthValidate(dir);
    // THEN the resource is the Deployment, and no path of another object of the workload is shown
    expect(output).toContain('image-tag [error] (1 occurrences)');
    expect(output).toContain('- Resource Name: Deployment/storefront');
    expect(output).toContain('- Construct Path: N/A');
    expect(output).not.toMatch(/Construct Path: shop\/storefront\//);
    expect(output).toContain("> Deployment storefront (namespace shop): container app: image 'nginx:latest' is not pinned to a tag or digest");
    expect(status).toBe(2);
  }, 120_000);

  test('passes the output of a golden construct', () => {
    // GIVEN an app with a WebService
    const dir = cdk8sApp(`
      const { App, Chart } = require('cdk8s');
      const { WebService } = require('cdk8s-golden');
      const app = new App();
      const chart = new Chart(app, 'shop', { namespace: 'shop' });
      new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1', host: 'shop.example.com' });
      app.synth();
    `);
    dirs.push(dir);
    // WHEN
    const { status, output } = synthValidate(dir);
    // THEN
    expect(output).toContain('Validations ended succesfully');
    expect(status).toBe(0);
    expect(fs.readdirSync(path.join(dir, 'dist'))).toContain('shop.k8s.yaml');
  }, 120_000);
});
