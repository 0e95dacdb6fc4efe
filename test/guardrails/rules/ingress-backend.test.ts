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

  /** The reference Ingress rewritten to an older API version, its path backend written with serviceName / servicePort. */
  function oldStyleIngress(apiVersion: string, serviceName: string, servicePort: number | string) {
    const manifests = referenceManifests();
    const ingress = byKind(manifests, 'Ingress');
    ingress.apiVersion = apiVersion;
    ingress.spec.rules[0].http.paths[0].backend = { serviceName, servicePort };
    return manifests;
  }

  test('non-compliant: a networking.k8s.io/v1 Ingress whose backend uses serviceName / servicePort', () => {
    // GIVEN a v1 Ingress whose backend is written with the v1beta1 fields (the API server sees no Service)
    const manifests = oldStyleIngress('networking.k8s.io/v1', 'storefront', 'http');
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN the rule names the old fields and the new ones
    expect(messages).toEqual([
      'rule shop.example.com path /: serviceName/servicePort are fields of v1beta1, not of networking.k8s.io/v1: the backend names no Service; write service.name and service.port.number (or .name)',
    ]);
  });

  test('non-compliant: a networking.k8s.io/v1 Ingress with the v1beta1 default backend field', () => {
    // GIVEN a v1 Ingress with spec.backend (dropped by the API server) instead of spec.defaultBackend
    const manifests = referenceManifests();
    byKind(manifests, 'Ingress').spec.backend = { service: { name: 'storefront', port: { name: 'http' } } };
    // WHEN the rule runs
    const messages = messagesOf(ingressBackend, manifests);
    // THEN the rule names the field
    expect(messages).toEqual(['backend: a field of v1beta1, not of networking.k8s.io/v1, so the Ingress has no default backend; write spec.defaultBackend']);
  });

  test.each(['extensions/v1beta1', 'networking.k8s.io/v1beta1'])('a %s Ingress is read with serviceName / servicePort: the right Service and port pass, missing ones are reported', (apiVersion) => {
    // GIVEN v1beta1 Ingresses on the reference Service's port, by name and by number
    expect(messagesOf(ingressBackend, oldStyleIngress(apiVersion, 'storefront', 'http'))).toEqual([]);
    expect(messagesOf(ingressBackend, oldStyleIngress(apiVersion, 'storefront', 80))).toEqual([]);
    // AND v1beta1 Ingresses whose backends name what the output does not have
    const noService = oldStyleIngress(apiVersion, 'front', 80);
    const noPort = oldStyleIngress(apiVersion, 'storefront', 'https');
    const defaultBackend = oldStyleIngress(apiVersion, 'storefront', 80);
    byKind(defaultBackend, 'Ingress').spec.backend = { serviceName: 'fallback', servicePort: 80 };
    // WHEN the rule runs / THEN each is reported
    expect(messagesOf(ingressBackend, noService)).toEqual(["rule shop.example.com path /: backend Service 'front' does not exist in namespace shop"]);
    expect(messagesOf(ingressBackend, noPort)).toEqual(["rule shop.example.com path /: backend Service 'storefront' has no port 'https'"]);
    expect(messagesOf(ingressBackend, defaultBackend)).toEqual(["backend: backend Service 'fallback' does not exist in namespace shop"]);
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
