import * as fs from 'fs';
import * as path from 'path';
import { sharedFixtures } from './helpers';
import { CaseOutcome, PeerCase, compareWithPeer, describeDifference, guardrailsDoc, undocumented } from './peer-conformance';

// kube-score's own test manifests (zegl/kube-score, score/testdata at a pinned commit, MIT), read
// where they lie. The verdicts below are our table, written from what kube-score's Go tests
// (score/*_test.go) grade each file for under the default configuration: a warning or critical
// grade is `fail`, all-OK and skipped (the check does not apply: kube-score reports nothing) are
// `pass`. No code of kube-score is used.
const FOLDER = path.join(sharedFixtures('kube-score'), 'testdata');

/** kube-score's checks, each with the rules of ours that answer the same question. */
const MAPPING: Readonly<Record<string, ReadonlyArray<string>>> = {
  'Container Resources': ['cpu-request', 'memory-request', 'cpu-limit', 'memory-limit'],
  'Container Image Tag': ['image-tag'],
  'Container Image Pull Policy': ['pull-policy'],
  'Container Ephemeral Storage Request and Limit': ['ephemeral-storage'],
  'Environment Variable Key Duplication': ['env-duplicate'],
  'Pod Probes': ['readiness-probe', 'probes-identical'],
  'Container Security Context User Group ID': ['run-as-user'],
  'Container Security Context Privileged': ['pss-privileged'],
  'Container Security Context ReadOnlyRootFilesystem': ['read-only-root'],
  'Container Seccomp Profile': ['pss-seccomp-restricted'],
  'Service Targets Pod': ['service-targets-pod'],
  'Service Type': ['service-type'],
  'Ingress targets Service': ['ingress-backend'],
  'Pod NetworkPolicy': ['netpol-covers-pod'],
  'NetworkPolicy targets Pod': ['netpol-targets-pod'],
  'Deployment has PodDisruptionBudget': ['pdb'],
  'StatefulSet has PodDisruptionBudget': ['pdb'],
  'PodDisruptionBudget has policy': ['pdb-policy'],
  'Deployment has host PodAntiAffinity': ['anti-affinity'],
  'StatefulSet has host PodAntiAffinity': ['anti-affinity'],
  'Deployment targeted by HPA does not have replicas configured': ['hpa-replicas'],
  'StatefulSet Pod Selector labels match template metadata labels': ['selector-match'],
  'Stable version': ['deprecated-api'],
  'Deployment Strategy': ['rolling-update'],
  'Deployment Replicas': ['replicas'],
  'HorizontalPodAutoscaler has target': ['hpa-target'],
  'HorizontalPodAutoscaler Replicas': ['hpa-min'],
};

/** The cases of one check: the files kube-score grades as failing it, and those it grades as passing it. */
function graded(check: string, fail: ReadonlyArray<string>, pass: ReadonlyArray<string>): PeerCase[] {
  return [
    ...fail.map((file): PeerCase => ({ file: `${file}.yaml`, check, expected: 'fail' })),
    ...pass.map((file): PeerCase => ({ file: `${file}.yaml`, check, expected: 'pass' })),
  ];
}

const CASES: ReadonlyArray<PeerCase> = [
  ...graded('Container Resources',
    ['pod-test-resources-none', 'pod-test-resources-only-limits', 'pod-test-resources-limits-and-requests-no-cpu-limit', 'deployment-test-resources', 'statefulset-test-resources'],
    ['pod-test-resources-limits-and-requests']),
  ...graded('Container Image Tag', ['pod-image-tag-latest'], ['pod-image-tag-fixed']),
  ...graded('Container Image Pull Policy',
    ['pod-image-pullpolicy-undefined', 'pod-image-pullpolicy-never', 'kube-score-ignore-annotations'],
    ['pod-image-pullpolicy-undefined-latest-tag', 'pod-image-pullpolicy-undefined-no-tag', 'pod-image-pullpolicy-always']),
  ...graded('Container Ephemeral Storage Request and Limit',
    ['pod-ephemeral-storage-missing-limit', 'pod-ephemeral-storage-missing-request'], ['pod-ephemeral-storage-request-nomatch-limit']),
  ...graded('Environment Variable Key Duplication', ['pod-env-duplicated'], ['pod-env-ok']),
  ...graded('Pod Probes',
    ['pod-probes-all-missing', 'pod-probes-missing-ready', 'pod-probes-identical-http', 'pod-probes-identical-tcp', 'pod-probes-identical-exec',
      'pod-probes-targeted-by-service', 'pod-probes-targeted-by-service-same-namespace', 'pod-probes-targeted-by-service-same-namespace-multi-labels'],
    ['pod-probes-targeted-by-service-different-namespace', 'pod-probes-not-targeted-by-service', 'pod-probes-not-targeted-by-service-multi-labels',
      'pod-probes-on-different-containers', 'pod-probes-on-different-containers-init', 'cronjob-batchv1-deadline-not-set', 'cronjob-batchv1beta1-deadline-not-set']),
  ...graded('Container Security Context User Group ID',
    ['pod-security-context-low-group-id', 'pod-security-context-low-user-id', 'pod-security-context-nosecuritycontext'], ['pod-security-context-all-good']),
  ...graded('Container Security Context Privileged', ['pod-security-context-privileged'], ['pod-security-context-all-good']),
  ...graded('Container Security Context ReadOnlyRootFilesystem',
    ['pod-security-context-writeablerootfilesystem', 'pod-security-context-nosecuritycontext'], ['pod-security-context-all-good']),
  ...graded('Container Seccomp Profile', ['pod-seccomp-no-annotation'], []),
  ...graded('Service Targets Pod',
    ['service-not-target-deployment', 'service-not-target-pod', 'service-not-target-pod-multi-label', 'service-target-pod-different-namespace',
      'service-target-deployment-different-namespace'],
    ['service-target-deployment', 'service-target-pod', 'service-target-pod-multi-label', 'service-target-pod-same-namespace',
      'service-target-deployment-same-namespace', 'service-externalname']),
  ...graded('Service Type', ['service-type-nodeport', 'ignore-annotation-service'], ['service-type-clusterip', 'service-type-default']),
  ...graded('Ingress targets Service',
    ['ingress-targets-service-no-match', 'ingress-networkingv1beta1-targets-service-no-match', 'ingress-networkingv1-targets-service-no-match',
      'ingress-v1-invalid-backend', 'ingress_issue363'],
    ['ingress-targets-service', 'ingress-networkingv1beta1-targets-service', 'ingress-networkingv1-targets-service', 'ingress_issue388']),
  ...graded('Pod NetworkPolicy',
    ['networkpolicy-not-matching', 'networkpolicy-matching-only-ingress', 'networkpolicy-matching-only-egress',
      'networkpolicy-deployment-not-matching-selector', 'networkpolicy-statefulset-not-matching-selector', 'networkpolicy-cronjob-not-matching-selector'],
    ['networkpolicy-matching', 'networkpolicy-deployment-matching', 'networkpolicy-statefulset-matching', 'networkpolicy-cronjob-matching',
      'networkpolicy-targets-all-pods']),
  ...graded('NetworkPolicy targets Pod',
    ['networkpolicy-targets-pod-not-matching', 'networkpolicy-deployment-not-matching-selector', 'networkpolicy-statefulset-not-matching-selector',
      'networkpolicy-cronjob-not-matching-selector'],
    ['networkpolicy-targets-pod', 'networkpolicy-targets-pod-deployment', 'networkpolicy-deployment-matching', 'networkpolicy-statefulset-matching',
      'networkpolicy-cronjob-matching', 'networkpolicy-targets-all-pods']),
  ...graded('Deployment has PodDisruptionBudget',
    ['deployment-poddisruptionbudget-v1beta1-no-match', 'deployment-poddisruptionbudget-v1beta1-expression-no-match',
      'deployment-poddisruptionbudget-v1-no-match', 'deployment-poddisruptionbudget-v1-different-namespace'],
    ['deployment-poddisruptionbudget-v1beta1-matches', 'deployment-poddisruptionbudget-v1beta1-expression-matches', 'deployment-poddisruptionbudget-v1-matches']),
  ...graded('StatefulSet has PodDisruptionBudget',
    ['statefulset-poddisruptionbudget-v1beta1-no-match', 'statefulset-poddisruptionbudget-v1beta1-expression-no-match'],
    ['statefulset-poddisruptionbudget-v1beta1-matches', 'statefulset-poddisruptionbudget-v1beta1-expression-matches']),
  ...graded('PodDisruptionBudget has policy',
    ['deployment-poddisruptionbudget-v1beta1-no-policy', 'deployment-poddisruptionbudget-v1-no-policy'], []),
  ...graded('Deployment has host PodAntiAffinity',
    ['deployment-host-antiaffinity-not-set', 'deployment-host-antiaffinity-preffered-selector-no-match'],
    ['deployment-host-antiaffinity-preffered', 'deployment-host-antiaffinity-preffered-selector-expression', 'deployment-host-antiaffinity-required',
      'deployment-host-antiaffinity-1-replica']),
  ...graded('StatefulSet has host PodAntiAffinity',
    ['statefulset-host-antiaffinity-not-set', 'statefulset-host-antiaffinity-undefined-replicas'],
    ['statefulset-host-antiaffinity-preffered', 'statefulset-host-antiaffinity-required', 'statefulset-host-antiaffinity-1-replica']),
  ...graded('Deployment targeted by HPA does not have replicas configured', ['deployment-with-hpa-has-replicas'], ['deployment-with-hpa-not-has-replicas']),
  ...graded('StatefulSet Pod Selector labels match template metadata labels', ['statefulset-different-labels'], []),
  ...graded('Stable version',
    ['statefulset-appsv1beta1', 'statefulset-appsv1beta2', 'deployment-extensions-v1beta1', 'deployment-appsv1beta1', 'deployment-appsv1beta2',
      'daemonset-appsv1beta2', 'daemonset-extensionsv1beta1'],
    ['daemonset-appsv1', 'cronjob-batchv1beta1', 'cronjob-batchv1', 'job-batchv1']),
  ...graded('Deployment Strategy', ['service-target-deployment-not-rolling'], ['service-target-deployment', 'service-target-deployment-strategy-not-set']),
  ...graded('Deployment Replicas', ['service-target-deployment-replica-1'], ['service-target-deployment', 'hpa-target-deployment']),
  ...graded('HorizontalPodAutoscaler has target',
    ['hpa-has-no-target'],
    ['hpa-autoscalingv1-targets-deployment', 'hpa-autoscalingv2-targets-deployment', 'hpa-autoscalingv2beta1-targets-deployment',
      'hpa-autoscalingv2beta2-targets-deployment']),
  ...graded('HorizontalPodAutoscaler Replicas', ['hpa-min-replicas-nok'], ['hpa-min-replicas-ok']),
];

/**
 * Every case where we knowingly disagree with kube-score. Each one is explained next to its rule
 * in docs/guardrails.md ("Compared with kube-score and Polaris"). A difference that appears or
 * disappears fails the test below, so this list and the docs stay true.
 */
const KNOWN_DIFFERENCES: ReadonlyArray<string> = [
  'Pod Probes pod-probes-on-different-containers.yaml: peer pass, we fail',
  'Deployment has PodDisruptionBudget deployment-poddisruptionbudget-v1beta1-no-match.yaml: peer fail, we pass',
  'Deployment has PodDisruptionBudget deployment-poddisruptionbudget-v1beta1-expression-no-match.yaml: peer fail, we pass',
  'Deployment has PodDisruptionBudget deployment-poddisruptionbudget-v1-no-match.yaml: peer fail, we pass',
  'Deployment has PodDisruptionBudget deployment-poddisruptionbudget-v1-different-namespace.yaml: peer fail, we pass',
  'StatefulSet has PodDisruptionBudget statefulset-poddisruptionbudget-v1beta1-no-match.yaml: peer fail, we pass',
  'StatefulSet has PodDisruptionBudget statefulset-poddisruptionbudget-v1beta1-expression-no-match.yaml: peer fail, we pass',
  'StatefulSet has host PodAntiAffinity statefulset-host-antiaffinity-undefined-replicas.yaml: peer fail, we pass',
  'Stable version cronjob-batchv1beta1.yaml: peer pass, we fail',
];

describe('kube-score conformance: its own test manifests', () => {
  let outcomes: CaseOutcome[];
  beforeAll(() => {
    outcomes = compareWithPeer(FOLDER, CASES, MAPPING);
  });

  test('every case names a file of the data set, and every file of it has a case', () => {
    // GIVEN the table and the 128 files / WHEN compared / THEN each case has its file, each file a case
    expect(CASES.filter((c) => !fs.existsSync(path.join(FOLDER, c.file))).map((c) => c.file)).toEqual([]);
    expect(fs.readdirSync(FOLDER).filter((file) => !CASES.some((c) => c.file === file))).toEqual([]);
    expect(fs.readdirSync(FOLDER)).toHaveLength(128);
    expect(CASES).toHaveLength(140);
  });

  test('we agree on every case but the known differences, and each known difference still is one', () => {
    // GIVEN kube-score's verdicts / WHEN `cdk8s-golden check` runs on each file
    const differences = outcomes.filter((o) => o.actual !== o.expected).map(describeDifference);
    // THEN the differences are exactly the known ones
    expect(differences).toEqual(KNOWN_DIFFERENCES);
    expect(outcomes.length - differences.length).toBe(CASES.length - KNOWN_DIFFERENCES.length);
  });

  test('docs/guardrails.md states each difference next to a rule mapped to its check, no other case, and the count we agree on', () => {
    // GIVEN the differences / WHEN the docs table is read
    const differences = outcomes.filter((o) => o.actual !== o.expected);
    // THEN every difference, and only those, is stated next to its rule, and the count is right
    expect(undocumented('kube-score', differences, MAPPING)).toEqual([]);
    expect(guardrailsDoc()).toContain(`- kube-score: we agree on ${outcomes.length - differences.length} of ${CASES.length} cases.`);
  });
});
