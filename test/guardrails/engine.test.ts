import { CONFIG_MAP, appContainer, byKind, job, referenceManifests, without } from './helpers';
import { checkEachManifest, checkManifests } from '../../src/guardrails/engine';
import { Rule } from '../../src/guardrails/rule';

/** A rule that reports every object it sees, to observe the engine. */
const EVERY_OBJECT: Rule = {
  id: 'every-object',
  severity: 'warning',
  why: 'Observes the engine.',
  fix: 'Nothing to fix.',
  check: (object) => [`saw ${object.kind}`],
};

describe('checkManifests', () => {
  test('reports each finding with the object, the rule and its explanation', () => {
    // GIVEN the reference output with a floating image
    const manifests = referenceManifests();
    appContainer(manifests).image = 'nginx:latest';
    // WHEN every rule runs
    const findings = checkManifests(manifests);
    // THEN exactly one finding names the object, the rule and how to fix it
    expect(findings).toEqual([{
      rule: 'image-tag',
      severity: 'error',
      kind: 'Deployment',
      name: 'storefront',
      namespace: 'shop',
      message: "container app: image 'nginx:latest' is not pinned to a tag or digest",
      why: 'A missing or floating tag (latest) makes a rollout irreproducible and a rollback impossible.',
      fix: 'Pin the image to a version tag such as \'nginx:1.27.3\' or a digest \'nginx@sha256:...\'.',
    }]);
  });

  test('skips entries that are not objects or have no kind', () => {
    // GIVEN a mix of parse results
    const manifests = [null, undefined, 42, 'text', [CONFIG_MAP], { metadata: { name: 'no-kind' } }, { kind: '' }, CONFIG_MAP];
    // WHEN the engine runs
    const findings = checkManifests(manifests, { rules: [EVERY_OBJECT] });
    // THEN only the ConfigMap was checked
    expect(findings.map((finding) => finding.message)).toEqual(['saw ConfigMap']);
  });

  test('orders findings by object, then by rule, deterministically', () => {
    // GIVEN two broken objects
    const first = job({ image: 'busybox', imagePullPolicy: 'IfNotPresent' });
    const second = { ...job({ image: 'alpine:latest', imagePullPolicy: 'IfNotPresent' }), metadata: { name: 'second', namespace: 'shop' } };
    // WHEN the engine runs twice
    const findings = checkManifests([first, second]);
    const again = checkManifests([first, second]);
    // THEN the findings come in input order, then in rule order, the same each time
    expect(again).toEqual(findings);
    const summary = findings.filter((f) => ['image-tag', 'pull-policy'].includes(f.rule)).map((f) => `${f.name}/${f.rule}`);
    expect(summary).toEqual(['migrate/image-tag', 'migrate/pull-policy', 'second/image-tag', 'second/pull-policy']);
    const names = findings.map((finding) => finding.name);
    expect(names.lastIndexOf('migrate')).toBeLessThan(names.indexOf('second'));
  });

  test('puts objects without namespace in default, and cluster-scoped objects in none', () => {
    // GIVEN a namespaced object without namespace and a cluster-scoped one
    const manifests = [
      { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } },
      { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'viewer', namespace: 'shop' } },
    ];
    // WHEN the engine runs
    const findings = checkManifests(manifests, { rules: [EVERY_OBJECT] });
    // THEN their namespaces are 'default' and ''
    expect(findings.map((finding) => finding.namespace)).toEqual(['default', '']);
  });

  test('cross-object checks look only inside the namespace', () => {
    // GIVEN the reference web service, with its ServiceAccount and PodDisruptionBudget moved to another namespace
    const manifests = referenceManifests();
    byKind(manifests, 'ServiceAccount').metadata.namespace = 'other';
    byKind(manifests, 'PodDisruptionBudget').metadata.namespace = 'other';
    // WHEN every rule runs
    const findings = checkManifests(manifests);
    // THEN the Deployment lacks both, and the budget selects nothing where it is
    expect(findings.map((finding) => `${finding.namespace}/${finding.kind}/${finding.rule}`)).toEqual([
      'shop/Deployment/sa-exists',
      'shop/Deployment/pdb',
    ]);
  });

  test('objects without namespace meet in the default namespace', () => {
    // GIVEN the reference web service with every namespace removed
    const manifests = referenceManifests();
    for (const manifest of manifests) {
      delete manifest.metadata.namespace;
    }
    // WHEN every rule runs
    const findings = checkManifests(manifests);
    // THEN everything still finds everything
    expect(findings).toEqual([]);
  });

  test('stays fast on many workloads', () => {
    // GIVEN 300 copies of the web service in 30 namespaces
    const manifests = [];
    for (let copy = 0; copy < 300; copy++) {
      for (const manifest of referenceManifests()) {
        manifest.metadata.namespace = `team-${copy % 30}`;
        manifest.metadata.name = `${manifest.metadata.name}-${copy}`;
        manifests.push(manifest);
      }
    }
    // WHEN every rule runs
    const started = Date.now();
    const findings = checkManifests(manifests);
    // THEN it takes well under the time of a scan per object pair
    expect(Date.now() - started).toBeLessThan(5000);
    expect(findings.length).toBeGreaterThan(0);
  });

  test('a rule that fails on an unexpected value reports it as a finding; the other rules still run', () => {
    // GIVEN a rule that throws on a value of an unexpected type, and a Pod
    const fragile: Rule = {
      id: 'fragile',
      severity: 'warning',
      why: 'Observes the engine.',
      fix: 'Nothing to fix.',
      check: (object) => [`name ${String(object.metadata.labels)}`],
    };
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'shop', labels: { toString: 1 } } };
    // WHEN
    const findings = checkManifests([pod], { rules: [fragile, EVERY_OBJECT] });
    // THEN the failure is a finding of that rule, at error level (nothing passes unchecked), and the next rule ran
    expect(findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`)).toEqual([
      'error fragile: the rule could not check this object (TypeError: Cannot convert object to primitive value); a field holds a value of an unexpected type',
      'warning every-object: saw Pod',
    ]);
  });

  test('runs only the rules it is given', () => {
    // GIVEN a Deployment without a tag
    const manifests = without(referenceManifests(), 'Service');
    appContainer(manifests).image = 'nginx';
    // WHEN no rule is given
    const findings = checkManifests(manifests, { rules: [] });
    // THEN nothing is reported
    expect(findings).toEqual([]);
  });
});

describe('acknowledgements', () => {
  const role = (annotations?: Record<string, string>) => ({
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: { name: 'reader', namespace: 'shop', annotations },
    rules: [{ apiGroups: [''], resources: ['pods/exec'], verbs: ['create'] }],
  });

  test('a written reason leaves the acknowledged rule out, for that object only', () => {
    // GIVEN two Roles with exec access, one acknowledged
    const acknowledged = role({ 'ack.cdk8s-golden.io/rbac-wildcard': 'the migration job runs inside the database pod' });
    const other = { ...role(), metadata: { name: 'other', namespace: 'shop' } };
    // WHEN
    const findings = checkManifests([acknowledged, other]);
    // THEN
    expect(findings.map((f) => `${f.rule} ${f.name}`)).toEqual(['rbac-wildcard other']);
  });

  test('an acknowledgement without a reason is itself a finding, and acknowledges nothing', () => {
    const findings = checkManifests([role({ 'ack.cdk8s-golden.io/rbac-wildcard': '  ' })]);
    expect(findings.map((f) => `${f.rule} ${f.severity}: ${f.message}`)).toEqual([
      'ack-reason error: acknowledgement of rbac-wildcard has no written reason',
      'rbac-wildcard error: rule 0: grants access to pods/exec',
    ]);
  });

  test('not applicable: an object without acknowledgements is checked as usual', () => {
    expect(checkManifests([role({ 'acme.com/owner': 'shop' })]).map((f) => f.rule)).toEqual(['rbac-wildcard']);
  });
});

describe('checkEachManifest', () => {
  test('returns the findings of each entry at its position, [] for entries that are no object', () => {
    // GIVEN a cross-object problem: a Service whose pods are in the next entry
    const manifests = referenceManifests();
    const broken = byKind(manifests, 'Deployment');
    broken.spec.template.spec.containers[0].image = 'nginx:latest';
    const input = [null, ...manifests, 'text'];
    // WHEN
    const perEntry = checkEachManifest(input);
    // THEN
    expect(perEntry).toHaveLength(input.length);
    expect(perEntry.map((findings) => findings.map((f) => f.rule))).toEqual([
      [], [], ['image-tag'], [], [], [], [], [],
    ]);
    expect(perEntry.flat()).toEqual(checkManifests(input));
  });
});
