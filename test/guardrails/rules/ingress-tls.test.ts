import { ingressTls } from '../../../src/guardrails/rules/ingress-tls';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('ingress-tls', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(ingressTls, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: no tls', () => {
    // GIVEN no tls
    const manifests = referenceManifests();
    delete byKind(manifests, 'Ingress').spec.tls;
    // WHEN the rule runs
    const messages = messagesOf(ingressTls, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['spec.tls is unset']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(ingressTls, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
