import { envDuplicate } from '../../../src/guardrails/rules/env-duplicate';
import { appContainer, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('env-duplicate', () => {
  test('compliant: distinct names', () => {
    // GIVEN distinct names
    const manifests = referenceManifests();
    appContainer(manifests).env = [{ name: 'MODE', value: 'a' }, { name: 'LEVEL', value: 'b' }];
    // WHEN the rule runs
    const messages = messagesOf(envDuplicate, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a name declared three times', () => {
    // GIVEN a name declared three times
    const manifests = referenceManifests();
    appContainer(manifests).env = [{ name: 'MODE', value: 'a' }, { name: 'MODE', value: 'b' }, { name: 'MODE', value: 'c' }];
    // WHEN the rule runs
    const messages = messagesOf(envDuplicate, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['container app: env MODE is declared more than once']);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(envDuplicate, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
