import * as fs from 'fs';
import * as path from 'path';
import { readYaml, sharedFixtures } from './helpers';
import { checkManifests } from '../../src/guardrails/engine';
import { Manifest } from '../../src/guardrails/manifest';
import { PSS_BASELINE_RULES } from '../../src/guardrails/rules';

// The Kubernetes project's Pod Security conformance fixtures, read where they lie (never copied here).
const PSS_FIXTURES = sharedFixtures('pod-security');

type Wrapper = (pod: Manifest) => Manifest;

/** The fixture Pod as is, and its pod template wrapped into a Deployment and a CronJob. */
const WRAPPERS: Record<string, Wrapper> = {
  Pod: (pod) => pod,
  Deployment: (pod) => ({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: pod.metadata.name },
    spec: {
      selector: { matchLabels: { app: 'fixture' } },
      template: { metadata: { ...pod.metadata, labels: { app: 'fixture' } }, spec: pod.spec },
    },
  }),
  CronJob: (pod) => ({
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: { name: pod.metadata.name },
    spec: {
      schedule: '0 * * * *',
      jobTemplate: { spec: { template: { metadata: pod.metadata, spec: { ...pod.spec, restartPolicy: 'Never' } } } },
    },
  }),
};

function cases(level: string, outcome: 'pass' | 'fail'): Array<[string, string, Wrapper]> {
  const folder = path.join(PSS_FIXTURES, level, outcome);
  return fs.readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .sort()
    .flatMap((file) => Object.entries(WRAPPERS).map(([kind, wrap]): [string, string, Wrapper] => [file, kind, wrap]))
    .map(([file, kind, wrap]) => [path.join(folder, file), kind, wrap]);
}

function pssFindings(file: string, wrap: Wrapper, rules?: Parameters<typeof checkManifests>[1]) {
  const [pod] = readYaml(file);
  return checkManifests([wrap(pod)], rules).filter((finding) => finding.rule.startsWith('pss-'));
}

describe('Pod Security Standards v1.30 conformance fixtures', () => {
  test.each(cases('restricted-v1.30', 'fail'))('restricted fail %s as %s gets a pss- finding', (file, _kind, wrap) => {
    // GIVEN a Pod that the restricted profile rejects
    // WHEN every rule runs on it
    const findings = pssFindings(file, wrap);
    // THEN at least one Pod Security rule reports it
    expect(findings.length).toBeGreaterThan(0);
  });

  test.each(cases('baseline-v1.30', 'fail'))('baseline fail %s as %s gets a baseline pss- finding', (file, _kind, wrap) => {
    // GIVEN a Pod that the baseline profile rejects
    // WHEN the baseline rules run on it
    const findings = pssFindings(file, wrap, { rules: PSS_BASELINE_RULES });
    // THEN at least one of them reports it
    expect(findings.length).toBeGreaterThan(0);
  });

  test.each(cases('restricted-v1.30', 'pass'))('restricted pass %s as %s gets no pss- finding', (file, _kind, wrap) => {
    // GIVEN a Pod that the restricted profile admits
    // WHEN every rule runs on it
    const findings = pssFindings(file, wrap);
    // THEN no Pod Security rule reports it
    expect(findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([]);
  });

  test.each(cases('baseline-v1.30', 'pass'))('baseline pass %s as %s gets no baseline pss- finding', (file, _kind, wrap) => {
    // GIVEN a Pod that the baseline profile admits
    // WHEN the baseline rules run on it
    const findings = pssFindings(file, wrap, { rules: PSS_BASELINE_RULES });
    // THEN none of them reports it
    expect(findings.map((finding) => `${finding.rule}: ${finding.message}`)).toEqual([]);
  });

  test('the fixtures are all there', () => {
    // GIVEN the shared conformance data
    // WHEN counting the files
    const count = (level: string, outcome: 'pass' | 'fail') => fs.readdirSync(path.join(PSS_FIXTURES, level, outcome)).length;
    // THEN every file is there
    expect([count('baseline-v1.30', 'fail'), count('baseline-v1.30', 'pass'), count('restricted-v1.30', 'fail'), count('restricted-v1.30', 'pass')])
      .toEqual([29, 11, 69, 19]);
    expect(fs.existsSync(path.join(PSS_FIXTURES, 'README.md'))).toBe(true);
  });
});
