import { ingressBackend } from '../../../src/guardrails/rules/ingress-backend';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('ingress-backend', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a port the Service does not have', () => {
    // GIVEN a port the Service does not have
    const manifests = referenceManifests();
    byKind(manifests, 'Ingress').spec.rules[0].http.paths[0].backend.service.port = { name: 'https' };
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["rule shop.example.com path /: backend Service 'storefront' has no port 'https'"]);
  });

  test('non-compliant: a Service that does not exist', () => {
    // GIVEN a Service that does not exist
    const manifests = referenceManifests();
    byKind(manifests, 'Ingress').spec.rules[0].http.paths[0].backend.service.name = 'front';
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["rule shop.example.com path /: backend Service 'front' does not exist in namespace shop"]);
  });

  test('compliant: an HTTPRoute on the Service port', () => {
    // GIVEN an HTTPRoute on the Service port
    const manifests = referenceManifests();
    manifests.push({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'storefront', namespace: 'shop' },
      spec: { rules: [{ backendRefs: [{ name: 'storefront', port: 80 }] }] },
    });
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an HTTPRoute on a missing port', () => {
    // GIVEN an HTTPRoute on a missing port
    const manifests = referenceManifests();
    manifests.push({
      apiVersion: 'gateway.networking.k8s.io/v1',
      kind: 'HTTPRoute',
      metadata: { name: 'storefront', namespace: 'shop' },
      spec: { rules: [{ backendRefs: [{ name: 'storefront', port: 8080 }] }] },
    });
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["rule 0: backend Service 'storefront' has no port 8080"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
