/*
 * YAML as Kubernetes reads it. kubectl and the API server read YAML with sigs.k8s.io/yaml over
 * go-yaml v2, which is YAML 1.1: `yes`, `on`, `y` are booleans, `0b0`, `0_0`, `0x0_0`, `000` are
 * numbers, `<<` merges maps (and a merge key written after an explicit key overrides it). A checker
 * that reads the same text as YAML 1.2 checks another object than the one the cluster stores.
 *
 * Like Kubernetes (k8s.io/apimachinery's YAMLReader), the text is first split at the lines that
 * start with `---`, each part read on its own; a `---` line with more than a comment after it, and
 * directives (`%YAML`, `%TAG`), are refused as Kubernetes refuses them.
 *
 * Two readers, one result:
 * - the full reader: the `yaml` package with its YAML 1.1 schema (timestamps and base-60 numbers
 *   left out: go-yaml keeps both as strings), then `KubernetesReading` below, which builds the
 *   JSON as go-yaml does: merge keys in go-yaml's order, alias expansion bounded like go-yaml's
 *   "excessive aliasing" check, depth bounded, keys as strings, duplicate keys refused;
 * - a fast reader (about ten times faster) for the documents where both agree by construction:
 *   js-yaml, resolving plain scalars with the very rules of the `yaml` package's YAML 1.1 schema
 *   (and the same corrections), used only for text without anchors, aliases, tags, `<<` and
 *   YAML 1.1 line breaks (the constructs whose reading differs between the two parsers); any
 *   other document, and any document js-yaml does not accept, goes to the full reader, whose
 *   answer (value or error) is the one given. test/property/check.property.test.ts compares the
 *   two on generated and damaged text.
 *
 * Where the `yaml` package's YAML 1.1 scalars differ from go-yaml's, `kubernetesScalar` corrects
 * them (Go's number syntax: `0o7`, `0X1F`, `0B1`, `1e3_0`, `0_`; out-of-range numbers stay strings;
 * `.inf` and `.nan` have no JSON form and are refused). test/fixtures/yaml-as-kubernetes-reads-it
 * and the shared conformance cases hold what kubectl made of each spelling.
 */
import type * as JsYaml from 'js-yaml';
import type * as YamlPackage from 'yaml';
import {
  ALIAS_FREE_COUNT, ALIAS_FREE_DECODES, MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_FULL_READER_BYTES, allowedAliasRatio, formatBytes,
} from './input-limits';

/** A text that is not YAML as Kubernetes reads it; the message says what and where, in one line. */
export class YamlReadError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'YamlReadError';
  }
}

/** What the readers read so far in one run: the full reader's budget, and counts for tests and measurements. */
export interface ReadStats {
  /** Documents read by the fast reader. */
  fast: number;
  /** Texts read by the full YAML 1.1 reader. */
  full: number;
  /** Characters read by the full YAML 1.1 reader, at most MAX_FULL_READER_BYTES in one run. */
  fullBytes: number;
}

/** Counters for a new run. */
export function newReadStats(): ReadStats {
  return { fast: 0, full: 0, fullBytes: 0 };
}

/**
 * A line that starts with `---`. Kubernetes splits a stream into documents at such lines before it
 * parses anything (k8s.io/apimachinery's YAMLReader), and refuses one with more than a comment after
 * the `---`; each part is then read on its own.
 */
const SEPARATOR_LINE = /^---(.*)$/gm;
/** A directive (`%YAML`, `%TAG`): Kubernetes's reader refuses them (the part before `---` is read alone). */
const DIRECTIVE = /^%/m;
/** Constructs whose reading differs between YAML 1.1 (go-yaml) and js-yaml: anchors, aliases, tags, merge keys, 1.1 line breaks. */
const NEEDS_FULL_READER = /(?:^|[\s,[{:])[&*!]|<<[ \t]*(?:[:,}\]]|$)|[\u0085\u2028\u2029]/m;
/** `.inf` and `.nan` in every spelling go-yaml knows. */
const INF_OR_NAN = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
/** The first characters of every plain scalar that YAML 1.1 or Go may read as a null, a boolean or a number. */
const MAY_NOT_BE_A_STRING = /^(?:$|[-+.0-9~nNyYtTfFoO])/;
/** A plain scalar that go-yaml may read as a number. */
const NUMBER_START = /^[-+]?[0-9.]/;
/** go-yaml's float syntax (after removing underscores). */
const GO_YAML_FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Go's `strconv.ParseInt(s, 0, 64)` syntax: sign, then 0x/0o/0b prefix, leading-zero octal, or decimal. */
const GO_INTEGER = /^([-+]?)(?:0[xX]([0-9a-fA-F]+)|0[oO]([0-7]+)|0[bB]([01]+)|0([0-7]*)|([1-9][0-9]*))$/;
const INT64_MIN = -(BigInt(2) ** BigInt(63));
const INT64_MAX = BigInt(2) ** BigInt(63) - BigInt(1);
const UINT64_MAX = BigInt(2) ** BigInt(64) - BigInt(1);
const TWO_POW_63 = 2 ** 63;
const INT_TAG = 'tag:yaml.org,2002:int';
const FLOAT_TAG = 'tag:yaml.org,2002:float';

/**
 * The number go-yaml reads from a plain scalar, or undefined when it reads a string: underscores
 * removed, then a 64-bit integer as Go's `strconv.ParseInt`/`ParseUint` with base 0, then a float
 * of go-yaml's float syntax that `strconv.ParseFloat` reads without overflow.
 */
export function goYamlNumber(source: string): number | undefined {
  const plain = source.replace(/_/g, '');
  const int = GO_INTEGER.exec(plain);
  if (int) {
    const [, sign, hex, octal, binary, leadingZeroOctal, decimal] = int;
    let digits: bigint | undefined;
    if (hex !== undefined) {
      digits = BigInt(`0x${hex}`);
    } else if (octal !== undefined) {
      digits = BigInt(`0o${octal}`);
    } else if (binary !== undefined) {
      digits = BigInt(`0b${binary}`);
    } else if (leadingZeroOctal !== undefined) {
      digits = leadingZeroOctal === '' ? BigInt(0) : BigInt(`0o${leadingZeroOctal}`);
    } else {
      digits = BigInt(decimal);
    }
    const value = sign === '-' ? -digits : digits;
    // ParseInt takes a sign; ParseUint (tried next) does not.
    if ((value >= INT64_MIN && value <= INT64_MAX) || (sign === '' && value <= UINT64_MAX)) {
      return Number(value);
    }
  }
  if (GO_YAML_FLOAT.test(plain)) {
    const value = Number(plain);
    // ParseFloat fails with a range error on overflow: go-yaml then keeps the string.
    return Number.isFinite(value) ? value : undefined;
  }
  return undefined;
}

/**
 * A plain (unquoted, untagged) scalar as go-yaml reads it, from what the `yaml` package's YAML 1.1
 * schema made of it: the same, except for Go's number syntax (see goYamlNumber) and `.inf`/`.nan`,
 * which go-yaml reads but cannot turn into JSON (Kubernetes refuses the document).
 */
export function kubernetesScalar(source: string, value: unknown): unknown {
  if (typeof value === 'number') {
    if (Object.is(value, -0)) {
      // go-yaml reads `-0` as the integer 0 (JSON has no negative zero that survives a round trip).
      return 0;
    }
    if (Number.isFinite(value) && Math.abs(value) < TWO_POW_63) {
      return value;
    }
    if (INF_OR_NAN.test(source)) {
      throw new YamlReadError(`'${source}' has no JSON form, and Kubernetes refuses it; quote it to make it a string`);
    }
    return goYamlNumber(source) ?? source;
  }
  if (typeof value === 'string' && NUMBER_START.test(source)) {
    return goYamlNumber(source) ?? value;
  }
  return value;
}

/* ------------------------------------------------------------------ the two readers */

interface Readers {
  readonly yaml: typeof YamlPackage;
  readonly jsYaml: typeof JsYaml;
  /** The `yaml` package's YAML 1.1 tags, without merge keys (done here), timestamps and base 60. */
  readonly customTags: (tags: any[]) => any[];
  /** js-yaml's schema with the YAML 1.1 implicit scalar types of the `yaml` package. */
  readonly fastSchema: JsYaml.Schema;
}

let readers: Readers | undefined;

/** go-yaml keeps timestamps and base-60 numbers as strings, and merge keys are done in toKubernetesValue. */
function isKubernetesTag(tag: any): boolean {
  return tag.tag !== 'tag:yaml.org,2002:timestamp' && tag.tag !== 'tag:yaml.org,2002:merge' && tag.format !== 'TIME';
}

function loadReaders(): Readers {
  if (readers === undefined) {
    // Loaded when first needed: only the command line and the validation plugin read YAML.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require('yaml') as typeof YamlPackage;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const jsYaml = require('js-yaml') as typeof JsYaml;
    const customTags = (tags: any[]) => tags.filter(isKubernetesTag);
    const schema = new yaml.Schema({ schema: 'yaml-1.1', merge: false, customTags } as any);
    const tags = (schema.tags as any[]).filter((tag) => tag.default === true && tag.test instanceof RegExp);
    // One implicit type that tries the tags in the schema's order, as the `yaml` package does, then
    // Go's number forms that no YAML 1.1 tag matches (`0o7`, `0X1F`, `0B1`). Most plain scalars
    // (names, images, paths) start with a character no tag can match and are strings at once.
    let resolved: unknown;
    const kubernetesScalarType = new jsYaml.Type('tag:cdk8s-golden,kubernetes-scalar', {
      kind: 'scalar',
      resolve: (data: unknown) => {
        if (typeof data !== 'string' || !MAY_NOT_BE_A_STRING.test(data)) {
          return false;
        }
        for (const tag of tags) {
          if (tag.test.test(data)) {
            const value = tag.resolve(data, (message: string) => {
              throw new YamlReadError(message);
            }, {});
            // Some tags (booleans) resolve to a Scalar node that keeps the source spelling.
            resolved = kubernetesScalar(data, yaml.isScalar(value) ? value.value : value);
            return true;
          }
        }
        resolved = NUMBER_START.test(data) ? goYamlNumber(data) : undefined;
        return resolved !== undefined;
      },
      construct: () => resolved,
    });
    const implicit = [kubernetesScalarType];
    const fastSchema = jsYaml.FAILSAFE_SCHEMA.extend({ implicit });
    readers = { yaml, jsYaml, customTags, fastSchema };
  }
  return readers;
}

/**
 * The documents of a YAML text, each as the JSON Kubernetes would make of it (null for an empty
 * document). Throws a YamlReadError (one line: what, and where) for anything Kubernetes would not
 * read, for duplicate keys, and for input over the limits of input-limits.ts.
 *
 * @param stats what was read so far in this run (the full reader's budget is shared by a run)
 * @param fullReaderOnly read every document with the full reader (tests check the fast reader against it)
 */
export function readKubernetesYaml(text: string, stats: ReadStats = newReadStats(), fullReaderOnly = false): unknown[] {
  const r = loadReaders();
  const documents: unknown[] = [];
  let line = 0;
  for (const chunk of documentChunks(text)) {
    if (DIRECTIVE.test(chunk.text)) {
      throw new YamlReadError(`directives (%YAML, %TAG) are refused by Kubernetes's YAML reader, got one after line ${line + 1}; remove them`);
    }
    if (chunk.text.length > MAX_DOCUMENT_BYTES) {
      throw new YamlReadError(`the document at line ${line + 1} is larger than ${formatBytes(MAX_DOCUMENT_BYTES)}; split it into smaller documents`);
    }
    const fast = fullReaderOnly || NEEDS_FULL_READER.test(chunk.text) ? undefined : readFast(r, chunk.text, line);
    if (fast !== undefined) {
      documents.push(...fast);
      stats.fast += fast.length;
    } else {
      documents.push(...readFull(r, chunk.text, line, stats));
    }
    line += chunk.lines;
  }
  return documents;
}

/** The text split at its separator lines as Kubernetes splits it, with the line count of each part. */
function documentChunks(text: string): Array<{ text: string; lines: number }> {
  const starts: number[] = [0];
  SEPARATOR_LINE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = SEPARATOR_LINE.exec(text)) !== null) {
    const rest = match[1].trim();
    if (rest !== '' && !rest.startsWith('#')) {
      throw new YamlReadError(`a line that starts with --- separates documents and may hold only a comment after it, got '${match[0].slice(0, 40)}' `
        + `at line ${lineAt(text, match.index)}; Kubernetes refuses it: put the document on the next line`);
    }
    if (match.index > 0) {
      starts.push(match.index);
    }
  }
  return starts.map((start, i) => {
    const part = text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length);
    let lines = 0;
    for (let at = part.indexOf('\n'); at >= 0; at = part.indexOf('\n', at + 1)) {
      lines++;
    }
    return { text: part, lines };
  });
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
  }
  return line;
}

/** js-yaml's reading, or undefined when the full reader must decide (anything js-yaml refuses, a key go-yaml would refuse). */
function readFast(r: Readers, text: string, firstLine: number): unknown[] | undefined {
  const documents: unknown[] = [];
  try {
    r.jsYaml.loadAll(text, (document) => documents.push(document), { schema: r.fastSchema, maxDepth: MAX_DEPTH + 1 } as any);
  } catch (e) {
    if (e instanceof YamlReadError) {
      throw e;
    }
    if (/nesting exceeded maxDepth/.test((e as Error).message)) {
      throw tooDeep(lineOfError(e, firstLine));
    }
    return undefined;
  }
  // js-yaml turns a null key into 'null' and a map key into '[object Object]', where go-yaml fails;
  // and a map or list met twice came from an alias the text scan missed: the full reader decides.
  return hasOnlyScalarKeysAndNoAlias(documents) ? documents : undefined;
}

function hasOnlyScalarKeysAndNoAlias(value: unknown): boolean {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const next = stack.pop();
    if (typeof next !== 'object' || next === null) {
      continue;
    }
    if (seen.has(next)) {
      return false;
    }
    seen.add(next);
    if (Array.isArray(next)) {
      for (const item of next) {
        stack.push(item);
      }
      continue;
    }
    for (const key of Object.keys(next)) {
      if (key === 'null' || key.startsWith('[object ')) {
        return false;
      }
      stack.push((next as any)[key]);
    }
  }
  return true;
}

/** The full reader: the `yaml` package (YAML 1.1), then the JSON as go-yaml builds it. */
function readFull(r: Readers, text: string, firstLine: number, stats: ReadStats): unknown[] {
  stats.fullBytes += text.length;
  if (stats.fullBytes > MAX_FULL_READER_BYTES) {
    throw new YamlReadError(`more than ${formatBytes(MAX_FULL_READER_BYTES)} of the input needs the full YAML 1.1 reader `
      + '(anchors, aliases, tags, merge keys, directives, or text that is not plain YAML); check it in smaller parts');
  }
  const lineCounter = new r.yaml.LineCounter();
  const where = (offset: number | undefined): string => {
    if (offset === undefined) {
      return '';
    }
    const pos = lineCounter.linePos(offset);
    return ` at line ${pos.line + firstLine}, column ${pos.col}`;
  };
  let parsed: YamlPackage.Document.Parsed[];
  try {
    parsed = r.yaml.parseAllDocuments(text, {
      version: '1.1', schema: 'yaml-1.1', merge: false, uniqueKeys: false, customTags: r.customTags, lineCounter, prettyErrors: false,
    } as any) as YamlPackage.Document.Parsed[];
  } catch (e) {
    throw e instanceof RangeError ? tooDeep('') : new YamlReadError(oneLine(e));
  }
  if (!Array.isArray(parsed)) {
    // An empty stream: the `yaml` package gives an empty document object.
    parsed = [parsed as YamlPackage.Document.Parsed];
  }
  stats.full++;
  const documents: unknown[] = [];
  for (const document of parsed) {
    const error = document.errors[0];
    if (error && /Maximum call stack/.test(error.message)) {
      throw tooDeep(where(error.pos[0]));
    }
    if (error) {
      throw new YamlReadError(`${oneLine(error.message.replace(/ at line \d+, column \d+:?[\s\S]*$/, ''))}${where(error.pos[0])}`);
    }
    const reading = new KubernetesReading(r.yaml, document, where);
    documents.push(document.contents === null ? null : reading.value(document.contents, 1));
  }
  return documents;
}

/**
 * The JSON go-yaml (through sigs.k8s.io/yaml) makes of a parsed document: scalars corrected with
 * kubernetesScalar, keys as strings, merge keys in go-yaml's order (each `<<` assigns the merged
 * map's keys over what is there, so a merge key written after an explicit key overrides it; the
 * maps of a `<<` list are merged last to first, so the first wins), explicit duplicate keys
 * refused, aliases expanded with go-yaml's excessive-aliasing check, depth bounded.
 */
class KubernetesReading {
  private decodes = 0;
  private aliased = 0;
  private aliasDepth = 0;
  private readonly expanding = new Set<unknown>();

  constructor(
    private readonly yaml: typeof YamlPackage,
    private readonly document: YamlPackage.Document.Parsed,
    private readonly where: (offset: number | undefined) => string) {}

  public value(node: unknown, depth: number): unknown {
    const y = this.yaml;
    this.decodes++;
    if (this.aliasDepth > 0) {
      this.aliased++;
    }
    if (this.aliased > ALIAS_FREE_COUNT && this.decodes > ALIAS_FREE_DECODES && this.aliased / this.decodes > allowedAliasRatio(this.decodes)) {
      throw new YamlReadError(`the document expands aliases excessively (${this.aliased} of ${this.decodes} nodes come from aliases), as Kubernetes refuses it${this.at(node)}`);
    }
    if (y.isAlias(node)) {
      const target = node.resolve(this.document);
      if (target === undefined) {
        throw new YamlReadError(`unknown anchor '${node.source}'${this.at(node)}`);
      }
      if (this.expanding.has(target)) {
        throw new YamlReadError(`anchor '${node.source}' contains itself${this.at(node)}`);
      }
      this.expanding.add(target);
      this.aliasDepth++;
      try {
        return this.value(target, depth);
      } finally {
        this.aliasDepth--;
        this.expanding.delete(target);
      }
    }
    if (y.isScalar(node)) {
      return this.scalar(node);
    }
    if (depth > MAX_DEPTH) {
      throw tooDeep(this.at(node));
    }
    if (y.isMap(node)) {
      return this.map(node, depth);
    }
    if (y.isSeq(node)) {
      // !!omap and !!pairs are lists of pairs: go-yaml makes each a one-key map.
      return node.items.map((item) => (y.isPair(item) ? this.pairAsMap(item, depth + 1) : this.value(item, depth + 1)));
    }
    return null;
  }

  private scalar(node: YamlPackage.Scalar): unknown {
    let value: unknown = node.value;
    if (node.type === 'PLAIN' && node.tag === undefined && typeof node.source === 'string') {
      value = kubernetesScalar(node.source, value);
    } else if ((node.tag === INT_TAG || node.tag === FLOAT_TAG) && typeof value === 'string') {
      // `!!int "12"`, `!!float "1"`: go-yaml reads the text as a number of that kind, or fails.
      const number = goYamlNumber(value);
      if (number === undefined) {
        throw new YamlReadError(`cannot read '${value}' as ${node.tag === INT_TAG ? '!!int' : '!!float'}, as Kubernetes cannot${this.at(node)}`);
      }
      value = number;
    }
    if (value instanceof Uint8Array) {
      // !!binary: go-yaml decodes the bytes into a string.
      return Buffer.from(value).toString('utf8');
    }
    if (typeof value === 'number' && !Number.isFinite(value)) {
      throw new YamlReadError(`${String(value)} has no JSON form, and Kubernetes refuses it${this.at(node)}`);
    }
    if (typeof value === 'bigint') {
      return Number(value);
    }
    return value === undefined ? null : value;
  }

  private map(node: YamlPackage.YAMLMap, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    const explicit = new Set<string>();
    for (const pair of node.items) {
      if (this.isMergeKey(pair.key)) {
        this.merge(pair.value, out, depth);
        continue;
      }
      const key = this.key(pair.key, depth);
      if (explicit.has(key)) {
        throw new YamlReadError(`the key '${key}' appears twice in one map (which one a cluster stores depends on the client: kubectl keeps the last)${this.at(pair.key)}`);
      }
      explicit.add(key);
      define(out, key, this.value(pair.value, depth + 1));
    }
    return out;
  }

  private pairAsMap(pair: YamlPackage.Pair, depth: number): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    define(out, this.key(pair.key, depth), this.value(pair.value, depth + 1));
    return out;
  }

  /** A plain, untagged `<<` key (a quoted one is an ordinary key, as in go-yaml). */
  private isMergeKey(key: unknown): boolean {
    return this.yaml.isScalar(key) && key.type === 'PLAIN' && key.source === '<<' && (key.tag === undefined || key.tag === 'tag:yaml.org,2002:merge');
  }

  private merge(value: unknown, out: Record<string, unknown>, depth: number): void {
    const y = this.yaml;
    const asMap = (node: unknown): unknown => (y.isAlias(node) ? node.resolve(this.document) : node);
    const wantMap = () => new YamlReadError(`a merge key '<<' needs a map or a list of maps as its value${this.at(value)}`);
    if (y.isMap(asMap(value))) {
      Object.assign(out, this.copy(this.value(value, depth)));
    } else if (y.isSeq(value)) {
      for (let i = value.items.length - 1; i >= 0; i--) {
        if (!y.isMap(asMap(value.items[i]))) {
          throw wantMap();
        }
        Object.assign(out, this.copy(this.value(value.items[i], depth)));
      }
    } else {
      throw wantMap();
    }
  }

  private copy(value: unknown): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      define(out, key, v);
    }
    return out;
  }

  /** A key as sigs.k8s.io/yaml writes it in JSON: strings as they are, numbers and booleans as text; others refused. */
  private key(node: unknown, depth: number): string {
    const key = this.value(node, depth + 1);
    if (typeof key === 'string') {
      return key;
    }
    if (typeof key === 'number' || typeof key === 'boolean') {
      return String(key);
    }
    throw new YamlReadError(`a map key must be a string, a number or a boolean, got ${key === null ? 'null' : Array.isArray(key) ? 'a list' : 'a map'}${this.at(node)}`);
  }

  private at(node: unknown): string {
    const range = (node as { range?: [number, number, number] } | undefined)?.range;
    return this.where(range?.[0]);
  }
}

/** Sets a key on a plain object, `__proto__` included (an ordinary key in Kubernetes). */
function define(out: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') {
    Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    out[key] = value;
  }
}

function tooDeep(where: string): YamlReadError {
  return new YamlReadError(`maps and lists are nested more than ${MAX_DEPTH} levels deep${where}; Kubernetes objects are far flatter`);
}

/** Where js-yaml says an error is. */
function lineOfError(e: unknown, firstLine: number): string {
  const mark = (e as { mark?: { line: number; column: number } }).mark;
  return mark ? ` at line ${mark.line + 1 + firstLine}, column ${mark.column + 1}` : '';
}

function oneLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  return message.split('\n')[0].trim();
}
