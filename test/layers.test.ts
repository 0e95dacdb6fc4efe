import { readdirSync, readFileSync } from 'fs';
import { dirname, join, relative, resolve } from 'path';

/**
 * The layers of src/, lowest first. A module may import from its own layer and the layers below
 * it, never from a layer above; folders of one layer may use each other, but no two folders may
 * import each other, directly or round a cycle. `private/` holds helpers usable by every layer,
 * so it imports nothing of the library outside itself. The top-level files of src/ (the
 * constructs, GoldenApp and its warm-up) form the construct layer; `index.ts` only re-exports.
 */
const LAYERS: ReadonlyArray<ReadonlyArray<string>> = [
  ['private'],
  ['conventions'],
  ['platform'],
  ['network', 'rbac', 'namespace', 'workload', 'canary'],
  ['constructs'],
  ['guardrails', 'diff', 'cli'],
  ['index'],
];

/**
 * Upward imports that are known and not yet removed. Each entry must still exist: once the import
 * is gone, delete the entry.
 */
const PENDING: ReadonlyArray<string> = [];

const SRC = resolve(__dirname, '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The folder (or `constructs` / `index` for the top-level files) a file of src/ belongs to. */
function unitOf(file: string): string {
  const parts = relative(SRC, file).split('/');
  if (parts.length > 1) {
    return parts[0];
  }
  return parts[0] === 'index.ts' ? 'index' : 'constructs';
}

function layerOf(unit: string): number {
  const layer = LAYERS.findIndex((units) => units.includes(unit));
  if (layer < 0) {
    throw new Error(`src/${unit} is in no layer: add it to LAYERS in test/layers.test.ts`);
  }
  return layer;
}

/** Every import of the library's own modules in src/: `from '…'`, `import '…'`, `require('…')`, `import('…')`. */
function imports(): Array<{ from: string; to: string }> {
  const found: Array<{ from: string; to: string }> = [];
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf-8');
    const specifiers = [
      ...text.matchAll(/\bfrom\s+'([^']+)'/g),
      ...text.matchAll(/^\s*import\s+'([^']+)'/gm),
      ...text.matchAll(/\b(?:require|import)\(\s*'([^']+)'\s*\)/g),
    ].map((m) => m[1]);
    for (const specifier of specifiers.filter((s) => s.startsWith('.'))) {
      found.push({ from: file, to: `${resolve(dirname(file), specifier)}.ts` });
    }
  }
  return found;
}

const name = (file: string) => relative(SRC, file);

describe('layers', () => {
  const all = imports();

  test('the imports are found', () => {
    // a sanity check, so that a broken pattern cannot make the tests below pass on nothing
    expect(all.length).toBeGreaterThan(300);
    expect(all).toContainEqual({ from: join(SRC, 'web-service.ts'), to: join(SRC, 'workload', 'golden-workload.ts') });
  });

  test('no module imports from a layer above its own', () => {
    // GIVEN / WHEN
    const upward = all
      .filter(({ from, to }) => layerOf(unitOf(to)) > layerOf(unitOf(from)))
      .map(({ from, to }) => `${name(from)} -> ${name(to)}`)
      .filter((edge) => !PENDING.includes(edge));
    // THEN
    expect(upward).toEqual([]);
  });

  test('private/ imports nothing of the library outside itself', () => {
    const out = all.filter(({ from, to }) => unitOf(from) === 'private' && unitOf(to) !== 'private').map(({ from, to }) => `${name(from)} -> ${name(to)}`);
    expect(out).toEqual([]);
  });

  test('no two folders import each other, directly or round a cycle', () => {
    // GIVEN the folder graph
    const edges = new Map<string, Set<string>>();
    for (const { from, to } of all) {
      const [a, b] = [unitOf(from), unitOf(to)];
      if (a !== b && !PENDING.includes(`${name(from)} -> ${name(to)}`)) {
        edges.set(a, (edges.get(a) ?? new Set()).add(b));
      }
    }
    // WHEN every cycle is looked for from every folder
    const cycles: string[] = [];
    const walk = (path: string[]) => {
      for (const next of edges.get(path[path.length - 1]) ?? []) {
        if (next === path[0]) {
          cycles.push([...path, next].join(' -> '));
        } else if (!path.includes(next)) {
          walk([...path, next]);
        }
      }
    };
    [...edges.keys()].forEach((unit) => walk([unit]));
    // THEN
    expect(cycles).toEqual([]);
  });

  test('every pending exception still exists (delete it once its import is gone)', () => {
    const edges = new Set(all.map(({ from, to }) => `${name(from)} -> ${name(to)}`));
    expect(PENDING.filter((edge) => !edges.has(edge))).toEqual([]);
  });
});
