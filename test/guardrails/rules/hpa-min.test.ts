import { hpaMin } from '../../../src/guardrails/rules/hpa-min';
import { CONFIG_MAP, hpa, messagesOf } from '../helpers';

describe('hpa-min', () => {
  test('compliant: min 2, max 5', () => {
    // GIVEN min 2, max 5
    const manifests = [hpa()];
    // WHEN the rule runs
    const messages = messagesOf(hpaMin, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: min 1, max 1', () => {
    // GIVEN min 1, max 1
    const manifests = [hpa('storefront', 1, 1)];
    // WHEN the rule runs
    const messages = messagesOf(hpaMin, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['minReplicas is 1, expected 2 or more', 'maxReplicas is 1, expected more than minReplicas (1)']);
  });

  test('non-compliant: min unset', () => {
    // GIVEN min unset
    const manifests = [hpa('storefront', 2, 4)];
    delete manifests[0].spec.minReplicas;
    // WHEN the rule runs
    const messages = messagesOf(hpaMin, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['minReplicas is unset (defaults to 1), expected 2 or more']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(hpaMin, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
