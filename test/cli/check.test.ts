import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { USAGE } from '../../src/cli/args';
import { runCli } from '../../src/cli/check';
import * as engine from '../../src/guardrails/engine';
import { FIXTURES, referenceManifests } from '../guardrails/helpers';
import { manifestDir } from '../util/manifest-dir';

const REFERENCE = path.join(FIXTURES, 'reference', 'web-service.yaml');
const NO_STDIN = { readStdin: () => { throw new Error('no stdin in this test'); } };

describe('runCli', () => {
  const tmp = manifestDir('cli-check-');
  const write = tmp.write;

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
    const outcome = runCli(['check', tmp.dir], NO_STDIN);
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
    const bad = path.join(tmp.dir, 'bad.yaml');
    fs.writeFileSync(bad, 'kind: Deployment\nmetadata:\n  name: [oops\n');
    // WHEN
    const outcome = runCli(['check', good, bad], NO_STDIN);
    // THEN
    expect(outcome).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `cdk8s-golden: ${bad} is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 4, column 1\n`,
    });
  });

  test('exits 2 for a path that does not exist', () => {
    // WHEN
    const outcome = runCli(['check', path.join(tmp.dir, 'nope')], NO_STDIN);
    // THEN
    expect(outcome).toEqual({ exitCode: 2, stdout: '', stderr: `cdk8s-golden: cannot read ${path.join(tmp.dir, 'nope')}: no such file or folder\n` });
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

  test('exits 2 when the paths hold no Kubernetes object: a check of nothing does not pass', () => {
    // WHEN
    const outcome = runCli(['check', tmp.dir], NO_STDIN);
    // THEN
    expect(outcome).toEqual({
      exitCode: 2,
      stdout: '',
      stderr: `cdk8s-golden: no Kubernetes object found in ${tmp.dir}; a check of nothing does not pass (pass --allow-empty to accept empty input)\n`,
    });
  });

  test.each([
    ['empty input', ''],
    ['only ---', '---\n---\n'],
    ['objects without kind', 'apiVersion: v1\nmetadata: {name: x}\n'],
  ])('exits 2 on %s, and 0 with --allow-empty', (_what, input) => {
    // WHEN
    const strict = runCli(['check', '-'], { readStdin: () => input });
    const allowed = runCli(['check', '--allow-empty', '-'], { readStdin: () => input });
    // THEN
    expect(strict.exitCode).toBe(2);
    expect(strict.stderr).toMatch(/^cdk8s-golden: (no Kubernetes object found in <stdin>|<stdin> holds a document that is not a Kubernetes object)/);
    expect(allowed).toEqual({
      exitCode: 0,
      stdout: '0 errors, 0 warnings in 0 objects (0 objects checked in 1 file)\n',
      stderr: 'cdk8s-golden: no Kubernetes object found in <stdin> (accepted: --allow-empty)\n',
    });
  });

  test('--format json prints a JSON array on exit 2 too, one entry per problem', () => {
    // GIVEN
    const bad = path.join(tmp.dir, 'dup.yaml');
    fs.writeFileSync(bad, 'kind: Pod\nkind: Pod\n');
    // WHEN
    const outcome = runCli(['check', '--format', 'json', bad, path.join(tmp.dir, 'nope')], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(2);
    expect(JSON.parse(outcome.stdout).map((f: any) => [f.rule, f.severity, f.file, f.message])).toEqual([
      ['input', 'error', path.join(tmp.dir, 'nope'), `cannot read ${path.join(tmp.dir, 'nope')}: no such file or folder`],
    ]);
    const dup = runCli(['check', '--format=json', bad], NO_STDIN);
    expect(JSON.parse(dup.stdout)).toEqual([{
      rule: 'input',
      severity: 'error',
      kind: '',
      name: '',
      namespace: '',
      file: bad,
      message: `${bad} is not valid YAML: the key 'kind' appears twice in one map (which one a cluster stores depends on the client: kubectl keeps the last) at line 2, column 1`,
      why: 'Input that cannot be read as Kubernetes reads it cannot be checked; passing it would hide what it holds.',
      fix: 'Fix the input as the message says, or see the limits in docs/guardrails.md.',
    }]);
    expect(JSON.parse(runCli(['check', '--format', 'json', '--strict', bad], NO_STDIN).stdout)[0].message).toBe("unknown option '--strict'");
  });

  test('an internal error exits 2 with one line naming the input, never a stack trace', () => {
    // GIVEN a rule engine that fails in an unforeseen way
    const spy = jest.spyOn(engine, 'checkEachManifest').mockImplementation(() => {
      throw new RangeError('Maximum call stack size exceeded');
    });
    // WHEN
    const outcome = runCli(['check', '--format', 'json', '-'], { readStdin: () => 'kind: Pod\n' });
    spy.mockRestore();
    // THEN
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toBe('cdk8s-golden: internal error while checking <stdin>: RangeError: Maximum call stack size exceeded\n');
    expect(JSON.parse(outcome.stdout)).toMatchObject([{ rule: 'input', file: '<stdin>', message: 'internal error while checking <stdin>: RangeError: Maximum call stack size exceeded' }]);
  });

  test('reads YAML as Kubernetes does: a privileged container spelled the YAML 1.1 way is found', () => {
    // GIVEN
    const spelled = (value: string) => 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n'
      + `spec:\n  containers:\n  - name: a\n    image: busybox:1.36\n    securityContext:\n      privileged: false\n      ${value}\n`;
    // WHEN
    const rulesOf = (value: string) => JSON.parse(runCli(['check', '--format', 'json', '-'], { readStdin: () => spelled(value) }).stdout)
      .map((f: any) => f.rule).filter((r: string) => r === 'pss-privileged');
    // THEN
    expect(rulesOf('<<: {privileged: on}')).toEqual(['pss-privileged']);
    expect(rulesOf('runAsNonRoot: yes')).toEqual([]);
  });

  test('unpacks every list kind, nested lists too', () => {
    // GIVEN
    const pod = (name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name }, spec: { hostPID: true, containers: [{ name: 'a', image: 'busybox:1.36' }] } });
    const input = JSON.stringify({ apiVersion: 'v1', kind: 'PodList', items: [pod('a'), { apiVersion: 'v1', kind: 'List', items: [pod('b')] }] });
    // WHEN
    const outcome = runCli(['check', '--format', 'json', '-'], { readStdin: () => input });
    // THEN
    expect(JSON.parse(outcome.stdout).filter((f: any) => f.rule === 'pss-host-namespaces').map((f: any) => f.name)).toEqual(['a', 'b']);
  });
});
