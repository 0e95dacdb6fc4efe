import { netpolTargetsPod } from '../../../src/guardrails/rules/netpol-targets-pod';
import { byKind, messagesOf, referenceManifests } from '../helpers';

describe('netpol-targets-pod', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(netpolTargetsPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a selector that matches no pod', () => {
    // GIVEN a selector that matches no pod
    const manifests = referenceManifests();
    byKind(manifests, 'NetworkPolicy').spec.podSelector = { matchLabels: { 'app.kubernetes.io/instance': 'other' } };
    // WHEN the rule runs
    const messages = messagesOf(netpolTargetsPod, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['podSelector {"matchLabels":{"app.kubernetes.io/instance":"other"}} selects no pod template in namespace shop']);
  });

  test('not applicable: a namespace-wide default deny', () => {
    // GIVEN a namespace-wide default deny
    const manifests = [{
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Ingress', 'Egress'] },
    }];
    // WHEN the rule runs
    const messages = messagesOf(netpolTargetsPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
