import * as path from 'path';
import { runCli } from '../../src/cli/check';
import { FIXTURES } from '../guardrails/helpers';

// `helm create demo && helm template demo ./demo` (helm v3.17.1), see the fixture's README.
const SCAFFOLD = path.join(FIXTURES, 'helm-scaffold', 'demo.yaml');

describe("helm create's default scaffold", () => {
  const outcome = runCli(['check', '--format', 'json', SCAFFOLD], { readStdin: () => '' });
  const findings: any[] = JSON.parse(outcome.stdout);
  const of = (kind: string, name: string) => findings.filter((f) => f.kind === kind && f.name === name);
  const rules = (kind: string, name: string, severity: string) => of(kind, name).filter((f) => f.severity === severity).map((f) => f.rule);

  test('fails the check', () => {
    expect(outcome.exitCode).toBe(1);
    expect(outcome.stderr).toBe('');
  });

  test('the Deployment: no restricted security context, no resources, identical probes', () => {
    // THEN every Pod Security restricted control it lacks, and the resource and probe problems
    expect(rules('Deployment', 'demo', 'error')).toEqual([
      'pss-allow-privilege-escalation',
      'pss-run-as-non-root',
      'pss-seccomp-restricted',
      'pss-capabilities-restricted',
      'cpu-request',
      'memory-request',
      'memory-limit',
      'probes-identical',
    ]);
    expect(rules('Deployment', 'demo', 'warning')).toEqual([
      'pull-policy', // IfNotPresent
      'cpu-limit',
      'ephemeral-storage',
      'run-as-user', // runAsUser
      'run-as-user', // runAsGroup
      'read-only-root',
      'sa-token', // the ServiceAccount sets automountServiceAccountToken: true
      'replicas', // replicaCount: 1
      'topology-spread',
      'netpol-covers-pod', // the chart has no NetworkPolicy
    ]);
    expect(of('Deployment', 'demo').find((f) => f.rule === 'probes-identical').message)
      .toBe('container demo: livenessProbe and readinessProbe are the same httpGet check (path /, port http)');
  });

  test('the test Pod: an unpinned busybox, and the Service selects it', () => {
    // THEN `busybox` has no tag
    expect(of('Pod', 'demo-test-connection').find((f) => f.rule === 'image-tag').message)
      .toBe("container wget: image 'busybox' is not pinned to a tag or digest");
    // and it carries the selector labels, so the Service routes traffic to it: a real outage while
    // `helm test` runs, which the cross-object rules see from both sides
    expect(of('Service', 'demo').map((f) => `${f.rule}: ${f.message}`)).toEqual([
      "service-target-port: port http: targetPort 'http' is not a container port name of Pod demo-test-connection",
    ]);
    expect(of('Pod', 'demo-test-connection').find((f) => f.rule === 'readiness-probe').message)
      .toBe('container wget: has no readinessProbe, but Service demo sends traffic to the pod');
    expect(of('Pod', 'demo-test-connection').find((f) => f.rule === 'instance-label').message)
      .toBe("label app.kubernetes.io/instance is 'demo', expected 'demo-test-connection'");
  });

  test('nothing on the ServiceAccount, and no finding the scaffold does not deserve', () => {
    // THEN
    expect(of('ServiceAccount', 'demo')).toEqual([]);
    const unexpected = findings.filter((f) => ['sa-exists', 'selector-match', 'label-values', 'deprecated-api', 'port-name', 'probe-port', 'service-targets-pod']
      .includes(f.rule));
    expect(unexpected).toEqual([]);
    expect(findings.filter((f) => f.file !== SCAFFOLD)).toEqual([]);
    expect(findings).toHaveLength(37);
  });
});
