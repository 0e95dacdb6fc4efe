import { portName } from '../../../src/guardrails/rules/port-name';
import { appContainer, byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('port-name', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(portName, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: an underscore in a container port and a long Service port name', () => {
    // GIVEN an underscore in a container port and a long Service port name
    const manifests = referenceManifests();
    appContainer(manifests).ports[0].name = 'http_web';
    byKind(manifests, 'Service').spec.ports[0].name = 'a-very-long-port-name';
    // WHEN the rule runs
    const messages = messagesOf(portName, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual([
      "container app: port name 'http_web' may contain only lower-case letters, digits and '-'",
      "port name 'a-very-long-port-name' must be 1 to 15 characters",
    ]);
  });

  test('non-compliant: a numeric-only name', () => {
    // GIVEN a numeric-only name
    const manifests = referenceManifests();
    appContainer(manifests).ports[0].name = '8080';
    // WHEN the rule runs
    const messages = messagesOf(portName, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["container app: port name '8080' must contain at least one letter"]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(portName, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
