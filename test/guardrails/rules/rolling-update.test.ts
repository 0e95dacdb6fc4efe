import { rollingUpdate } from '../../../src/guardrails/rules/rolling-update';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('rolling-update', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(rollingUpdate, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: Recreate', () => {
    // GIVEN Recreate
    const manifests = referenceManifests();
    byKind(manifests, 'Deployment').spec.strategy = { type: 'Recreate' };
    // WHEN the rule runs
    const messages = messagesOf(rollingUpdate, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["spec.strategy.type is 'Recreate', expected 'RollingUpdate'"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(rollingUpdate, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
