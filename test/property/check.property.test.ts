/**
 * Properties of `cdk8s-golden check` on generated manifests (issue 14): YAML 1.1 spellings and
 * merge keys in random order, and random damage to the text. The checker never crashes (exit 0,
 * 1 or 2, JSON output on each, one line per problem on standard error), its two YAML readers
 * agree, and on the fields the conformance cases cover it reads what Kubernetes reads: the oracle
 * is kubectl's own reading of each spelling (test/fixtures/yaml-as-kubernetes-reads-it/
 * scalar-spellings) and go-yaml's merge order (merge keys override the keys before them).
 */
import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { BUDGET, TIMEOUT_MS } from './arbitraries';
import { runCli } from '../../src/cli/check';
import { checkManifests } from '../../src/guardrails/engine';
import { YamlReadError, newReadStats, readKubernetesYaml } from '../../src/guardrails/kubernetes-yaml';
import { referenceManifests } from '../guardrails/helpers';

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'yaml-as-kubernetes-reads-it');

/** Each spelling of scalar-spellings.yaml with the value kubectl read from it. */
const SPELLINGS: ReadonlyArray<[string, unknown]> = (() => {
  const lines = fs.readFileSync(path.join(FIXTURES, 'input', 'scalar-spellings.yaml'), 'utf8').split('\n').filter((l) => l.startsWith('  -'));
  const read = JSON.parse(fs.readFileSync(path.join(FIXTURES, 'kubernetes-reads', 'scalar-spellings.json'), 'utf8')).spellings;
  return lines.map((line, i): [string, unknown] => [line.slice(3).trim(), read[i]]);
})();

/** The container securityContext fields the conformance cases change. */
const FIELDS = ['privileged', 'allowPrivilegeEscalation', 'runAsNonRoot', 'readOnlyRootFilesystem', 'runAsUser'] as const;

/** One entry of the generated securityContext: a field set directly, or through a merge key. */
interface Entry {
  readonly field: typeof FIELDS[number];
  readonly spelling: number;
  readonly merge: boolean;
}

const entryLists = fc.array(fc.record({
  field: fc.constantFrom(...FIELDS),
  spelling: fc.nat(SPELLINGS.length - 1),
  merge: fc.boolean(),
}), { maxLength: 6 });

/** A Deployment (the shape of the shared conformance cases) whose container securityContext holds the entries in order. */
function deployment(list: ReadonlyArray<Entry>): string {
  const lines = list.flatMap((e) => (e.merge
    ? ['            <<:', `              ${e.field}: ${SPELLINGS[e.spelling][0]}`]
    : [`            ${e.field}: ${SPELLINGS[e.spelling][0]}`]));
  return ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: d', '  namespace: t', 'spec:', '  selector:',
    '    matchLabels: {app: d}', '  template:', '    metadata:', '      labels: {app: d}', '    spec:', '      containers:',
    '        - name: app', '          image: ghcr.io/acme/app:1.0.0', '          securityContext:', '            capabilities: {drop: [ALL]}',
    ...lines, ''].join('\n');
}

/**
 * What Kubernetes stores as the securityContext, by go-yaml's rules: keys in order, a merge key
 * assigning over what is there; undefined when a field is written twice directly (refused).
 */
function kubernetesSecurityContext(list: ReadonlyArray<Entry>): Record<string, unknown> | undefined {
  const context: Record<string, unknown> = { capabilities: { drop: ['ALL'] } };
  const explicit = new Set<string>();
  for (const e of list) {
    if (!e.merge) {
      if (explicit.has(e.field)) {
        return undefined;
      }
      explicit.add(e.field);
    }
    context[e.field] = SPELLINGS[e.spelling][1];
  }
  return context;
}

/** Text damage: a random string inserted, or a slice removed, somewhere. */
const damage = fc.oneof(
  fc.record({ at: fc.nat(), insert: fc.string({ unit: 'binary', maxLength: 12 }) }),
  fc.record({ at: fc.nat(), remove: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ at: fc.nat(), insert: fc.constantFrom('<<: ', '&a ', '*a', '!!bool ', '---\n', '{', '[', '"', '\t', ': ', '- ', '%YAML 1.1\n', '? ', '|\n', '\u0085') }),
);

function damaged(text: string, d: { at: number; insert?: string; remove?: number }): string {
  const at = d.at % (text.length + 1);
  return d.insert !== undefined ? text.slice(0, at) + d.insert + text.slice(at) : text.slice(0, at) + text.slice(at + (d.remove ?? 0));
}

/** The check on a text as standard input, with the properties every outcome has. */
function checkText(text: string) {
  const outcome = runCli(['check', '--format', 'json', '-'], { readStdin: () => text });
  expect([0, 1, 2]).toContain(outcome.exitCode);
  const entries = JSON.parse(outcome.stdout);
  expect(Array.isArray(entries)).toBe(true);
  if (outcome.exitCode === 2) {
    expect(outcome.stderr).toMatch(/^(cdk8s-golden: [^\n]+\n)+$/);
    expect(outcome.stderr).not.toMatch(/internal error/);
    expect(entries.every((e: any) => e.rule === 'input')).toBe(true);
  }
  return { outcome, rules: new Set<string>(entries.map((e: any) => e.rule)) };
}

/** Values of an unexpected type: `String()` throws on the first two (valid YAML: `{toString: 1}`). */
const HOSTILE_VALUES: ReadonlyArray<unknown> = [
  { toString: 1, valueOf: 2 }, [{ toString: 1 }], {}, [], 0, -1, 1.5, true, null, '', 'x', { a: { b: [1] } }, '<<',
];

/** Every path (list of keys) of an object, the object itself excepted. */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  if (value === null || typeof value !== 'object') {
    return [];
  }
  return Object.keys(value).flatMap((key) => [[...prefix, key], ...pathsOf((value as any)[key], [...prefix, key])]);
}

describe('check on generated manifests', () => {
  test('a value of an unexpected type in any field of the reference never crashes the rules or the command line', () => {
    const paths = pathsOf(referenceManifests());
    fc.assert(fc.property(fc.nat(paths.length - 1), fc.constantFrom(...HOSTILE_VALUES), (i, hostile) => {
      // GIVEN the reference output with one field replaced
      const manifests: any = referenceManifests();
      const where = paths[i];
      const parent = where.slice(0, -1).reduce((o, key) => o[key], manifests);
      parent[where[where.length - 1]] = hostile;
      // WHEN / THEN the engine and the command line end normally
      expect(() => checkManifests(manifests)).not.toThrow();
      checkText(JSON.stringify(manifests));
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);

  test('agrees with the Kubernetes reading on the fields of the conformance cases', () => {
    fc.assert(fc.property(entryLists, (list) => {
      // GIVEN a Deployment whose securityContext uses YAML 1.1 spellings, directly and through merge keys
      const text = deployment(list);
      const expected = kubernetesSecurityContext(list);
      // WHEN
      const { outcome, rules } = checkText(text);
      // THEN the object read is the one Kubernetes stores, and the rules see it
      if (expected === undefined) {
        expect(outcome.exitCode).toBe(2);
        expect(outcome.stderr).toMatch(/appears twice in one map/);
        return;
      }
      const [read] = readKubernetesYaml(text) as any[];
      expect(read.spec.template.spec.containers[0].securityContext).toStrictEqual(expected);
      expect(rules.has('pss-privileged')).toBe(expected.privileged === true);
      expect(rules.has('pss-allow-privilege-escalation')).toBe(expected.allowPrivilegeEscalation !== false);
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);

  test('never crashes on damaged text, and both YAML readers agree', () => {
    fc.assert(fc.property(entryLists, fc.array(damage, { maxLength: 3 }), (list, damages) => {
      // GIVEN a generated Deployment, damaged
      const text = damages.reduce(damaged, deployment(list));
      // WHEN / THEN the check ends with 0, 1 or 2 and JSON
      checkText(text);
      // THEN the fast reader (when it reads the text) agrees with the full YAML 1.1 reader
      const read = (fullReaderOnly: boolean) => {
        try {
          return { documents: readKubernetesYaml(text, newReadStats(), fullReaderOnly) };
        } catch (e) {
          expect(e).toBeInstanceOf(YamlReadError);
          return { error: true };
        }
      };
      const full = read(true);
      const either = read(false);
      if (!('error' in full)) {
        expect(either).toStrictEqual(full);
      }
    }), { numRuns: BUDGET.mixed() });
  }, TIMEOUT_MS);
});
