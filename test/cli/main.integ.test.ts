import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FIXTURES } from '../guardrails/helpers';

// End to end: `node` on the command line's entry point, compiled on the fly by ts-node.
const REPO = path.join(__dirname, '..', '..');
const MAIN = path.join(REPO, 'src', 'cli', 'main.ts');
const TS_NODE = path.join(REPO, 'node_modules', 'ts-node', 'register', 'transpile-only');

function cdk8sGolden(args: string[], input?: string) {
  const result = spawnSync(process.execPath, ['-r', TS_NODE, MAIN, ...args], {
    cwd: REPO,
    input,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'test', 'tsconfig.json') },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('cdk8s-golden (the process)', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-main-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('--help exits 0', () => {
    // WHEN
    const { status, stdout } = cdk8sGolden(['--help']);
    // THEN
    expect(status).toBe(0);
    expect(stdout).toMatch(/^Usage: cdk8s-golden check \[--format human\|json\] \[--allow-empty\] PATH\.\.\./);
  }, 60_000);

  test('exits 1 on the helm scaffold and 0 on the reference output', () => {
    // WHEN / THEN
    expect(cdk8sGolden(['check', path.join(FIXTURES, 'helm-scaffold')]).status).toBe(1);
    expect(cdk8sGolden(['check', path.join(FIXTURES, 'reference', 'web-service.yaml')]).status).toBe(0);
  }, 60_000);

  test('reads standard input', () => {
    // WHEN
    const { status, stdout } = cdk8sGolden(['check', '--format', 'json', '-'], 'apiVersion: v1\nkind: Pod\nmetadata: {name: x}\nspec: {hostPID: true, containers: [{name: a, image: "busybox:1.36"}]}\n');
    // THEN
    expect(status).toBe(1);
    expect(JSON.parse(stdout).find((f: any) => f.rule === 'pss-host-namespaces')).toMatchObject({ kind: 'Pod', name: 'x', file: '<stdin>' });
  }, 60_000);

  test('exits 2 naming a file that is not valid YAML', () => {
    // GIVEN
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'kind: Pod\n  name: x\n');
    // WHEN
    const { status, stdout, stderr } = cdk8sGolden(['check', bad]);
    // THEN
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^cdk8s-golden: ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid YAML: `));
  }, 60_000);

  test('exits 2 with the usage on an unknown flag', () => {
    // WHEN
    const { status, stderr } = cdk8sGolden(['check', '--fast', '.']);
    // THEN
    expect(status).toBe(2);
    expect(stderr).toContain("cdk8s-golden: unknown option '--fast'\nUsage: cdk8s-golden check");
  }, 60_000);

  test('large JSON output arrives whole through a pipe', () => {
    // GIVEN 1,000 pods with many findings each: megabytes of JSON, far beyond a pipe's buffer
    const pod = (i: number) => `apiVersion: v1\nkind: Pod\nmetadata: {name: p${i}, namespace: n${i}}\nspec: {containers: [{name: a, image: busybox}]}\n`;
    const file = path.join(dir, 'many.yaml');
    fs.writeFileSync(file, Array.from({ length: 1000 }, (_, i) => pod(i)).join('---\n'));
    // WHEN
    const { status, stdout } = cdk8sGolden(['check', '--format', 'json', file]);
    // THEN
    expect(status).toBe(1);
    expect(stdout.length).toBeGreaterThan(1_000_000);
    const findings = JSON.parse(stdout);
    expect(new Set(findings.map((f: any) => f.name)).size).toBe(1000);
    expect(findings[findings.length - 1].name).toBe('p999');
  }, 60_000);
  test('diff reads OLD from standard input and exits 1 on a selector change, 0 on an image bump', () => {
    // GIVEN
    const deployment = (selector: string, image: string) => 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web, namespace: shop}\n'
      + `spec: {selector: {matchLabels: {app: ${selector}}}, template: {metadata: {labels: {app: ${selector}}}, spec: {containers: [{name: a, image: "${image}"}]}}}\n`;
    const moved = path.join(dir, 'moved.yaml');
    fs.writeFileSync(moved, deployment('web-v2', 'busybox:1.36'));
    const bumped = path.join(dir, 'bumped.yaml');
    fs.writeFileSync(bumped, deployment('web', 'busybox:1.37'));
    // WHEN
    const refused = cdk8sGolden(['diff', '--format', 'json', '-', moved], deployment('web', 'busybox:1.36'));
    const passed = cdk8sGolden(['diff', '-', bumped], deployment('web', 'busybox:1.36'));
    // THEN
    expect(refused.status).toBe(1);
    expect(JSON.parse(refused.stdout).map((f: any) => [f.rule, f.file, f.field])).toEqual([['immutable-selector', moved, 'spec.selector']]);
    expect(passed).toEqual({ status: 0, stdout: '0 errors in 0 objects (1 object in OLD, 1 object in NEW)\n', stderr: '' });
  }, 60_000);
});
