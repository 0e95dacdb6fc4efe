import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { referenceManifests } from './helpers';
import { GoldenValidation } from '../../src/guardrails/golden-validation';
import { ALL_RULES } from '../../src/guardrails/rules';

// cdk8s-cli's package exports only './plugins' (ValidationContext); its loader is reached by path,
// exactly the code `cdk8s synth` runs: lib/cli/cmds/synth.js -> lib/util.js validateApp -> these.
const CLI_LIB = path.join(path.dirname(require.resolve('cdk8s-cli/package.json')), 'lib');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { PluginManager } = require(path.join(CLI_LIB, 'plugins', '_manager'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ValidationPlugin } = require(path.join(CLI_LIB, 'plugins', 'validation'));

const SRC_INDEX = path.join(__dirname, '..', '..', 'src', 'index');

/**
 * A folder that looks like the installed package to cdk8s-cli's plugin loader: a package.json
 * whose main re-exports this repository's entry point (jest compiles the TypeScript).
 */
function installedPackage(dir: string): string {
  const pkg = path.join(dir, 'node_modules', 'cdk8s-golden');
  fs.mkdirSync(pkg, { recursive: true });
  fs.writeFileSync(path.join(pkg, 'package.json'), JSON.stringify({ name: 'cdk8s-golden', version: '0.0.0', main: 'index.js' }));
  fs.writeFileSync(path.join(pkg, 'index.js'), `module.exports = require(${JSON.stringify(SRC_INDEX)});\n`);
  return pkg;
}

/** A synthesized app as cdk8s-cli sees it: manifest files and the construct metadata. */
function synthesizedApp(dir: string, manifests: any[]): { manifests: string[]; constructMetadata: string } {
  const file = path.join(dir, 'shop.k8s.yaml');
  fs.writeFileSync(file, manifests.map((m) => stringify(m)).join('---\n'));
  const constructMetadata = path.join(dir, 'construct-metadata.json');
  fs.writeFileSync(constructMetadata, JSON.stringify({ version: '1.0.0', resources: { storefront: { path: 'shop/storefront/Resource' } } }));
  return { manifests: [file], constructMetadata };
}

function broken(): any[] {
  const manifests = referenceManifests();
  manifests.find((m) => m.kind === 'Deployment')!.spec.template.spec.containers[0].image = 'nginx:latest';
  manifests.find((m) => m.kind === 'Service')!.spec.type = 'NodePort';
  return manifests;
}

const rule = (id: string) => ALL_RULES.find((r) => r.id === id)!;

describe('GoldenValidation, loaded the way cdk8s-cli loads it', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'golden-validation-'));
  });
  afterEach(() => {
    fs.rmSync(dir, { recursive: true, force: true });
  });

  /** ValidationPlugin.load is what `cdk8s synth --validate` calls for each entry of `validations:`. */
  function load(manifests: any[], entry: Record<string, unknown> = {}): { plugin: GoldenValidation; context: any } {
    const pkg = installedPackage(dir);
    const validation = { package: pkg, version: '0.0.0', class: 'GoldenValidation', ...entry } as any;
    return ValidationPlugin.load(validation, synthesizedApp(dir, manifests), false, new PluginManager(path.join(dir, 'plugins')));
  }

  test('fails the report on error-level findings, lists warnings, naming objects of a shared name by kind and name', async () => {
    // GIVEN
    const { plugin, context } = load(broken());
    // WHEN
    await plugin.validate(context);
    // THEN
    const file = context.manifests[0];
    expect(context.report.success).toBe(false);
    expect(context.report.toJson()).toEqual({
      title: `Validation Report (${path.join(dir, 'node_modules', 'cdk8s-golden')}@0.0.0)`,
      summary: {
        status: 'failure',
        plugin: path.join(dir, 'node_modules', 'cdk8s-golden'),
        version: '0.0.0',
        metadata: { rules: String(ALL_RULES.length), objects: '6', errors: '1', warnings: '1' },
      },
      violations: [
        {
          ruleName: 'image-tag [error]',
          recommendation: rule('image-tag').why,
          fix: rule('image-tag').fix,
          violatingConstructs: [{
            // every object of the workload is named storefront: the metadata's one path would be another object's
            resourceName: 'Deployment/storefront',
            constructPath: undefined,
            manifestPath: file,
            locations: ["Deployment storefront (namespace shop): container app: image 'nginx:latest' is not pinned to a tag or digest"],
          }],
        },
        {
          ruleName: 'service-type [warning]',
          recommendation: rule('service-type').why,
          fix: rule('service-type').fix,
          violatingConstructs: [{
            resourceName: 'Service/storefront',
            constructPath: undefined,
            manifestPath: file,
            locations: ["Service storefront (namespace shop): spec.type is 'NodePort', expected 'ClusterIP'"],
          }],
        },
      ],
    });
    expect(context.report.toString()).toContain('image-tag [error] (1 occurrences)');
    expect(context.report.toString()).toContain('- Construct Path: N/A');
  });

  test('an object whose name no other object shares keeps its name, so cdk8s-cli finds its construct path', async () => {
    // GIVEN the reference output, and one more object named storefront-debug with a finding
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'storefront-debug', namespace: 'shop' }, spec: { containers: [{ name: 'shell', image: 'busybox' }] } };
    const { plugin, context } = load([...referenceManifests(), pod]);
    context.metadata['storefront-debug'] = { path: 'shop/storefront-debug' };
    // WHEN
    await plugin.validate(context);
    // THEN
    const imageTag = context.report.toJson().violations.find((v: any) => v.ruleName === 'image-tag [error]');
    expect(imageTag.violatingConstructs.map((c: any) => [c.resourceName, c.constructPath])).toEqual([['storefront-debug', 'shop/storefront-debug']]);
  });

  test('reads the synthesized YAML as Kubernetes does: a << key written into it merges', async () => {
    // GIVEN a securityContext with a '<<' key, which YAML writers put unquoted
    const manifests = referenceManifests();
    manifests.find((m) => m.kind === 'Deployment')!.spec.template.spec.containers[0].securityContext['<<'] = { privileged: true };
    const { plugin, context } = load(manifests);
    expect(fs.readFileSync(context.manifests[0], 'utf8')).toMatch(/^ +<<:/m);
    // WHEN
    await plugin.validate(context);
    // THEN the container is privileged, as kubectl would store it
    expect(context.report.success).toBe(false);
    expect(context.report.toJson().violations.map((v: any) => v.ruleName)).toEqual(['pss-privileged [error]']);
  });

  test('passes the report when every manifest passes every rule', async () => {
    // GIVEN
    const { plugin, context } = load(referenceManifests());
    // WHEN
    await plugin.validate(context);
    // THEN
    expect(context.report.success).toBe(true);
    expect(context.report.toJson().violations).toEqual([]);
  });

  test('passes the report when only warnings remain', async () => {
    // GIVEN the floating image acknowledged for the whole app through `properties:`
    const { plugin, context } = load(broken(), { properties: { acknowledgements: { 'image-tag': 'the demo tracks nginx mainline' } } });
    // WHEN
    await plugin.validate(context);
    // THEN
    expect(context.report.success).toBe(true);
    expect(context.report.toJson().violations.map((v: any) => v.ruleName)).toEqual(['service-type [warning]']);
  });

  test('refuses properties with an acknowledgement without a reason when cdk8s-cli loads it', () => {
    // WHEN / THEN
    expect(() => load(broken(), { properties: { acknowledgements: { 'image-tag': '' } } })).toThrow(
      "[GoldenValidation] acknowledgements.image-tag: an acknowledgement of 'image-tag' needs a written reason, got ''; "
      + 'write why the finding is acceptable in the whole app, so that a reviewer can tell later whether it still holds');
  });

  test('refuses properties that acknowledge an unknown rule', () => {
    // WHEN / THEN
    expect(() => new GoldenValidation({ acknowledgements: { 'no-such-rule': 'reason' } })).toThrow(
      "[GoldenValidation] acknowledgements: no guardrail rule has this id, got 'no-such-rule'; "
      + "use a rule id listed in docs/guardrails.md, such as 'image-tag' or 'pss-run-as-non-root'");
  });

  test('cdk8s-cli requires an exact version: a range is refused, a missing version fails', () => {
    // WHEN / THEN (what the docs tell users about the `version` key)
    expect(() => load(broken(), { version: '^0.0.0' })).toThrow(/Unsupported version spec for package .*: \^0\.0\.0\. Cannot be a range\./);
    expect(() => load(broken(), { version: undefined })).toThrow(TypeError);
  });

  test('cdk8s-cli finds the class by its export name', () => {
    // WHEN / THEN
    expect(() => load(broken(), { class: 'NoSuchClass' })).toThrow(/Unable to locate class 'NoSuchClass'/);
  });
});
