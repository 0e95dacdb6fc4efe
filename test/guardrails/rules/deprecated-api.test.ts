import { deprecatedApi } from '../../../src/guardrails/rules/deprecated-api';
import { byKind, messagesOf, referenceManifests } from '../helpers';

describe('deprecated-api', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(deprecatedApi, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an Ingress of networking.k8s.io/v1beta1', () => {
    // GIVEN an Ingress of networking.k8s.io/v1beta1
    const manifests = referenceManifests();
    byKind(manifests, 'Ingress').apiVersion = 'networking.k8s.io/v1beta1';
    // WHEN the rule runs
    const messages = messagesOf(deprecatedApi, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['apiVersion networking.k8s.io/v1beta1 of Ingress is removed or deprecated by Kubernetes v1.30; use networking.k8s.io/v1']);
  });

  test('non-compliant: a PodSecurityPolicy', () => {
    // GIVEN a PodSecurityPolicy
    const manifests = [{ apiVersion: 'policy/v1beta1', kind: 'PodSecurityPolicy', metadata: { name: 'restricted' } }];
    // WHEN the rule runs
    const messages = messagesOf(deprecatedApi, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['apiVersion policy/v1beta1 of PodSecurityPolicy is removed or deprecated by Kubernetes v1.30; use Pod Security admission labels on the Namespace (PodSecurityPolicy was removed)']);
  });

  test('not applicable: a custom resource', () => {
    // GIVEN a custom resource
    const manifests = [{ apiVersion: 'example.com/v1alpha1', kind: 'Widget', metadata: { name: 'w', namespace: 'shop' } }];
    // WHEN the rule runs
    const messages = messagesOf(deprecatedApi, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
