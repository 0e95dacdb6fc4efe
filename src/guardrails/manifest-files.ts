import * as fs from 'fs';
import * as path from 'path';
import { MAX_DOCUMENT_BYTES, MAX_DEPTH, MAX_INPUT_BYTES, formatBytes } from './input-limits';
import { ReadStats, YamlReadError, newReadStats, readKubernetesYaml } from './kubernetes-yaml';
import { formatValue } from '../private/errors';

/** The name under which standard input appears in findings and errors. */
export const STDIN_NAME = '<stdin>';

/** The file extensions read from a folder. */
const MANIFEST_EXTENSIONS: ReadonlyArray<string> = ['.yaml', '.yml', '.json'];
/**
 * The file cdk8s writes beside the manifests in `dist/` when validations run (construct paths
 * keyed by object name): not a manifest, so a folder's walk leaves it out; named as a path it is
 * read like any other file.
 */
const CDK8S_CONSTRUCT_METADATA = 'construct-metadata.json';

/** One Kubernetes object read from the input, with the file it came from. */
export interface SourcedManifest {
  /** The file (as named on the command line, or found in a named folder), or `<stdin>`. */
  readonly file: string;
  /** The object as plain JSON. */
  readonly manifest: unknown;
}

/** An input that could not be read or parsed: the command exits with 2. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** How the reader reaches the outside world (replaced in tests). */
export interface SourceIo {
  /**
   * Reads all of standard input, or throws an InputError as soon as it holds more than
   * `maxBytes` bytes (so that an endless or huge stream is refused early).
   */
  readStdin(maxBytes: number): string;
}

/** The process's standard input, read in chunks up to a limit. */
export const PROCESS_IO: SourceIo = { readStdin: (maxBytes) => readBounded(0, maxBytes, STDIN_NAME) };

/** Options of `readManifests`. */
export interface ReadOptions {
  /**
   * Accept input without any Kubernetes object, and skip documents that are not one (no `kind`).
   * @default false - both are errors: a check of nothing must not pass
   */
  readonly allowEmpty?: boolean;
}

/**
 * The files behind the paths of the command line, in order: a file as given (whatever its
 * extension), a folder as its *.yaml, *.yml and *.json files, recursively, sorted by name (but
 * cdk8s's construct-metadata.json), and `-` as standard input (once). Throws an InputError naming every path that does not exist.
 */
export function expandPaths(paths: ReadonlyArray<string>): string[] {
  const files: string[] = [];
  const missing: string[] = [];
  let stdin = false;
  for (const p of paths) {
    if (p === '-') {
      if (!stdin) {
        files.push('-');
      }
      stdin = true;
      continue;
    }
    let stat: fs.Stats;
    try {
      stat = fs.statSync(p);
    } catch (e) {
      missing.push(`${p}: ${reason(e)}`);
      continue;
    }
    if (stat.isDirectory()) {
      walk(p, files);
    } else {
      files.push(p);
    }
  }
  if (missing.length > 0) {
    throw new InputError(missing.map((m) => `cannot read ${m}`).join('\n'));
  }
  return files;
}

function walk(dir: string, files: string[]): void {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      walk(full, files);
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())
      && entry.name !== CDK8S_CONSTRUCT_METADATA) {
      files.push(full);
    }
  }
}

/**
 * Reads and parses every file: the Kubernetes objects they hold, in order, as Kubernetes reads
 * them (see kubernetes-yaml.ts). JSON arrays and objects of every `*List` kind contribute their
 * items; empty documents are skipped. Throws an InputError naming each file that cannot be read,
 * is not valid YAML or JSON, holds a document that is not a Kubernetes object (unless
 * `allowEmpty`), or, when nothing was found, saying so (unless `allowEmpty`). Input over the
 * limits of input-limits.ts is refused before it is read.
 */
export function readManifests(files: ReadonlyArray<string>, io: SourceIo = PROCESS_IO, options: ReadOptions = {}): SourcedManifest[] {
  const manifests: SourcedManifest[] = [];
  const problems: string[] = [];
  const stats = newReadStats();
  let remaining = MAX_INPUT_BYTES;
  for (const file of files) {
    const name = file === '-' ? STDIN_NAME : file;
    let text: string;
    try {
      text = file === '-' ? io.readStdin(remaining) : readFileBounded(file, remaining);
    } catch (e) {
      if (e instanceof InputLimitError) {
        throw e; // over the input limit: nothing more is read
      }
      problems.push(e instanceof InputError ? e.message : `cannot read ${name}: ${reason(e)}`);
      continue;
    }
    remaining -= Buffer.byteLength(text, 'utf8');
    try {
      for (const manifest of parseManifests(text, name, stats)) {
        if (isKubernetesObject(manifest)) {
          manifests.push({ file: name, manifest });
        } else if (!options.allowEmpty) {
          throw new InputError(`${name} holds a document that is not a Kubernetes object (it has no kind): ${describe(manifest)}; `
            + 'remove it, or pass --allow-empty to skip such documents');
        }
      }
    } catch (e) {
      problems.push(e instanceof InputError ? e.message : `${name} could not be read: ${reason(e)}`);
    }
  }
  if (problems.length > 0) {
    throw new InputError(problems.join('\n'));
  }
  if (manifests.length === 0 && !options.allowEmpty) {
    throw new InputError(`no Kubernetes object found in ${files.map((f) => (f === '-' ? STDIN_NAME : f)).join(' ') || 'the input'}; `
      + 'a check of nothing does not pass (pass --allow-empty to accept empty input)');
  }
  return manifests;
}

/**
 * The objects of one file's text, as Kubernetes reads them: JSON when the file name ends in
 * .json, else multi-document YAML 1.1 (JSON is valid YAML too). Throws an InputError naming the
 * file on a syntax error, a duplicate key, or input over a limit.
 */
export function parseManifests(text: string, file: string, stats: ReadStats = newReadStats()): unknown[] {
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    throw new InputError(`${file} is not YAML or JSON: it holds a NUL byte at line ${lineOf(text, nul)}`);
  }
  let documents: unknown[];
  if (file.toLowerCase().endsWith('.json')) {
    documents = [readJson(text, file)];
  } else {
    try {
      documents = readKubernetesYaml(text, stats);
    } catch (e) {
      if (e instanceof YamlReadError) {
        throw new InputError(`${file} is not valid YAML: ${e.message}`);
      }
      throw e;
    }
  }
  const objects: unknown[] = [];
  for (const document of documents) {
    flatten(document, objects, 0);
  }
  return objects;
}

/** A JSON file as Kubernetes reads it: JSON.parse, with duplicate keys refused and depth bounded. */
function readJson(text: string, file: string): unknown {
  if (text.length > MAX_DOCUMENT_BYTES) {
    throw new InputError(`${file} is larger than ${formatBytes(MAX_DOCUMENT_BYTES)}; split it into smaller files`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new InputError(`${file} is not valid JSON: ${reason(e)}`);
  }
  const problem = jsonProblem(value, text);
  if (problem !== undefined) {
    throw new InputError(`${file} is not valid JSON as Kubernetes reads it: ${problem}`);
  }
  return value;
}

/**
 * What Kubernetes would refuse in parsed JSON: nesting over MAX_DEPTH, or a duplicate key, which
 * JSON.parse silently resolves (the last one wins). Duplicates are looked for only when the text
 * holds more keys than the parsed objects: a cheap count of `":` pairs is an upper bound.
 */
function jsonProblem(value: unknown, text: string): string | undefined {
  let keys = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length > 0) {
    const [next, depth] = stack.pop()!;
    if (typeof next !== 'object' || next === null) {
      continue;
    }
    if (depth > MAX_DEPTH) {
      return `maps and lists are nested more than ${MAX_DEPTH} levels deep`;
    }
    const values = Array.isArray(next) ? next : Object.values(next);
    if (!Array.isArray(next)) {
      keys += values.length;
    }
    for (const v of values) {
      stack.push([v, depth + 1]);
    }
  }
  const colons = text.match(/"\s*:/g)?.length ?? 0;
  if (colons > keys) {
    // Some text holds more key-like pairs than the objects have keys: read it again, keeping duplicates.
    const duplicate = duplicateJsonKey(text);
    if (duplicate !== undefined) {
      return `the key '${duplicate}' appears twice in one object (which one a cluster stores depends on the client: kubectl keeps the last)`;
    }
  }
  return undefined;
}

/** The first key that appears twice in one object of a JSON text, read with the YAML reader (JSON is YAML). */
function duplicateJsonKey(text: string): string | undefined {
  try {
    readKubernetesYaml(text);
  } catch (e) {
    const match = e instanceof YamlReadError ? /^the key '(.*)' appears twice/.exec(e.message) : null;
    if (match) {
      return match[1];
    }
  }
  return undefined;
}

/** True for a map with a non-empty string `kind`: what kubectl accepts as an object. */
function isKubernetesObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    && typeof (value as any).kind === 'string' && (value as any).kind !== '';
}

/** A document for a message: a map by its keys, anything else as JSON, cut short. */
function describe(value: unknown): string {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    const keys = Object.keys(value);
    return keys.length === 0 ? 'an empty map' : `a map with ${keys.slice(0, 5).map((k) => `'${k}'`).join(', ')}${keys.length > 5 ? ', …' : ''}`;
  }
  return formatValue(value);
}

/**
 * A document as objects, appended to `out`: arrays and lists (`List`, `PodList`, `DeploymentList`,
 * any kind ending in `List` with an `items` array, nested too) unwrapped, empty documents dropped.
 */
function flatten(document: unknown, out: unknown[], depth: number): void {
  if (document === null || document === undefined) {
    return;
  }
  if (depth > MAX_DEPTH) {
    throw new InputError(`lists are nested more than ${MAX_DEPTH} levels deep`);
  }
  if (Array.isArray(document)) {
    for (const item of document) {
      flatten(item, out, depth + 1);
    }
  } else if (isList(document)) {
    for (const item of (document as any).items) {
      flatten(item, out, depth + 1);
    }
  } else {
    out.push(document);
  }
}

/** An object of a list kind: `kind` ends in `List` and `items` is an array. */
function isList(value: unknown): boolean {
  const v = value as any;
  return typeof v === 'object' && v !== null && typeof v.kind === 'string' && v.kind.endsWith('List') && Array.isArray(v.items);
}

/** Reads a file, refusing it before reading when it is larger than `maxBytes`. */
function readFileBounded(file: string, maxBytes: number): string {
  const fd = fs.openSync(file, 'r');
  try {
    const stat = fs.fstatSync(fd);
    if (stat.isFile()) {
      if (stat.size > maxBytes) {
        throw tooMuchInput(file);
      }
      return utf8(fs.readFileSync(fd), file);
    }
    return readBounded(fd, maxBytes, file); // a pipe or device: read up to the limit
  } finally {
    fs.closeSync(fd);
  }
}

/** Reads a stream to its end in chunks, refusing it as soon as it holds more than `maxBytes`. */
function readBounded(fd: number, maxBytes: number, name: string): string {
  const chunks: Buffer[] = [];
  let total = 0;
  const chunk = Buffer.allocUnsafe(1024 * 1024);
  for (;;) {
    let n: number;
    try {
      n = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EAGAIN') {
        continue; // a non-blocking pipe with nothing yet
      }
      if ((e as NodeJS.ErrnoException).code === 'EOF') {
        break;
      }
      throw e;
    }
    if (n === 0) {
      break;
    }
    total += n;
    if (total > maxBytes) {
      throw tooMuchInput(name);
    }
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return utf8(Buffer.concat(chunks, total), name);
}

/** The text of UTF-8 bytes; bytes that are not UTF-8 are refused, as Kubernetes's YAML reader refuses them (never replaced). */
function utf8(bytes: Buffer, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name} is not valid UTF-8 (Kubernetes's YAML reader refuses it); save it as UTF-8`);
  }
}

/** Input over MAX_INPUT_BYTES: the whole check stops at once. */
class InputLimitError extends InputError {}

function tooMuchInput(name: string): InputError {
  return new InputLimitError(`more than ${formatBytes(MAX_INPUT_BYTES)} of input (reading ${name}); check it in smaller parts`);
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) {
    line++;
  }
  return line;
}

function reason(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && (e as any).code === 'ENOENT') {
    return 'no such file or folder';
  }
  return e instanceof Error ? e.message : String(e);
}
