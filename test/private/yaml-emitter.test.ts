import * as fs from 'fs';
import * as path from 'path';
import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import { STRING_CACHES, stringifyDocuments } from '../../src/private/yaml-emitter';

/** Strings that YAML 1.1 reads as something else, or that need quotes or block style. */
const TRICKY = [
  '', ' ', 'a', 'yes', 'No', 'ON', 'off', 'y', 'n', 'true', 'False', 'null', 'Null', '~', '0', '-1', '1.5', '1e3', '.5', '0x1F',
  '0o17', '017', '0b101', '1_000', '1:20', '190:20:30', '.inf', '-.Inf', '.NaN', '2001-12-14', '2001-12-14t21:59:43.10-05:00',
  'a: b', 'a:b', 'a:', ':a', '#a', 'a #b', 'a#b', '- a', '-a', '-', '?', '? a', '*a', '&a', '!a', '|', '>', '%a', '@a', '`a',
  '"a"', "'a'", 'a\nb', 'a\n', '\n', ' a', 'a ', 'a\tb', '---', '--- a', '...', 'a\n---\nb', '[a]', '{a}', 'a,b', 'é', '日本',
  'a\u0007b', '\u{1F600}', 'ghcr.io/acme/x:1.0.0', 'app.kubernetes.io/name', '8080', '500m', '64Mi', '<<', '=', 'a\\b', 'a"b',
];

const str = fc.oneof(fc.constantFrom(...TRICKY), fc.string({ maxLength: 12 }), fc.stringMatching(/^[a-z][a-z0-9.\/-]{0,20}$/));
const leaf = fc.oneof(str, fc.integer(), fc.double(), fc.boolean(), fc.constant(null),
  fc.constant(0).map(() => ({})), fc.constant(0).map(() => []), fc.constant({}));
const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('map'), tie('seq')),
  map: fc.dictionary(str, tie('tree'), { maxKeys: 5 }),
  seq: fc.array(tie('tree'), { maxLength: 4 }),
}));
const doc = fc.dictionary(str, tree, { minKeys: 1, maxKeys: 6 });

describe('stringifyDocuments', () => {
  test('writes the same text as Yaml.stringify on random documents with tricky strings and keys', () => {
    // GIVEN random JSON documents / WHEN written by both / THEN byte-identical
    fc.assert(fc.property(fc.array(fc.oneof(doc, fc.constant(undefined)), { maxLength: 3 }), (docs) => {
      expect(stringifyDocuments(docs)).toEqual(Yaml.stringify(...docs));
    }), { numRuns: Number(process.env.FUZZ_RUNS ?? 1500), seed: process.env.FUZZ_RUNS ? undefined : 7 });
  });

  test('writes the same text as Yaml.stringify on the example apps\' manifests', () => {
    // GIVEN every YAML file of the examples, loaded as documents
    const examples = path.join(__dirname, '..', '..', 'examples');
    for (const example of fs.readdirSync(examples)) {
      const dist = path.join(examples, example, 'dist');
      for (const file of fs.existsSync(dist) ? fs.readdirSync(dist) : []) {
        const docs = Yaml.load(path.join(dist, file));
        // WHEN / THEN
        expect(stringifyDocuments(docs)).toEqual(Yaml.stringify(...docs));
      }
    }
  });

  test('writes every tricky string as a value, a list item and a key like Yaml.stringify', () => {
    // GIVEN each tricky string in every position
    for (const s of TRICKY) {
      const docs = [{ v: s, l: [s, { [s]: s }], [s]: { nested: [s] } }];
      // WHEN / THEN
      expect(stringifyDocuments(docs)).toEqual(Yaml.stringify(...docs));
    }
  });

  test('writes a plain manifest itself, and falls back to Yaml.stringify for a multi-line string', () => {
    // GIVEN a manifest of the usual shape, after the first use (which checks the writer once)
    const manifest = { apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'x', labels: { a: 'b' } }, spec: { replicas: 2, template: { spec: { containers: [{ name: 'c', image: 'i:1', ports: [{ containerPort: 80 }] }] } } } };
    stringifyDocuments([manifest]);
    const spy = jest.spyOn(Yaml, 'stringify');
    try {
      // WHEN
      const text = stringifyDocuments([manifest]);
      const multiLine = stringifyDocuments([{ data: { 'a.yaml': 'x: 1\ny: 2\n' } }]);
      // THEN only the document with a multi-line string went through Yaml.stringify
      expect(spy).toHaveBeenCalledTimes(1);
      expect(text).toContain('      containers:\n        - name: c\n          image: i:1\n          ports:\n            - containerPort: 80\n');
      expect(multiLine).toEqual('data:\n  a.yaml: |\n    x: 1\n    y: 2\n');
    } finally {
      spy.mockRestore();
    }
  });

  test('writes no document and undefined documents like Yaml.stringify', () => {
    // GIVEN / WHEN / THEN
    expect(stringifyDocuments([])).toEqual(Yaml.stringify());
    expect(stringifyDocuments([undefined, { a: 1 }, undefined])).toEqual(Yaml.stringify(undefined, { a: 1 }, undefined));
  });
});

describe('string caches', () => {
  test('stay bounded over many distinct strings, short and long, and the output stays right', () => {
    // GIVEN 24,000 distinct label values, 12,000 annotation keys, and config-file-sized values
    const docs = Array.from({ length: 1_200 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: {
        name: `cm-${i}`,
        labels: Object.fromEntries(Array.from({ length: 10 }, (__, j) => [`k${j}`, `value-${i}-${j}`])),
        annotations: Object.fromEntries(Array.from({ length: 10 }, (__, j) => [`example.com/a-${i}-${j}`, `on ${i} ${j}`])),
      },
      data: { 'big.txt': `${'x'.repeat(2_000)} ${i}` },
    }));
    // WHEN
    const yaml = stringifyDocuments(docs);
    // THEN
    expect(STRING_CACHES.valueText.size).toBeLessThanOrEqual(20_000);
    expect(STRING_CACHES.plainKey.size).toBeLessThanOrEqual(20_000);
    const last = docs.slice(-20);
    expect(yaml.endsWith(stringifyDocuments(last))).toBe(true);
    expect(stringifyDocuments(last)).toEqual(Yaml.stringify(...last));
  });
});
