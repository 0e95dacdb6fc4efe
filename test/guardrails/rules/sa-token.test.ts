import { saToken } from '../../../src/guardrails/rules/sa-token';
import { byKind, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('sa-token', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(saToken, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('compliant: the pod leaves it to a ServiceAccount that sets false', () => {
    // GIVEN the pod leaves it to a ServiceAccount that sets false
    const manifests = referenceManifests();
    delete podSpecOf(manifests).automountServiceAccountToken;
    // WHEN the rule runs
    const messages = messagesOf(saToken, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: neither the pod nor the ServiceAccount sets false', () => {
    // GIVEN neither the pod nor the ServiceAccount sets false
    const manifests = referenceManifests();
    delete podSpecOf(manifests).automountServiceAccountToken;
    delete byKind(manifests, 'ServiceAccount').automountServiceAccountToken;
    // WHEN the rule runs
    const messages = messagesOf(saToken, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['automountServiceAccountToken is unset and ServiceAccount storefront does not set it to false']);
  });

  test('non-compliant: the pod asks for the token', () => {
    // GIVEN the pod asks for the token
    const manifests = referenceManifests();
    podSpecOf(manifests).automountServiceAccountToken = true;
    // WHEN the rule runs
    const messages = messagesOf(saToken, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['automountServiceAccountToken is true']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(saToken, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
