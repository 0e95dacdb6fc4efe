import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { InputError, STDIN_NAME, expandPaths, parseManifests, readManifests } from '../../src/guardrails/manifest-files';

describe('expandPaths', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-files-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  function write(file: string, text = ''): string {
    const full = path.join(dir, file);
    fs.mkdirSync(path.dirname(full), { recursive: true });
    fs.writeFileSync(full, text);
    return full;
  }

  test('takes folders recursively (yaml, yml, json, sorted), files as given, and - once', () => {
    // GIVEN
    write('b.yaml');
    write('a/z.yml');
    write('a/c.json');
    write('notes.txt');
    const explicit = write('other.txt');
    // WHEN
    const files = expandPaths([dir, explicit, '-', '-']);
    // THEN
    expect(files).toEqual([
      path.join(dir, 'a', 'c.json'),
      path.join(dir, 'a', 'z.yml'),
      path.join(dir, 'b.yaml'),
      explicit,
      '-',
    ]);
  });

  test("leaves cdk8s's construct-metadata.json out of a folder, and reads it when named", () => {
    // GIVEN the dist/ of `cdk8s synth --validate`
    const manifest = write('dist/shop.k8s.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n');
    const metadata = write('dist/construct-metadata.json', '{"version":"1.0.0","resources":{}}');
    // WHEN
    const fromFolder = expandPaths([path.join(dir, 'dist')]);
    const named = expandPaths([metadata]);
    // THEN
    expect(fromFolder).toEqual([manifest]);
    expect(named).toEqual([metadata]);
  });

  test('names every path that does not exist', () => {
    // WHEN / THEN
    expect(() => expandPaths([path.join(dir, 'missing.yaml'), dir, 'nope'])).toThrow(new InputError(
      `cannot read ${path.join(dir, 'missing.yaml')}: no such file or folder\ncannot read nope: no such file or folder`));
  });
});

describe('parseManifests', () => {
  test('reads every document of a multi-document YAML file, skipping empty ones', () => {
    // WHEN
    const docs = parseManifests('---\nkind: A\n---\n# only a comment\n---\nkind: B\n...\n', 'x.yaml');
    // THEN
    expect(docs).toEqual([{ kind: 'A' }, { kind: 'B' }]);
  });

  test('unwraps JSON arrays and List objects', () => {
    // WHEN / THEN
    expect(parseManifests('[{"kind":"A"},{"kind":"List","items":[{"kind":"B"},{"kind":"C"}]}]', 'x.json'))
      .toEqual([{ kind: 'A' }, { kind: 'B' }, { kind: 'C' }]);
    expect(parseManifests('apiVersion: v1\nkind: List\nitems:\n- kind: A\n', 'x.yaml')).toEqual([{ kind: 'A' }]);
  });

  test('names the file and the place of a YAML syntax error', () => {
    // WHEN / THEN
    expect(() => parseManifests('kind: A\n---\nmetadata: {name: x\n', 'k8s/bad.yaml')).toThrow(new InputError(
      'k8s/bad.yaml is not valid YAML: Flow map in block collection must be sufficiently indented and end with a } at line 4, column 1'));
  });

  test('unwraps every list kind (PodList, DeploymentList, ...), nested lists too', () => {
    // GIVEN
    const text = 'apiVersion: v1\nkind: PodList\nitems:\n- kind: A\n- apiVersion: apps/v1\n  kind: DeploymentList\n  items: [{kind: B}, {kind: List, items: [{kind: C}]}]\n';
    // WHEN / THEN
    expect(parseManifests(text, 'x.yaml')).toEqual([{ kind: 'A' }, { kind: 'B' }, { kind: 'C' }]);
  });

  test('a kind ending in List without an items list is an object of its own', () => {
    // WHEN / THEN
    expect(parseManifests('kind: AllowList\nspec: {}\n', 'x.yaml')).toEqual([{ kind: 'AllowList', spec: {} }]);
  });

  test('reads YAML 1.1 as Kubernetes does: booleans, numbers and merge keys', () => {
    // WHEN / THEN
    expect(parseManifests('kind: Pod\nspec: {hostPID: y, x: 0_0, <<: {hostNetwork: on}}\n', 'x.yaml'))
      .toEqual([{ kind: 'Pod', spec: { hostPID: true, x: 0, hostNetwork: true } }]);
  });

  test('refuses a NUL byte at once', () => {
    // WHEN / THEN
    expect(() => parseManifests('kind: A\nx: 1\u0000\n', 'a.yaml')).toThrow(new InputError('a.yaml is not YAML or JSON: it holds a NUL byte at line 2'));
  });

  test('refuses a JSON object with a key twice (JSON.parse would keep the last), and JSON nested too deep', () => {
    // WHEN / THEN
    expect(() => parseManifests('{"kind": "Pod", "spec": {"hostPID": true, "hostPID": false}}', 'x.json')).toThrow(new InputError(
      "x.json is not valid JSON as Kubernetes reads it: the key 'hostPID' appears twice in one object (which one a cluster stores depends on the client: kubectl keeps the last)"));
    expect(parseManifests('{"kind": "Pod", "data": {"a": "\\":", "b": "x"}}', 'x.json')).toEqual([{ kind: 'Pod', data: { a: '":', b: 'x' } }]);
    expect(() => parseManifests(`{"kind": "Pod", "x": ${'['.repeat(10_000)}${']'.repeat(10_000)}}`, 'deep.json')).toThrow(new InputError(
      'deep.json is not valid JSON as Kubernetes reads it: maps and lists are nested more than 100 levels deep'));
  });

  test('names the file of a JSON syntax error', () => {
    // WHEN / THEN
    expect(() => parseManifests('{"kind": ', 'bad.json')).toThrow(/^bad\.json is not valid JSON: /);
  });
});

describe('readManifests', () => {
  test('refuses documents without kind, and input without any object, unless allowEmpty', () => {
    // GIVEN
    const io = (text: string) => ({ readStdin: () => text });
    // WHEN / THEN
    expect(() => readManifests(['-'], io('kind: A\n---\nmetadata: {name: x}\n'))).toThrow(new InputError(
      "<stdin> holds a document that is not a Kubernetes object (it has no kind): a map with 'metadata'; remove it, or pass --allow-empty to skip such documents"));
    expect(() => readManifests(['-'], io('---\n---\n'))).toThrow(new InputError(
      'no Kubernetes object found in <stdin>; a check of nothing does not pass (pass --allow-empty to accept empty input)'));
    expect(readManifests(['-'], io('kind: A\n---\n[1, 2]\n'), { allowEmpty: true })).toEqual([{ file: STDIN_NAME, manifest: { kind: 'A' } }]);
    expect(readManifests(['-'], io(''), { allowEmpty: true })).toEqual([]);
  });

  test('gives standard input the limit of 100 MiB, less what the files before it took', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-files-'));
    const file = path.join(dir, 'a.yaml');
    fs.writeFileSync(file, 'kind: A\n');
    const limits: number[] = [];
    // WHEN
    try {
      readManifests([file, '-'], { readStdin: (maxBytes) => { limits.push(maxBytes); return 'kind: B\n'; } });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
    // THEN
    expect(limits).toEqual([100 * 1024 * 1024 - 8]);
  });

  test('refuses bytes that are not UTF-8, naming the file, and reads the other files', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-files-'));
    const latin1 = path.join(dir, 'latin1.yaml');
    fs.writeFileSync(latin1, Buffer.from('kind: Pod\nmetadata: {name: caf\xe9}\n', 'latin1'));
    const good = path.join(dir, 'good.yaml');
    fs.writeFileSync(good, 'kind: Pod\n');
    // WHEN / THEN
    try {
      expect(() => readManifests([latin1, good])).toThrow(new InputError(`${latin1} is not valid UTF-8 (Kubernetes's YAML reader refuses it); save it as UTF-8`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('refuses a file over 100 MiB before reading it', () => {
    // GIVEN a sparse file: no disk space, but its size says 101 MiB
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-files-'));
    const big = path.join(dir, 'big.yaml');
    fs.writeFileSync(big, '');
    fs.truncateSync(big, 101 * 1024 * 1024);
    // WHEN / THEN
    try {
      expect(() => readManifests([big])).toThrow(new InputError(`more than 100 MiB of input (reading ${big}); check it in smaller parts`));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  test('reads standard input as <stdin>', () => {
    // WHEN
    const manifests = readManifests(['-'], { readStdin: () => 'kind: A\n---\nkind: B\n' });
    // THEN
    expect(manifests).toEqual([{ file: STDIN_NAME, manifest: { kind: 'A' } }, { file: STDIN_NAME, manifest: { kind: 'B' } }]);
  });

  test('names every file it could not read or parse', () => {
    // GIVEN
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'manifest-files-'));
    const bad = path.join(dir, 'bad.yaml');
    fs.writeFileSync(bad, 'a: [1\n');
    // WHEN / THEN
    try {
      expect(() => readManifests([bad, path.join(dir, 'gone.yaml')])).toThrow(new InputError([
        `${bad} is not valid YAML: Flow sequence in block collection must be sufficiently indented and end with a ] at line 2, column 1`,
        `cannot read ${path.join(dir, 'gone.yaml')}: no such file or folder`,
      ].join('\n')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
