import * as fs from 'fs';
import * as path from 'path';
import { MAX_DEPTH, MAX_DOCUMENT_BYTES } from '../../src/guardrails/input-limits';
import { YamlReadError, goYamlNumber, kubernetesScalar, newReadStats, readKubernetesYaml } from '../../src/guardrails/kubernetes-yaml';

/**
 * Conformance: each `input/<case>.yaml` and what Kubernetes's own reader made of it,
 * `kubernetes-reads/<case>.json` (kubectl 1.32: `kubectl label --local -f FILE zz=1 -o json`,
 * the added label removed again). The shared cases lie outside the repository; ours are in
 * test/fixtures (with the cases Kubernetes refuses, and kubectl's message, under refused/).
 */
const SHARED = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures', 'yaml-as-kubernetes-reads-it');
const OURS = path.join(__dirname, '..', 'fixtures', 'yaml-as-kubernetes-reads-it');

function cases(dir: string): Array<[string, string, unknown]> {
  if (!fs.existsSync(path.join(dir, 'input'))) {
    throw new Error(`the conformance cases are missing: expected ${dir}/input (the shared fixtures lie beside the repository, at ../shared/fixtures)`);
  }
  return fs.readdirSync(path.join(dir, 'input')).filter((f) => f.endsWith('.yaml')).sort().map((f) => {
    const name = f.replace(/\.yaml$/, '');
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'kubernetes-reads', `${name}.json`), 'utf8'));
    return [name, fs.readFileSync(path.join(dir, 'input', f), 'utf8'), expected];
  });
}

/** The objects of the documents, lists unpacked: what Kubernetes stores (kubectl prints the items of a list). */
function objects(documents: unknown[]): unknown[] {
  return documents.flatMap((d: any) => (typeof d?.kind === 'string' && d.kind.endsWith('List') ? d.items : [d]));
}

const SHARED_CASES = cases(SHARED);
const OUR_CASES = cases(OURS);

describe('YAML as Kubernetes reads it: the shared conformance cases', () => {
  test('there are cases to read', () => {
    expect(SHARED_CASES.length).toBeGreaterThanOrEqual(17);
  });

  test.each(SHARED_CASES)('%s: the object we read is the object Kubernetes stores', (_name, text, expected) => {
    // WHEN
    const documents = readKubernetesYaml(text);
    // THEN
    expect(documents).toStrictEqual([expected]);
  });

  test.each(SHARED_CASES)('%s: the full YAML 1.1 reader alone reads it the same', (_name, text, expected) => {
    // WHEN
    const documents = readKubernetesYaml(text, newReadStats(), true);
    // THEN
    expect(documents).toStrictEqual([expected]);
  });
});

describe('YAML as Kubernetes reads it: our cases (made the same way with kubectl 1.32)', () => {
  test.each(OUR_CASES)('%s: the object we read is the object Kubernetes stores', (_name, text, expected) => {
    // WHEN
    const documents = readKubernetesYaml(text);
    // THEN
    expect(objects(documents)).toStrictEqual([expected]);
  });

  test.each(OUR_CASES)('%s: the full YAML 1.1 reader alone reads it the same', (_name, text, expected) => {
    // WHEN / THEN
    expect(objects(readKubernetesYaml(text, newReadStats(), true))).toStrictEqual([expected]);
  });

  test('the scalar spellings are read by the fast reader, and agree with kubectl one by one', () => {
    // GIVEN
    const [, text, expected] = OUR_CASES.find(([name]) => name === 'scalar-spellings')!;
    const stats = newReadStats();
    // WHEN
    const [document] = readKubernetesYaml(text, stats) as any[];
    // THEN
    expect(stats).toEqual({ fast: 1, full: 0, fullBytes: 0 });
    const spellings = text.split('\n').filter((l) => l.startsWith('  -')).map((l) => l.slice(3).trim());
    spellings.forEach((spelling, i) => {
      expect({ spelling, value: document.spellings[i] }).toStrictEqual({ spelling, value: (expected as any).spellings[i] });
    });
  });

  /** What we say for each input Kubernetes refuses (kubectl's own message is in refused/<case>.txt). */
  const REFUSED: { [name: string]: string } = {
    'billion-laughs': 'the document expands aliases excessively (5050 of 5101 nodes come from aliases), as Kubernetes refuses it at line 5, column 9',
    'circular-alias': "anchor 'm' contains itself at line 3, column 39",
    'directive-yaml-1-1': "directives (%YAML, %TAG) are refused by Kubernetes's YAML reader, got one after line 1; remove them",
    'directive-yaml-1-2': "directives (%YAML, %TAG) are refused by Kubernetes's YAML reader, got one after line 1; remove them",
    'inf': "'.inf' has no JSON form, and Kubernetes refuses it; quote it to make it a string",
    'map-key': 'a map key must be a string, a number or a boolean, got a map at line 4, column 3',
    'merge-scalar': "a merge key '<<' needs a map or a list of maps as its value at line 4, column 12",
    'null-key': 'a map key must be a string, a number or a boolean, got null at line 4, column 1',
    'separator-with-content': "a line that starts with --- separates documents and may hold only a comment after it, got '--- {apiVersion: v1, kind: ConfigMap, me' "
      + 'at line 4; Kubernetes refuses it: put the document on the next line',
  };

  test('every refused case has its expected message, and kubectl refused it too', () => {
    const names = fs.readdirSync(path.join(OURS, 'refused')).filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
    expect(names).toEqual(Object.keys(REFUSED).sort());
    for (const name of names) {
      expect(fs.readFileSync(path.join(OURS, 'refused', `${name}.txt`), 'utf8')).toMatch(/^error: /);
    }
  });

  test.each(Object.entries(REFUSED))('%s is refused: %s', (name, message) => {
    // GIVEN
    const text = fs.readFileSync(path.join(OURS, 'refused', `${name}.yaml`), 'utf8');
    // WHEN / THEN
    expect(() => readKubernetesYaml(text)).toThrow(new YamlReadError(message));
  });
});

describe('goYamlNumber: Go number syntax, as go-yaml reads a plain scalar', () => {
  test.each([
    ['0', 0], ['000', 0], ['010', 8], ['09', 9], ['0_', 0], ['10_001', 10001], ['0x0_0', 0], ['0X1f', 31],
    ['0o17', 15], ['0O17', 15], ['-0o7', -7], ['0b101', 5], ['0B1', 1], ['+0x1', 1], ['1e3_0', 1e30],
    ['1.5', 1.5], ['.5', 0.5], ['1.', 1], ['18446744073709551615', 18446744073709551615],
    ['-9223372036854775808', -9223372036854775808], ['12345678901234567890123', 1.2345678901234568e22],
  ])('%s is %d', (source, value) => {
    // WHEN / THEN
    expect(goYamlNumber(source)).toBe(value);
  });

  test.each(['1.0.0', '100m', '0x', 'e3', '1e400', '0x10000000000000000', `0b${'1'.repeat(65)}`, '1:30', '+-1', '-0x8000000000000001', '0x_'])(
    '%s stays a string', (source) => {
      // WHEN / THEN
      expect(goYamlNumber(source)).toBeUndefined();
    });
});

describe('kubernetesScalar: where the YAML 1.1 schema and go-yaml differ', () => {
  test('keeps what both read alike', () => {
    // WHEN / THEN
    expect(kubernetesScalar('yes', true)).toBe(true);
    expect(kubernetesScalar('8080', 8080)).toBe(8080);
    expect(kubernetesScalar('100Mi', '100Mi')).toBe('100Mi');
  });

  test('reads Go number forms the schema leaves as strings or NaN', () => {
    // WHEN / THEN
    expect(kubernetesScalar('0o7', '0o7')).toBe(7);
    expect(kubernetesScalar('0_', NaN)).toBe(0);
    expect(kubernetesScalar('-0', -0)).toBe(0);
    expect(kubernetesScalar('1e400', Infinity)).toBe('1e400');
  });

  test('refuses .inf and .nan, which have no JSON form', () => {
    // WHEN / THEN
    expect(() => kubernetesScalar('-.inf', -Infinity)).toThrow(new YamlReadError("'-.inf' has no JSON form, and Kubernetes refuses it; quote it to make it a string"));
    expect(() => kubernetesScalar('.NaN', NaN)).toThrow(YamlReadError);
  });
});

describe('readKubernetesYaml', () => {
  test('a merge key written after an explicit key overrides it; written before, the explicit key wins', () => {
    // WHEN
    const [after, before] = readKubernetesYaml('a: 1\n<<: {a: 2, b: 3}\n---\n<<: {a: 2, b: 3}\na: 1\n') as any[];
    // THEN
    expect(after).toEqual({ a: 2, b: 3 });
    expect(before).toEqual({ a: 1, b: 3 });
  });

  test('refuses a key that appears twice in one map, also when two spellings mean the same key', () => {
    // WHEN / THEN
    expect(() => readKubernetesYaml('a: 1\nb: 2\na: 3\n')).toThrow(new YamlReadError(
      "the key 'a' appears twice in one map (which one a cluster stores depends on the client: kubectl keeps the last) at line 3, column 1"));
    expect(() => readKubernetesYaml('on: 1\ntrue: 2\n')).toThrow(new YamlReadError(
      "the key 'true' appears twice in one map (which one a cluster stores depends on the client: kubectl keeps the last) at line 2, column 1"));
  });

  test('a key __proto__ is an ordinary key', () => {
    // WHEN
    const [fast] = readKubernetesYaml('__proto__: {polluted: true}\n') as any[];
    const [full] = readKubernetesYaml('__proto__: {polluted: true}\n', newReadStats(), true) as any[];
    // THEN
    expect(Object.keys(fast)).toEqual(['__proto__']);
    expect(Object.keys(full)).toEqual(['__proto__']);
    expect(({} as any).polluted).toBeUndefined();
  });

  test('reads each part between --- lines, empty parts as null, and counts lines across parts', () => {
    // WHEN / THEN
    expect(readKubernetesYaml('---\na: 1\n--- # two\n---\nb: yes\n')).toEqual([{ a: 1 }, null, { b: true }]);
    expect(readKubernetesYaml('# only a comment\n---\na: 1\n')).toEqual([null, { a: 1 }]);
    expect(() => readKubernetesYaml('a: 1\n---\nb: 2\n---\nc: [1\n')).toThrow(/ at line 6, column 1$/);
  });

  test('refuses maps and lists nested deeper than the limit, in either reader', () => {
    // GIVEN
    const deep = `${'['.repeat(MAX_DEPTH + 1)}${']'.repeat(MAX_DEPTH + 1)}`;
    const fine = `${'['.repeat(MAX_DEPTH)}${']'.repeat(MAX_DEPTH)}`;
    // WHEN / THEN
    expect(() => readKubernetesYaml(deep)).toThrow(new YamlReadError(
      `maps and lists are nested more than ${MAX_DEPTH} levels deep at line 1, column ${MAX_DEPTH + 1}; Kubernetes objects are far flatter`));
    expect(() => readKubernetesYaml(deep, newReadStats(), true)).toThrow(/^maps and lists are nested more than 100 levels deep/);
    expect(readKubernetesYaml(fine)).toHaveLength(1);
    expect(readKubernetesYaml(`&a ${fine}`)).toHaveLength(1);
  });

  test('refuses a document larger than the limit before reading it', () => {
    // GIVEN
    const big = `a: 1\n---\n# ${'x'.repeat(MAX_DOCUMENT_BYTES)}\n`;
    // WHEN / THEN
    expect(() => readKubernetesYaml(big)).toThrow(new YamlReadError(
      'the document at line 2 is larger than 16 MiB; split it into smaller documents'));
  });

  test('reads a few aliases, and refuses go-yaml\'s excessive aliasing', () => {
    // GIVEN
    const few = 'a: &x [1, 2]\nb: *x\nc: *x\n';
    const laughs = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]'].join('\n');
    // WHEN / THEN
    expect(readKubernetesYaml(few)).toEqual([{ a: [1, 2], b: [1, 2], c: [1, 2] }]);
    expect(() => readKubernetesYaml(laughs)).toThrow(/^the document expands aliases excessively \(\d+ of \d+ nodes come from aliases\), as Kubernetes refuses it at line \d+, column \d+$/);
  });

  test('uses the fast reader only for text without anchors, aliases, tags and merge keys', () => {
    // GIVEN
    const stats = newReadStats();
    // WHEN
    readKubernetesYaml('a: yes\nb: "a&b*c!d"\nc: "<<"\nd: cat <<EOF\n---\na: &x 1\n---\nb: !!str 1\n---\n<<: {a: 1}\n---\nx: {<<: {a: 1}}\n', stats);
    // THEN
    expect(stats.fast).toBe(1);
    expect(stats.full).toBe(4);
  });

  test('anchors, aliases and tags right after a JSON-style key\'s colon go to the full reader too (aliases are bounded there)', () => {
    // GIVEN an alias bomb whose aliases all follow a colon without a space: {"b":{"k0":*a,"k1":*a,...}}
    const levels = ['{"a":&a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (const [name, previous] of [['b', 'a'], ['c', 'b'], ['d', 'c'], ['e', 'd']]) {
      levels.push(`"${name}":&${name} {${Array.from({ length: 10 }, (_, i) => `"k${i}":*${previous}`).join(',')}}`);
    }
    const bomb = `${levels.join(',')}}`;
    const stats = newReadStats();
    // WHEN / THEN
    expect(() => readKubernetesYaml(bomb, stats)).toThrow(/^the document expands aliases excessively/);
    expect(stats.fast).toBe(0);
    expect(readKubernetesYaml('{"a":!!str 1, "b":&x 2, "c":*x}')).toEqual([{ a: '1', b: 2, c: 2 }]);
  });

  test('a key the fast reader would take as the text null goes to the full reader, which refuses it', () => {
    // WHEN / THEN
    expect(() => readKubernetesYaml('null: 1\n')).toThrow(new YamlReadError('a map key must be a string, a number or a boolean, got null at line 1, column 1'));
    expect(readKubernetesYaml('"null": 1\n')).toEqual([{ null: 1 }]);
  });
});
