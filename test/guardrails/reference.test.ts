import { referenceManifests } from './helpers';
import { checkManifests } from '../../src/guardrails/engine';
import { ALL_RULES } from '../../src/guardrails/rules';

describe('the reference web service', () => {
  test('passes every rule without a single finding', () => {
    // GIVEN the hardened reference output of a WebService
    const manifests = referenceManifests();
    // WHEN every guardrail rule runs on it
    const findings = checkManifests(manifests);
    // THEN nothing is reported, at any severity
    expect(findings).toEqual([]);
    expect(manifests.map((manifest) => manifest.kind)).toEqual(['ServiceAccount', 'Deployment', 'Service', 'PodDisruptionBudget', 'NetworkPolicy', 'Ingress']);
  });

  test('rule ids are unique, and the Pod Security ones start with pss-', () => {
    // GIVEN every rule
    const ids = ALL_RULES.map((rule) => rule.id);
    // WHEN looking at their ids
    const pss = ids.filter((id) => id.startsWith('pss-'));
    // THEN each is unique and there are 17 Pod Security checks
    expect(new Set(ids).size).toBe(ids.length);
    expect(pss).toHaveLength(17);
    for (const rule of ALL_RULES) {
      expect(rule.why.length).toBeGreaterThan(10);
      expect(rule.fix.length).toBeGreaterThan(10);
    }
  });
});
