import { saExists } from '../../../src/guardrails/rules/sa-exists';
import { job, messagesOf, referenceManifests, without } from '../helpers';

describe('sa-exists', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(saExists, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: the ServiceAccount is missing', () => {
    // GIVEN the ServiceAccount is missing
    const manifests = without(referenceManifests(), 'ServiceAccount');
    // WHEN the rule runs
    const messages = messagesOf(saExists, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["serviceAccountName 'storefront' names no ServiceAccount in namespace shop"]);
  });

  test('not applicable: a pod on the default ServiceAccount', () => {
    // GIVEN a pod on the default ServiceAccount
    const manifests = [job()];
    // WHEN the rule runs
    const messages = messagesOf(saExists, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
