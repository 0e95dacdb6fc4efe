import * as fs from 'fs';
import * as path from 'path';
import type * as JsYaml from 'js-yaml';

/** The name under which standard input appears in findings and errors. */
export const STDIN_NAME = '<stdin>';

/** The file extensions read from a folder. */
const MANIFEST_EXTENSIONS: ReadonlyArray<string> = ['.yaml', '.yml', '.json'];

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
  /** Reads all of standard input. */
  readStdin(): string;
}

/** The process's standard input, read whole. */
export const PROCESS_IO: SourceIo = { readStdin: () => fs.readFileSync(0, 'utf8') };

/**
 * The files behind the paths of the command line, in order: a file as given (whatever its
 * extension), a folder as its *.yaml, *.yml and *.json files, recursively, sorted by name, and
 * `-` as standard input (once). Throws an InputError naming every path that does not exist.
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
    } else if ((entry.isFile() || entry.isSymbolicLink()) && MANIFEST_EXTENSIONS.includes(path.extname(entry.name).toLowerCase())) {
      files.push(full);
    }
  }
}

/**
 * Reads and parses every file: the Kubernetes objects they hold, in order. A JSON array and an
 * object of kind `List` contribute their elements; empty documents are skipped. Throws an
 * InputError naming each file that cannot be read or is not valid YAML or JSON.
 */
export function readManifests(files: ReadonlyArray<string>, io: SourceIo = PROCESS_IO): SourcedManifest[] {
  const manifests: SourcedManifest[] = [];
  const problems: string[] = [];
  for (const file of files) {
    const name = file === '-' ? STDIN_NAME : file;
    let text: string;
    try {
      text = file === '-' ? io.readStdin() : fs.readFileSync(file, 'utf8');
    } catch (e) {
      problems.push(`cannot read ${name}: ${reason(e)}`);
      continue;
    }
    try {
      for (const manifest of parseManifests(text, name)) {
        manifests.push({ file: name, manifest });
      }
    } catch (e) {
      problems.push(reason(e));
    }
  }
  if (problems.length > 0) {
    throw new InputError(problems.join('\n'));
  }
  return manifests;
}

/**
 * The objects of one file's text: JSON when the file name ends in .json, else multi-document
 * YAML (JSON is valid YAML too). Throws an InputError naming the file on a syntax error.
 */
export function parseManifests(text: string, file: string): unknown[] {
  const documents: unknown[] = [];
  if (file.toLowerCase().endsWith('.json')) {
    try {
      documents.push(JSON.parse(text));
    } catch (e) {
      throw new InputError(`${file} is not valid JSON: ${reason(e)}`);
    }
  } else {
    // Loaded here, not with the library: only the command line and the validation plugin read YAML.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const yaml = require('js-yaml') as typeof JsYaml;
    try {
      // The YAML 1.2 core schema, as the API server reads it: no timestamps, no merge keys.
      yaml.loadAll(text, (document) => documents.push(document), { schema: yaml.CORE_SCHEMA, filename: file });
    } catch (e) {
      if (e instanceof yaml.YAMLException) {
        throw new InputError(`${file} is not valid YAML: ${e.reason} at line ${e.mark.line + 1}, column ${e.mark.column + 1}`);
      }
      throw e;
    }
  }
  return documents.flatMap(flatten);
}

/** A document as objects: arrays and `List` objects unwrapped, empty documents dropped. */
function flatten(document: unknown): unknown[] {
  if (document === null || document === undefined) {
    return [];
  }
  if (Array.isArray(document)) {
    return document.flatMap(flatten);
  }
  if (typeof document === 'object' && (document as any).kind === 'List' && Array.isArray((document as any).items)) {
    return (document as any).items.flatMap(flatten);
  }
  return [document];
}

function reason(e: unknown): string {
  if (e && typeof e === 'object' && 'code' in e && (e as any).code === 'ENOENT') {
    return 'no such file or folder';
  }
  return e instanceof Error ? e.message : String(e);
}
