import { selectorMatch } from '../../../src/guardrails/rules/selector-match';
import { byKind, job, messagesOf, referenceManifests } from '../helpers';

describe('selector-match', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(selectorMatch, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a selector label the template lacks', () => {
    // GIVEN a selector label the template lacks
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.selector = { matchLabels: { 'app.kubernetes.io/name': 'shop' } };
    // WHEN the rule runs
    const messages = messagesOf(selectorMatch, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.selector {"matchLabels":{"app.kubernetes.io/name":"shop"}} does not match the pod template labels']);
  });

  test('compliant: a matchExpressions selector', () => {
    // GIVEN a matchExpressions selector
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.selector = { matchExpressions: [{ key: 'app.kubernetes.io/instance', operator: 'In', values: ['storefront'] }] };
    // WHEN the rule runs
    const messages = messagesOf(selectorMatch, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a Job without manual selector', () => {
    // GIVEN a Job without manual selector
    const manifests = [job()];
    // WHEN the rule runs
    const messages = messagesOf(selectorMatch, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
