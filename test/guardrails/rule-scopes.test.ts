import * as fs from 'fs';
import * as path from 'path';
import { FIXTURES, readYaml, referenceManifests, sharedFixtures } from './helpers';
import { randomManifests } from './random-manifests';
import { RuleId } from '../../src/conventions/rule-ids';
import { buildContext } from '../../src/guardrails/context';
import { checkManifests } from '../../src/guardrails/engine';
import { Manifest } from '../../src/guardrails/manifest';
import { Rule, isInScope } from '../../src/guardrails/rule';
import { ALL_RULES } from '../../src/guardrails/rules';

/** Every YAML fixture below a folder. */
function fixtures(dir: string): Manifest[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    // The YAML reader's conformance cases are YAML 1.1 spellings and inputs Kubernetes refuses
    // (billion laughs, circular aliases), not manifests: test/guardrails/kubernetes-yaml.test.ts reads them.
    if (entry.isDirectory() && entry.name === 'yaml-as-kubernetes-reads-it') {
      return [];
    }
    return entry.isDirectory() ? fixtures(full) : entry.name.endsWith('.yaml') ? readYaml(full) : [];
  }).filter((m) => m !== null && typeof m === 'object');
}

const KINDS = [
  'Pod', 'Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'Job', 'CronJob', 'ReplicationController', 'Service',
  'Ingress', 'HTTPRoute', 'GRPCRoute', 'NetworkPolicy', 'PodDisruptionBudget', 'HorizontalPodAutoscaler', 'Role',
  'ClusterRole', 'RoleBinding', 'ClusterRoleBinding', 'ServiceAccount', 'ConfigMap', 'Namespace', 'Widget',
];

/** Values every rule reports on, wherever it looks: a rule out of its scope must still report nothing. */
const BAD_SPEC = {
  ports: [{ name: 'Bad_Port_Name_Much_Too_Long', port: 80, targetPort: 'Bad_Target' }, { port: 81, targetPort: 9999 }],
  type: 'NodePort',
  selector: { matchLabels: { app: 'nothing' }, app: 'nothing' },
  podSelector: { matchLabels: { app: 'nothing' } },
  rules: [
    { host: 'x.example.com', http: { paths: [{ path: '/', backend: { service: { name: 'missing', port: { number: 1 } } } }] } },
    { apiGroups: ['*'], resources: ['*', 'secrets', 'pods/exec'], verbs: ['*'] },
    { backendRefs: [{ name: 'missing', port: 1 }] },
  ],
  defaultBackend: { service: { name: 'missing', port: { name: 'x' } } },
  tls: [],
  minAvailable: '100%',
  maxUnavailable: 0,
  scaleTargetRef: { kind: 'Deployment', name: 'missing' },
  minReplicas: 1,
  maxReplicas: 1,
  replicas: 1,
  strategy: { type: 'Recreate' },
};

/** Every object of the reference web service, and its spec, dressed up as every kind, with and without pod template. */
function everyKind(): Manifest[] {
  const broken = referenceManifests().map((m): Manifest => ({ ...m, spec: { ...m.spec, ...BAD_SPEC }, rules: BAD_SPEC.rules, roleRef: { kind: 'ClusterRole', name: 'cluster-admin' } }));
  const reference = [...referenceManifests(), ...broken];
  const deployment = reference.find((m) => m.kind === 'Deployment')!;
  const podSpec = deployment.spec.template.spec;
  const variants: Manifest[] = [];
  for (const kind of KINDS) {
    for (const source of reference) {
      for (const apiVersion of ['v1', 'apps/v1', 'batch/v1', 'rbac.authorization.k8s.io/v1', 'example.com/v1']) {
        variants.push({ ...source, apiVersion, kind });
        variants.push({ ...source, apiVersion, kind, spec: { ...source.spec, template: { metadata: { labels: { a: 'b' } }, spec: podSpec } } });
        variants.push({ ...source, apiVersion, kind, spec: { ...source.spec, jobTemplate: { spec: { template: { spec: podSpec } } } } });
        variants.push({ apiVersion, kind, metadata: source.metadata, spec: podSpec });
      }
    }
  }
  return variants;
}

describe('guardrails: rule scopes', () => {
  const corpus = [
    ...referenceManifests(),
    ...[FIXTURES, ...['pod-security', 'kube-score', 'polaris'].map(sharedFixtures)].flatMap(fixtures),
    ...everyKind(),
    ...[1, 2, 3, 4].flatMap((seed) => randomManifests(100 + seed, 200)),
  ];

  test('a rule reports nothing on an object outside its declared scope', () => {
    // GIVEN many objects of every kind and API group, with and without pod template
    const context = buildContext(corpus);
    let outside = 0;
    for (const object of corpus) {
      for (const rule of ALL_RULES) {
        if (!isInScope(rule.appliesTo, object, context)) {
          outside++;
          // WHEN the rule checks an object outside its scope / THEN it reports nothing
          const messages = rule.check(object, context);
          if (messages.length > 0) {
            expect({ rule: rule.id, object, messages }).toEqual({ rule: rule.id, object, messages: [] });
          }
        }
      }
    }
    expect(outside).toBeGreaterThan(100_000);
  });

  test('the engine calls a rule only on the objects of its declared scope', () => {
    // GIVEN every rule, recording the objects it is called on
    const calls: Array<[Rule, unknown]> = [];
    const recording = ALL_RULES.map((rule): Rule => ({
      ...rule,
      check: (object, context) => {
        calls.push([rule, object]);
        return rule.check(object, context);
      },
    }));
    // WHEN
    checkManifests(corpus, { rules: recording });
    // THEN
    const context = buildContext(corpus);
    const outside = calls.filter(([rule, object]) => !isInScope(rule.appliesTo, object as Manifest, context));
    expect(outside.map(([rule, object]) => ({ rule: rule.id, object }))).toEqual([]);
    expect(calls.length).toBeGreaterThan(10_000);
    expect(calls.length).toBeLessThan(corpus.length * ALL_RULES.length / 2);
  });

  test('the engine reports the same findings as when it calls every rule on every object', () => {
    // GIVEN the same rules without scopes
    const unscoped = ALL_RULES.map((rule): Rule => ({ ...rule, appliesTo: undefined }));
    // WHEN / THEN
    const findings = checkManifests(corpus);
    expect(findings.length).toBeGreaterThan(1000);
    expect(findings).toEqual(checkManifests(corpus, { rules: unscoped }));
  });

  test('only the rules that read every kind of object have no declared scope', () => {
    expect(ALL_RULES.filter((rule) => rule.appliesTo === undefined).map((rule) => rule.id)).toEqual([
      RuleId.PORT_NAME, // pod templates and core Services
      RuleId.LABEL_VALUES,
      RuleId.CLUSTER_SCOPED_NAMESPACE,
      RuleId.DEPRECATED_API,
      RuleId.YAML_READING,
    ]);
  });
});
