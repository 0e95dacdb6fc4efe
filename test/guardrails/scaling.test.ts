import { referenceManifests } from './helpers';
import { checkManifests } from '../../src/guardrails/engine';
import { Manifest } from '../../src/guardrails/manifest';
import { selectorEvaluations } from '../../src/guardrails/selector';

/**
 * `copies` copies of the reference web service (ServiceAccount, Deployment, Service, budget,
 * policies, Ingress...) in one namespace, each named `storefront-<i>`: N workloads, each with the
 * objects that select it.
 */
function webServices(copies: number): Manifest[] {
  const text = JSON.stringify(referenceManifests());
  const manifests: Manifest[] = [];
  for (let i = 0; i < copies; i++) {
    manifests.push(...JSON.parse(text.replace(/storefront/g, `storefront-${i}`)));
  }
  return manifests;
}

/** How many times a selector is compared with a set of labels when every rule checks the manifests. */
function evaluationsToCheck(manifests: ReadonlyArray<Manifest>): number {
  selectorEvaluations.count = 0;
  const findings = checkManifests(manifests);
  expect(findings).toEqual([]);
  return selectorEvaluations.count;
}

describe('guardrails: linear in the number of objects', () => {
  test('selector evaluations grow linearly, not with the square of the objects', () => {
    // GIVEN about 2,000 and 8,000 objects in one namespace
    const small = webServices(Math.ceil(2000 / referenceManifests().length));
    const large = webServices(4 * Math.ceil(2000 / referenceManifests().length));
    expect(small.length).toBeGreaterThanOrEqual(2000);
    expect(large.length).toBe(4 * small.length);
    // WHEN every rule checks them
    const forSmall = evaluationsToCheck(small);
    const forLarge = evaluationsToCheck(large);
    // THEN four times the objects take four times the selector evaluations (a scan per object would take 16 times),
    expect(forLarge).toBe(4 * forSmall);
    // AND a handful per object
    expect(forLarge).toBeLessThanOrEqual(2 * large.length);
  });
});
