import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';
import { USAGE } from '../../src/cli/args';
import { runCli } from '../../src/cli/check';
import { FIXTURES, referenceManifests } from '../guardrails/helpers';

const REFERENCE = path.join(FIXTURES, 'reference', 'web-service.yaml');
const NO_STDIN = { readStdin: () => { throw new Error('no stdin in this test'); } };

describe('runCli', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-check-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(file: string, manifests: any[]): string {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, manifests.map((m) => stringify(m)).join('---\n'));
    return full;
  }

  function floatingImage(): any[] {
    const manifests = referenceManifests();
    manifests.find((m) => m.kind === 'Deployment')!.spec.template.spec.containers[0].image = 'nginx:latest';
    return manifests;
  }

  test('exits 0 with a summary when nothing is wrong', () => {
    // WHEN
    const outcome = runCli(['check', REFERENCE], NO_STDIN);
    // THEN
    expect(outcome).toEqual({ exitCode: 0, stdout: '0 errors, 0 warnings in 0 objects (6 objects checked in 1 file)\n', stderr: '' });
  });

  test('exits 1 and reports the object, rule, message and fix of an error', () => {
    // GIVEN
    const file = write('k8s/web.yaml', floatingImage());
    // WHEN
    const outcome = runCli(['check', dir], NO_STDIN);
    // THEN
    expect(outcome).toEqual({
      exitCode: 1,
      stderr: '',
      stdout: [
        `Deployment storefront (namespace shop) in ${file}`,
        "  error   image-tag: container app: image 'nginx:latest' is not pinned to a tag or digest",
        "          fix: Pin the image to a version tag such as 'nginx:1.27.3' or a digest 'nginx@sha256:...'.",
        '',
        '1 error, 0 warnings in 1 object (6 objects checked in 1 file)',
        '',
      ].join('\n'),
    });
  });

  test('exits 0 when only warnings were found', () => {
    // GIVEN
    const manifests = referenceManifests();
    manifests.find((m) => m.kind === 'Service')!.spec.type = 'NodePort';
    const file = write('svc.yml', manifests);
    // WHEN
    const outcome = runCli(['check', '--format', 'json', file], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(0);
    expect(JSON.parse(outcome.stdout).map((f: any) => `${f.severity} ${f.rule} ${f.file}`)).toEqual([`warning service-type ${file}`]);
  });

  test('--format json prints one array with the file of each finding', () => {
    // GIVEN the objects split over two files: cross-object rules still see them together
    const manifests = floatingImage();
    const first = write('a.yaml', manifests.slice(0, 3));
    const second = write('b.json', []);
    fs.writeFileSync(second, JSON.stringify(manifests.slice(3)));
    // WHEN
    const outcome = runCli(['check', '--format', 'json', first, second], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.stdout)).toEqual([{
      rule: 'image-tag',
      severity: 'error',
      kind: 'Deployment',
      name: 'storefront',
      namespace: 'shop',
      file: first,
      message: "container app: image 'nginx:latest' is not pinned to a tag or digest",
      why: 'A missing or floating tag (latest) makes a rollout irreproducible and a rollback impossible.',
      fix: "Pin the image to a version tag such as 'nginx:1.27.3' or a digest 'nginx@sha256:...'.",
    }]);
  });

  test('reads standard input for -', () => {
    // WHEN
    const outcome = runCli(['check', '--format=json', '-'], { readStdin: () => floatingImage().map((m) => stringify(m)).join('---\n') });
    // THEN
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.stdout).map((f: any) => `${f.rule} ${f.file}`)).toEqual(['image-tag <stdin>']);
  });

  test('exits 2 and names a file that is not valid YAML, without checking anything', () => {
    // GIVEN
    const good = write('good.yaml', floatingImage());
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'kind: Deployment\nmetadata:\n  name: [oops\n');
    // WHEN
    const outcome = runCli(['check', good, bad], NO_STDIN);
    // THEN
    expect(outcome).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `cdk8s-golden: ${bad} is not valid YAML: unexpected end of the stream within a flow collection at line 4, column 1\n`,
    });
  });

  test('exits 2 for a path that does not exist', () => {
    // WHEN
    const outcome = runCli(['check', path.join(dir, 'nope')], NO_STDIN);
    // THEN
    expect(outcome).toEqual({ exitCode: 2, stdout: '', stderr: `cdk8s-golden: cannot read ${path.join(dir, 'nope')}: no such file or folder\n` });
  });

  test('exits 2 with the usage for an unknown flag', () => {
    // WHEN
    const outcome = runCli(['check', '--strict', REFERENCE], NO_STDIN);
    // THEN
    expect(outcome).toEqual({ exitCode: 2, stdout: '', stderr: `cdk8s-golden: unknown option '--strict'\n${USAGE}\nRun 'cdk8s-golden --help' for more.\n` });
  });

  test('--help prints the help and exits 0', () => {
    // WHEN
    const outcome = runCli(['--help'], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(0);
    expect(outcome.stdout.startsWith(USAGE)).toBe(true);
  });

  test('says so on standard error when the paths hold no Kubernetes object', () => {
    // WHEN
    const outcome = runCli(['check', dir], NO_STDIN);
    // THEN
    expect(outcome).toEqual({
      exitCode: 0,
      stdout: '0 errors, 0 warnings in 0 objects (0 objects checked in 0 files)\n',
      stderr: `cdk8s-golden: no Kubernetes object found in ${dir}\n`,
    });
  });
});
