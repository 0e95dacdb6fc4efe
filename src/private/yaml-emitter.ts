import * as path from 'path';
import { Yaml } from 'cdk8s';
import { BoundedCache } from './bounded-cache';

/**
 * A fast writer of the YAML text that cdk8s's `Yaml.stringify` produces, byte for byte.
 *
 * `Yaml.stringify` builds a full YAML document model (nodes, pairs, schema tag tests) for every
 * manifest, which is most of the synth time of a large app. Kubernetes manifests are plain JSON
 * trees of a narrow shape, so this writes the block-style text directly, and asks the `yaml`
 * package only once per distinct string how it writes that string (plain, or quoted because it
 * would read as a number, a boolean, a timestamp…).
 *
 * Anything outside the shape it knows writes the whole document with `Yaml.stringify` instead:
 * multi-line strings, non-integer numbers, long keys, keys that need quotes, `undefined`,
 * non-plain objects. On first use it checks itself against `Yaml.stringify` on a probe document
 * and, if the installed cdk8s writes anything differently, always defers to `Yaml.stringify`.
 */

/** The `yaml` module cdk8s uses (its bundled copy), with the options of `Yaml.stringify`. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const YAML: { stringify(value: unknown, options: object): string } = require(require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] }));
const OPTIONS = { keepUndefined: true, lineWidth: 0, version: '1.1' };

const DOCUMENT_MARKER = /^(%|---|\.\.\.)/m;
const MAX_KEY = 1000;

/**
 * How a string is written as a value: its text, or null when this writer does not handle it; and
 * whether a string can be written as a plain map key. Bounded: config file contents and a
 * long-lived process's many apps must not grow them without end.
 * @internal
 */
export const STRING_CACHES = {
  valueText: new BoundedCache<string | null>(20_000, 1_000),
  plainKey: new BoundedCache<boolean>(20_000, MAX_KEY),
};

class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported();

/** The collections of the document being written: `yaml` writes an anchor for one seen twice. */
let seen = new Set<object>();

/**
 * Strings that the `yaml` package writes plain without asking it: a letter, then letters, digits
 * and `._/-`, with `:` only between such characters (an image reference), and none of the YAML 1.1
 * words for booleans and null, nor an exponent (`e3`, `E-7`: a float in YAML 1.1). No other
 * YAML 1.1 type starts with a letter, and no such string needs quotes (test/golden-app.test.ts compares this with
 * the `yaml` package on many strings). Names, labels, hosts and images of manifests are like this,
 * and asking `yaml` once per distinct string is most of the writer's time in a large app.
 */
const SURELY_PLAIN = /^[A-Za-z][A-Za-z0-9._/-]*(?::[A-Za-z0-9._/-]+)*$/;
const YAML_11_WORDS = /^(?:y|n|yes|no|true|false|on|off|null|e-?[0-9]+)$/i;

/** Whether `s` is surely written plain (see SURELY_PLAIN). */
export function isSurelyPlain(s: string): boolean {
  return SURELY_PLAIN.test(s) && !YAML_11_WORDS.test(s);
}

/** The text of a string value, or null when this writer does not handle it. */
function valueTextOf(s: string): string | null {
  if (isSurelyPlain(s)) {
    return s;
  }
  if (!s.includes('\n') && !s.includes('\r') && !DOCUMENT_MARKER.test(s)) {
    const written = YAML.stringify(s, OPTIONS);
    const line = written.slice(0, -1);
    // one line: plain, or quoted because the schema would read it as another type
    if (written.endsWith('\n') && !line.includes('\n') && (line === s || line.startsWith('"') || line.startsWith("'"))) {
      return line;
    }
  }
  return null;
}

function stringValue(s: string): string {
  const text = STRING_CACHES.valueText.get(s, valueTextOf);
  if (text === null) {
    throw UNSUPPORTED;
  }
  return text;
}

/** Whether a string can be written as a plain map key. */
function isPlainKey(k: string): boolean {
  return k.length > 0 && k.length < MAX_KEY && !/[\n\r]/.test(k) && !DOCUMENT_MARKER.test(k)
    && YAML.stringify({ [k]: 1 }, OPTIONS) === `${k}: 1\n`;
}

function key(k: string): string {
  if (!STRING_CACHES.plainKey.get(k, isPlainKey)) {
    throw UNSUPPORTED;
  }
  return k;
}

/** The text of a scalar, or undefined for a collection. */
function scalar(v: unknown): string | undefined {
  switch (typeof v) {
    case 'string':
      return stringValue(v);
    case 'number':
      if (Number.isSafeInteger(v) && !Object.is(v, -0)) {
        return String(v);
      }
      throw UNSUPPORTED;
    case 'boolean':
      return v ? 'true' : 'false';
    case 'object':
      if (v === null) {
        return 'null';
      }
      if (seen.has(v)) {
        throw UNSUPPORTED; // the same object twice in a document: an anchor and an alias
      }
      seen.add(v);
      if (Array.isArray(v)) {
        return v.length === 0 ? '[]' : undefined;
      }
      if (!isPlainObject(v)) {
        throw UNSUPPORTED;
      }
      for (const _ in v) {
        return undefined;
      }
      return '{}';
    default:
      throw UNSUPPORTED;
  }
}

function isPlainObject(v: object): boolean {
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function writeMap(obj: { [key: string]: unknown }, indent: string, out: string[]): void {
  for (const k of Object.keys(obj)) {
    const v = obj[k];
    const text = scalar(v);
    if (text !== undefined) {
      out.push(`${indent}${key(k)}: ${text}\n`);
    } else {
      out.push(`${indent}${key(k)}:\n`);
      writeCollection(v as object, `${indent}  `, out);
    }
  }
}

function writeSeq(items: unknown[], indent: string, out: string[]): void {
  for (const item of items) {
    const text = scalar(item);
    if (text !== undefined) {
      out.push(`${indent}- ${text}\n`);
    } else {
      // the first line of a nested collection goes on the dash line: `- key: value`, `- - item`
      const first = out.length;
      writeCollection(item as object, `${indent}  `, out);
      out[first] = `${indent}- ${out[first].slice(indent.length + 2)}`;
    }
  }
}

function writeCollection(v: object, indent: string, out: string[]): void {
  if (Array.isArray(v)) {
    writeSeq(v, indent, out);
  } else {
    writeMap(v as { [key: string]: unknown }, indent, out);
  }
}

/** One document as `Yaml.stringify` writes it, or undefined when this writer does not handle it. */
function fastDocument(doc: unknown): string | undefined {
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !isPlainObject(doc)) {
    return undefined;
  }
  const out: string[] = [];
  seen = new Set();
  try {
    if (scalar(doc) !== undefined) {
      return undefined; // an empty document
    }
    writeMap(doc as { [key: string]: unknown }, '', out);
  } catch (e) {
    if (e === UNSUPPORTED) {
      return undefined;
    }
    throw e;
  } finally {
    seen = new Set();
  }
  return out.join('');
}

const PROBE = [{
  apiVersion: 'v1',
  kind: 'Probe',
  metadata: { name: 'probe', labels: { 'app.kubernetes.io/name': 'x' }, annotations: { 'a/b': 'true', 'c': '8080', 'd': 'yes', 'e': '1.5', 'f': '' } },
  spec: {
    num: 3,
    zero: 0,
    neg: -7,
    t: true,
    f: false,
    nil: null,
    emptyMap: {},
    emptyList: [],
    list: ['a', 1, true, null, {}, [], { k: 'v', m: { x: 'y' } }, ['nested', ['deeper']], [{ a: 'b' }]],
    deep: { seq: [{ name: 'c', ports: [{ containerPort: 8080, name: 'http' }] }], s: 'ghcr.io/acme/x:1.0.0' },
    plain: ['svc-0', 'a.b/c_d-e', 'ghcr.io/acme/x:1.0.0', 'Yesterday', 'nullable', 'x:y:z', 'E1', 'Inf', 'NaN'],
    quoted: ['~', 'null', 'on', 'off', 'y', '0x1F', '2001-12-14', '1:20', '.inf', 'a: b', '#c', '- x', '*', 'x ', ' x'],
  },
}, { apiVersion: 'v1', kind: 'Second' }];

let trusted: boolean | undefined;

/** Whether this writer reproduces the installed cdk8s's `Yaml.stringify` on the probe. */
function isTrusted(): boolean {
  if (trusted === undefined) {
    trusted = false;
    const ours = PROBE.map(fastDocument);
    if (ours.every((d) => d !== undefined)) {
      trusted = ours.join('---\n') === Yaml.stringify(...PROBE);
    }
  }
  return trusted;
}

/**
 * `Yaml.stringify(...docs)`: the same text, written faster.
 * @internal
 */
export function stringifyDocuments(docs: ReadonlyArray<unknown>): string {
  const fast = isTrusted();
  return docs.map((doc) => (fast ? fastDocument(doc) : undefined) ?? Yaml.stringify(doc)).join('---\n');
}
