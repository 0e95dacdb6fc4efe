import { hpaTarget } from '../../../src/guardrails/rules/hpa-target';
import { CONFIG_MAP, hpa, messagesOf, referenceManifests } from '../helpers';

describe('hpa-target', () => {
  test('compliant: an autoscaler on the Deployment', () => {
    // GIVEN an autoscaler on the Deployment
    const manifests = [...referenceManifests(), hpa()];
    // WHEN the rule runs
    const messages = messagesOf(hpaTarget, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an autoscaler on a missing Deployment', () => {
    // GIVEN an autoscaler on a missing Deployment
    const manifests = [...referenceManifests(), hpa('storefront-v2')];
    // WHEN the rule runs
    const messages = messagesOf(hpaTarget, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["scaleTargetRef Deployment 'storefront-v2' names no object in namespace shop"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(hpaTarget, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
