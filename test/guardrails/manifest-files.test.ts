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
      'k8s/bad.yaml is not valid YAML: unexpected end of the stream within a flow collection at line 4, column 1'));
  });

  test('names the file of a JSON syntax error', () => {
    // WHEN / THEN
    expect(() => parseManifests('{"kind": ', 'bad.json')).toThrow(/^bad\.json is not valid JSON: /);
  });
});

describe('readManifests', () => {
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
        `${bad} is not valid YAML: unexpected end of the stream within a flow collection at line 2, column 1`,
        `cannot read ${path.join(dir, 'gone.yaml')}: no such file or folder`,
      ].join('\n')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
