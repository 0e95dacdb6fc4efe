import { netpolCoversPod } from '../../../src/guardrails/rules/netpol-covers-pod';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests, without } from '../helpers';

describe('netpol-covers-pod', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(netpolCoversPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an ingress-only policy', () => {
    // GIVEN an ingress-only policy
    const manifests = referenceManifests();
    const policy = byKind(manifests, 'NetworkPolicy');
    policy.spec.policyTypes = ['Ingress'];
    delete policy.spec.egress;
    // WHEN the rule runs
    const messages = messagesOf(netpolCoversPod, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['no NetworkPolicy selects the pods for Egress']);
  });

  test('compliant: ingress and egress from two policies, one of them namespace-wide', () => {
    // GIVEN ingress and egress from two policies, one of them namespace-wide
    const manifests = referenceManifests();
    byKind(manifests, 'NetworkPolicy').spec.policyTypes = ['Ingress'];
    manifests.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'NetworkPolicy',
      metadata: { name: 'default-deny', namespace: 'shop' },
      spec: { podSelector: {}, policyTypes: ['Egress'] },
    });
    // WHEN the rule runs
    const messages = messagesOf(netpolCoversPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no policy at all', () => {
    // GIVEN no policy at all
    const manifests = without(referenceManifests(), 'NetworkPolicy');
    // WHEN the rule runs
    const messages = messagesOf(netpolCoversPod, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['no NetworkPolicy selects the pods for Ingress and Egress']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(netpolCoversPod, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
