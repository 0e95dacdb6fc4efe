import * as fs from 'fs';
import * as path from 'path';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli/check';
import { referenceManifests } from '../guardrails/helpers';
import { manifestDir } from '../util/manifest-dir';

const NO_STDIN = { readStdin: () => { throw new Error('no stdin in this test'); } };

describe('runCli diff', () => {
  const tmp = manifestDir('cli-diff-');
  const write = tmp.write;

  /** The reference output with the Deployment's selector changed. */
  function newSelector(): any[] {
    const manifests = referenceManifests();
    const deployment = manifests.find((m) => m.kind === 'Deployment')!;
    deployment.spec.selector.matchLabels['app.kubernetes.io/version'] = '2.0.0';
    deployment.spec.template.metadata.labels['app.kubernetes.io/version'] = '2.0.0';
    return manifests;
  }

  test('exits 0 with a summary when the change is safe (an image bump)', () => {
    // GIVEN
    const old = write('old/web.yaml', referenceManifests());
    const bumped = referenceManifests();
    bumped.find((m) => m.kind === 'Deployment')!.spec.template.spec.containers[0].image = 'ghcr.io/acme/storefront:1.2.4';
    const next = write('new/web.yaml', bumped);
    // WHEN
    const outcome = runCli(['diff', path.dirname(old), path.dirname(next)], NO_STDIN);
    // THEN
    expect(outcome).toEqual({ exitCode: 0, stdout: '0 errors in 0 objects (6 objects in OLD, 6 objects in NEW)\n', stderr: '' });
  });

  test('exits 1 and names the object, field, both values, why and fix', () => {
    // GIVEN
    const old = write('old.yaml', referenceManifests());
    const next = write('new.yaml', newSelector());
    // WHEN
    const outcome = runCli(['diff', old, next], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toBe('');
    expect(outcome.stdout).toBe([
      `Deployment storefront (namespace shop) in ${next}`,
      '  error   immutable-selector: spec.selector: the API server refuses to change the selector of a Deployment, got '
      + '{"matchLabels":{"app.kubernetes.io/instance":"storefront","app.kubernetes.io/name":"storefront"}} in OLD and '
      + '{"matchLabels":{"app.kubernetes.io/instance":"storefront","app.kubernetes.io/name":"storefront","app.kubernetes.io/version":"2.0.0"}} in NEW',
      '          fix: Keep the selector as it is (add or change labels that are not in it instead), or give the workload a new name so that it is created anew and the old one pruned.',
      '',
      '1 error in 1 object (6 objects in OLD, 6 objects in NEW)',
      '',
    ].join('\n'));
  });

  test('--format json prints one array, each finding with field, old and new', () => {
    // GIVEN
    const old = write('old.yaml', referenceManifests());
    const next = write('new.yaml', newSelector());
    // WHEN
    const outcome = runCli(['diff', '--format', 'json', old, next], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(1);
    const findings = JSON.parse(outcome.stdout);
    expect(findings).toHaveLength(1);
    expect(Object.keys(findings[0])).toEqual(['rule', 'severity', 'kind', 'name', 'namespace', 'file', 'field', 'old', 'new', 'message', 'why', 'fix']);
    expect(findings[0]).toMatchObject({
      rule: 'immutable-selector',
      severity: 'error',
      kind: 'Deployment',
      name: 'storefront',
      namespace: 'shop',
      file: next,
      field: 'spec.selector',
      old: '{"matchLabels":{"app.kubernetes.io/instance":"storefront","app.kubernetes.io/name":"storefront"}}',
      new: '{"matchLabels":{"app.kubernetes.io/instance":"storefront","app.kubernetes.io/name":"storefront","app.kubernetes.io/version":"2.0.0"}}',
    });
  });

  test('a removed object is reported with the file of OLD', () => {
    // GIVEN
    const pvc = { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'data', namespace: 'shop' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1Gi' } } } };
    const old = write('old.yaml', [...referenceManifests(), pvc]);
    const next = write('new.yaml', referenceManifests());
    // WHEN
    const outcome = runCli(['diff', '--format=json', old, next], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.stdout).map((f: any) => [f.rule, f.kind, f.file, f.old, f.new])).toEqual([['prune-pvc', 'PersistentVolumeClaim', old, 'PersistentVolumeClaim shop/data', '']]);
  });

  test('reads standard input for - (OLD here)', () => {
    // GIVEN
    const text = referenceManifests().map((m) => stringify(m)).join('---\n');
    const next = write('new.yaml', newSelector());
    // WHEN
    const outcome = runCli(['diff', '--format', 'json', '-', next], { readStdin: () => text });
    // THEN
    expect(outcome.exitCode).toBe(1);
    expect(JSON.parse(outcome.stdout).map((f: any) => f.rule)).toEqual(['immutable-selector']);
  });

  test('exits 2 for unreadable input, as check does, with JSON on exit 2 too', () => {
    // GIVEN
    const bad = path.join(tmp.dir, 'bad.yaml');
    fs.writeFileSync(bad, 'kind: Pod\n  name: x\n');
    const next = write('new.yaml', referenceManifests());
    // WHEN
    const invalid = runCli(['diff', '--format', 'json', bad, next], NO_STDIN);
    const missing = runCli(['diff', path.join(tmp.dir, 'nope'), next], NO_STDIN);
    // THEN
    expect(invalid.exitCode).toBe(2);
    expect(JSON.parse(invalid.stdout)).toEqual([expect.objectContaining({ rule: 'input', file: bad, message: expect.stringMatching(/^.*bad\.yaml is not valid YAML: /) })]);
    expect(missing).toEqual({ exitCode: 2, stdout: '', stderr: `cdk8s-golden: cannot read ${path.join(tmp.dir, 'nope')}: no such file or folder\n` });
  });

  test('exits 2 when a side holds one object twice', () => {
    // GIVEN
    const old = write('old.yaml', referenceManifests());
    const first = write('new/a.yaml', referenceManifests());
    const second = write('new/b.yaml', referenceManifests().filter((m) => m.kind === 'Service'));
    // WHEN
    const outcome = runCli(['diff', old, path.dirname(first)], NO_STDIN);
    // THEN
    expect(outcome.exitCode).toBe(2);
    expect(outcome.stderr).toBe(`cdk8s-golden: NEW (${path.dirname(first)}) holds Service shop/storefront twice, in ${first} and in ${second}; `
      + 'applied, the second would overwrite the first (Argo CD and Flux refuse such output): keep one\n');
  });

  test('an empty OLD is an error unless --allow-empty (the first release of an app)', () => {
    // GIVEN
    const empty = path.join(tmp.dir, 'empty');
    fs.mkdirSync(empty);
    const next = write('new.yaml', referenceManifests());
    // WHEN
    const refused = runCli(['diff', empty, next], NO_STDIN);
    const allowed = runCli(['diff', '--allow-empty', empty, next], NO_STDIN);
    // THEN
    expect(refused.exitCode).toBe(2);
    expect(refused.stderr).toBe(`cdk8s-golden: no Kubernetes object found in ${empty}; a check of nothing does not pass (pass --allow-empty to accept empty input)\n`);
    expect(allowed).toEqual({ exitCode: 0, stdout: '0 errors in 0 objects (0 objects in OLD, 6 objects in NEW)\n', stderr: '' });
  });

  test('an acknowledgement on the NEW object lets the change pass', () => {
    // GIVEN
    const old = write('old.yaml', referenceManifests());
    const acknowledged = newSelector();
    const deployment = acknowledged.find((m) => m.kind === 'Deployment')!;
    deployment.metadata.annotations = { 'ack.cdk8s-golden.io/immutable-selector': 'deleted by hand before the sync (change OPS-7)' };
    const next = write('new.yaml', acknowledged);
    // WHEN / THEN
    expect(runCli(['diff', old, next], NO_STDIN).exitCode).toBe(0);
  });
});
