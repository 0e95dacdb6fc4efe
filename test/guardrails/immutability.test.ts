import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, readYaml, referenceManifests, sharedFixtures } from './helpers';
import { checkManifests } from '../../src/guardrails/engine';
import { Manifest } from '../../src/guardrails/manifest';

/** Freezes a value and everything in it: writing to it then throws (rules run in strict mode). */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as object)) {
      deepFreeze(child);
    }
  }
  return value;
}

/** Every YAML fixture file below a folder. */
function yamlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // The YAML reader's conformance cases are YAML 1.1 spellings and inputs Kubernetes refuses
    // (billion laughs, circular aliases), not manifests: test/guardrails/kubernetes-yaml.test.ts reads them.
    if (entry.isDirectory() && entry.name === 'yaml-as-kubernetes-reads-it') {
      return [];
    }
    return entry.isDirectory() ? yamlFiles(full) : entry.name.endsWith('.yaml') ? [full] : [];
  });
}

describe('guardrails: the rules never change the manifests', () => {
  // Under GoldenApp the JSON the guardrails check is the JSON written to the files.
  test('every rule runs on frozen manifests: the reference, the fixtures, and objects that fail the rules', () => {
    // GIVEN deeply frozen manifests, compliant and not
    const reference = referenceManifests();
    const broken: Manifest[] = JSON.parse(JSON.stringify(reference));
    for (const object of broken) {
      object.metadata.labels = { 'app.kubernetes.io/name': 'x' };
      if (object.spec?.template?.spec) {
        object.spec.replicas = 1;
        object.spec.template.spec.containers[0].image = 'nginx';
      }
    }
    const manifests = [...reference, ...broken, ...[FIXTURES, ...['pod-security', 'kube-score', 'polaris'].map(sharedFixtures)].flatMap(yamlFiles).flatMap(readYaml)].filter((m) => m !== null);
    const copy = JSON.parse(JSON.stringify(manifests));
    deepFreeze(manifests);
    // WHEN every rule checks them
    const findings = checkManifests(manifests);
    // THEN nothing was written to them (a write would have thrown)
    expect(findings.length).toBeGreaterThan(0);
    expect(manifests).toEqual(copy);
  });
});
