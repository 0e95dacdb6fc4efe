import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

/*
 * Inputs an attacker would try, on the whole process: each one ends within 10 s and 1 GB, with
 * exit 2 and one line naming the input (never a stack trace), and `--format json` output that is
 * valid JSON. The inputs are generated here; the big ones make this an integration test.
 */
const REPO = path.join(__dirname, '..', '..');
const MAIN = path.join(REPO, 'src', 'cli', 'main.ts');
const TS_NODE = path.join(REPO, 'node_modules', 'ts-node', 'register', 'transpile-only');
const TIME = '/usr/bin/time';
const ONE_GB_KB = 1024 * 1024;

interface Run {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly seconds: number;
  /** Peak resident memory in KB, when /usr/bin/time is there to tell. */
  readonly maxRssKb?: number;
}

/** Runs `cdk8s-golden ARGS` (standard input from a shell command, when given) with a 1 GB heap. */
function cdk8sGolden(args: string[], stdinCommand?: string): Run {
  const node = [process.execPath, '--max-old-space-size=1024', '-r', TS_NODE, MAIN, ...args].map((a) => `'${a}'`).join(' ');
  const timed = fs.existsSync(TIME) ? `${TIME} -f 'maxrss=%M' ${node}` : node;
  const start = process.hrtime.bigint();
  const result = spawnSync('sh', ['-c', stdinCommand ? `${stdinCommand} | ${timed}` : `${timed} < /dev/null`], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, TS_NODE_PROJECT: path.join(REPO, 'test', 'tsconfig.json') },
    timeout: 120_000,
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const rss = /maxrss=(\d+)/.exec(result.stderr);
  return {
    status: result.status,
    stdout: result.stdout,
    stderr: result.stderr.replace(/^maxrss=\d+\n?/m, '').replace(/^Command exited with non-zero status \d+\n?/m, ''),
    seconds,
    maxRssKb: rss ? Number(rss[1]) : undefined,
  };
}

describe('cdk8s-golden check on hostile input', () => {
  let dir: string;
  let startup: number;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-hostile-'));
    // What starting the process (and compiling the TypeScript) costs here, to tell it from the check.
    startup = cdk8sGolden(['--help']).seconds;
  }, 120_000);
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(name: string, text: string): string {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  }

  /** Exit 2, one line on standard error that names the input, valid JSON, within 10 s and 1 GB. */
  function expectRefused(run: Run, message: RegExp): void {
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const entries = JSON.parse(run.stdout);
    expect(entries).toEqual([expect.objectContaining({ rule: 'input', severity: 'error', message: run.stderr.trim().replace(/^cdk8s-golden: /, '') })]);
    expect(run.seconds - startup).toBeLessThan(10);
    if (run.maxRssKb !== undefined) {
      expect(run.maxRssKb).toBeLessThan(ONE_GB_KB);
    }
  }

  test('circular aliases', () => {
    // GIVEN
    const file = write('circular.yaml', 'apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: p\n  labels: {self: *m}\n');
    // WHEN
    const run = cdk8sGolden(['check', '--format', 'json', file]);
    // THEN
    expectRefused(run, /^cdk8s-golden: .*circular\.yaml is not valid YAML: anchor 'm' contains itself at line 5, column 18$/m);
  }, 120_000);

  test('a billion laughs in a label', () => {
    // GIVEN
    const levels = ['    a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const [name, previous] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      levels.push(`    ${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const file = write('laughs.yaml', `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  labels:\n${levels.join('\n')}\n`);
    // WHEN
    const run = cdk8sGolden(['check', '--format', 'json', file]);
    // THEN
    expectRefused(run, /is not valid YAML: the document expands aliases excessively \(\d+ of \d+ nodes come from aliases\), as Kubernetes refuses it/);
  }, 120_000);

  test('JSON nested 10,000 deep, as a .json file and as YAML on standard input', () => {
    // GIVEN
    const deep = `{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "p"}, "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    const file = write('deep.json', deep);
    // WHEN
    const asJson = cdk8sGolden(['check', '--format', 'json', file]);
    const asYaml = cdk8sGolden(['check', '--format', 'json', '-'], `cat '${file}'`);
    // THEN
    expectRefused(asJson, /deep\.json is not valid JSON as Kubernetes reads it: maps and lists are nested more than 100 levels deep$/m);
    expectRefused(asYaml, /<stdin> is not valid YAML: maps and lists are nested more than 100 levels deep at line 1, column \d+; Kubernetes objects are far flatter$/m);
  }, 240_000);

  test('200 MB of NUL bytes on standard input are refused once 100 MiB are read', () => {
    // WHEN
    const run = cdk8sGolden(['check', '--format', 'json', '-'], 'head -c 200000000 /dev/zero');
    // THEN
    expectRefused(run, /^cdk8s-golden: more than 100 MiB of input \(reading <stdin>\); check it in smaller parts$/m);
  }, 120_000);

  test('a label whose value is a map (one that String() cannot print, too) is checked, not a crash', () => {
    // GIVEN
    const file = write('map-label.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n    app: {nested: map}\n    tier: {toString: 1, valueOf: 2}\n'
      + 'spec:\n  containers: [{name: a, image: "busybox:1.36"}]\n');
    // WHEN
    const run = cdk8sGolden(['check', '--format', 'json', file]);
    // THEN
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).length).toBeGreaterThan(0);
  }, 120_000);

  test('more than 8 MiB that needs the full YAML 1.1 reader is refused, in time', () => {
    // GIVEN documents that each use an anchor, 9 MiB in all
    const document = (i: number) => `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: &n c${i}}\ndata: {a: *n, pad: "${'x'.repeat(900)}"}\n`;
    const parts: string[] = [];
    let size = 0;
    for (let i = 0; size < 9 * 1024 * 1024; i++) {
      parts.push(document(i));
      size += parts[parts.length - 1].length + 4;
    }
    const file = write('anchors.yaml', parts.join('---\n'));
    // WHEN
    const run = cdk8sGolden(['check', '--format', 'json', file]);
    // THEN
    expectRefused(run, /anchors\.yaml is not valid YAML: more than 8 MiB of the input needs the full YAML 1\.1 reader/);
  }, 120_000);

  test('empty input exits 2, with JSON', () => {
    // WHEN
    const run = cdk8sGolden(['check', '--format', 'json', '-'], 'printf ""');
    // THEN
    expectRefused(run, /^cdk8s-golden: no Kubernetes object found in <stdin>; a check of nothing does not pass/);
  }, 120_000);
});
