import { isEmptyLabelSelector, matchesLabelSelector, matchesMapSelector } from '../../src/guardrails/selector';

const LABELS = { 'app.kubernetes.io/name': 'storefront', 'track': 'stable' };

describe('matchesLabelSelector', () => {
  test.each([
    ['an empty selector', {}, true],
    ['a null selector', null, false],
    ['matching matchLabels', { matchLabels: { track: 'stable' } }, true],
    ['differing matchLabels', { matchLabels: { track: 'canary' } }, false],
    ['In', { matchExpressions: [{ key: 'track', operator: 'In', values: ['stable', 'canary'] }] }, true],
    ['In on a missing key', { matchExpressions: [{ key: 'tier', operator: 'In', values: ['web'] }] }, false],
    ['NotIn', { matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['canary'] }] }, true],
    ['NotIn on a missing key', { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['web'] }] }, true],
    ['NotIn on the value', { matchExpressions: [{ key: 'track', operator: 'NotIn', values: ['stable'] }] }, false],
    ['Exists', { matchExpressions: [{ key: 'track', operator: 'Exists' }] }, true],
    ['Exists on a missing key', { matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, false],
    ['DoesNotExist', { matchExpressions: [{ key: 'tier', operator: 'DoesNotExist' }] }, true],
    ['DoesNotExist on a present key', { matchExpressions: [{ key: 'track', operator: 'DoesNotExist' }] }, false],
    ['an unknown operator', { matchExpressions: [{ key: 'track', operator: 'Gt', values: ['1'] }] }, false],
    ['matchLabels and expressions together', { matchLabels: { track: 'stable' }, matchExpressions: [{ key: 'tier', operator: 'Exists' }] }, false],
  ])('%s', (_title, selector, expected) => {
    // GIVEN a selector
    // WHEN it is applied to a pod's labels
    const matched = matchesLabelSelector(selector, LABELS);
    // THEN it follows the Kubernetes semantics
    expect(matched).toBe(expected);
  });
});

describe('matchesMapSelector', () => {
  test('a Service selector matches a superset of its labels, and an empty one matches nothing', () => {
    // GIVEN Service selectors
    // WHEN applied to a pod's labels
    // THEN a subset matches, a differing value or an empty map does not
    expect(matchesMapSelector({ track: 'stable' }, LABELS)).toBe(true);
    expect(matchesMapSelector({ track: 'canary' }, LABELS)).toBe(false);
    expect(matchesMapSelector({}, LABELS)).toBe(false);
    expect(matchesMapSelector(undefined, LABELS)).toBe(false);
  });
});

describe('isEmptyLabelSelector', () => {
  test('only a selector with no labels and no expressions is empty', () => {
    // GIVEN selectors
    // WHEN checking emptiness
    // THEN {} and empty lists are empty, anything else is not
    expect(isEmptyLabelSelector({})).toBe(true);
    expect(isEmptyLabelSelector({ matchLabels: {}, matchExpressions: [] })).toBe(true);
    expect(isEmptyLabelSelector({ matchLabels: { a: 'b' } })).toBe(false);
    expect(isEmptyLabelSelector(undefined)).toBe(false);
  });
});
