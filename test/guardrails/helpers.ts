import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { checkManifests } from '../../src/guardrails/engine';
import { Manifest } from '../../src/guardrails/manifest';
import { Rule } from '../../src/guardrails/rule';

/** The folder of the test fixtures. */
export const FIXTURES = path.join(__dirname, '..', 'fixtures');

/**
 * Conformance data from other projects (the Kubernetes Pod Security fixtures, kube-score's and
 * Polaris's test manifests) is never committed here: it lies beside the clone, in
 * `../shared/fixtures/` from the repository root.
 */
export const SHARED_FIXTURES = path.join(__dirname, '..', '..', '..', 'shared', 'fixtures');

/** The folder of one set of shared conformance data; throws, never skips, when it is missing. */
export function sharedFixtures(name: string): string {
  const folder = path.join(SHARED_FIXTURES, name);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) {
    throw new Error(`conformance data missing: ${folder} is not a folder. The tests read the shared data set '${name}' `
      + `from ../shared/fixtures/${name}/ beside the repository (it is never copied into it): put it there and run again.`);
  }
  return folder;
}

/** Every document of a YAML file as plain JSON. */
export function readYaml(file: string): Manifest[] {
  return parseAllDocuments(fs.readFileSync(file, 'utf8')).map((document) => document.toJSON());
}

/** A fresh copy of the reference web service: a manifest set that passes every rule. */
export function referenceManifests(): Manifest[] {
  return readYaml(path.join(FIXTURES, 'reference', 'web-service.yaml'));
}

/** The first object of a kind in a manifest set. */
export function byKind(manifests: Manifest[], kind: string): Manifest {
  const found = manifests.find((manifest) => manifest.kind === kind);
  if (!found) {
    throw new Error(`no ${kind} in the manifests`);
  }
  return found;
}

/** The reference Deployment's pod spec. */
export function podSpecOf(manifests: Manifest[]): Manifest {
  return byKind(manifests, 'Deployment').spec.template.spec;
}

/** The reference Deployment's first container. */
export function appContainer(manifests: Manifest[]): Manifest {
  return podSpecOf(manifests).containers[0];
}

/** The messages one rule reports on a manifest set. */
export function messagesOf(rule: Rule, manifests: ReadonlyArray<Manifest>): string[] {
  return checkManifests(manifests, { rules: [rule] }).map((finding) => finding.message);
}

/** A Job running one container: a workload most Deployment-level rules do not apply to. */
export function job(containerOverrides: Manifest = {}): Manifest {
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: 'migrate', namespace: 'shop' },
    spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'migrate', image: 'ghcr.io/acme/migrate:1.0.0', ...containerOverrides }] } } },
  };
}

/** A ConfigMap: an object no pod rule applies to. */
export const CONFIG_MAP: Manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'shop' }, data: { key: 'value' } };

/** A HorizontalPodAutoscaler in namespace shop that scales a Deployment. */
export function hpa(target = 'storefront', minReplicas = 2, maxReplicas = 5): Manifest {
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: { name: target, namespace: 'shop' },
    spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: target }, minReplicas, maxReplicas },
  };
}

/** A KEDA ScaledObject in namespace shop that scales a Deployment (its scaleTargetRef.kind left to KEDA's default). */
export function scaledObject(target = 'storefront', minReplicaCount?: number): Manifest {
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: { name: target, namespace: 'shop' },
    spec: { scaleTargetRef: { name: target }, minReplicaCount, maxReplicaCount: 10, triggers: [{ type: 'cpu', metadata: { value: '70' } }] },
  };
}

/** The reference manifests without the objects of one kind. */
export function without(manifests: Manifest[], kind: string): Manifest[] {
  return manifests.filter((manifest) => manifest.kind !== kind);
}
