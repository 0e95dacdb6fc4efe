import { yamlReading } from '../../../src/guardrails/rules/yaml-reading';
import { appContainer, CONFIG_MAP, messagesOf, podSpecOf, referenceManifests } from '../helpers';

describe('yaml-reading', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(yamlReading, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a << key, which the written YAML turns into a merge key', () => {
    // GIVEN a securityContext whose '<<' key would make the container privileged
    const manifests = referenceManifests();
    appContainer(manifests).securityContext['<<'] = { privileged: true };
    // WHEN the rule runs
    const messages = messagesOf(yamlReading, manifests);
    // THEN the rule names where the key is
    expect(messages).toEqual([
      "key '<<' at spec.template.spec.containers[0].securityContext: Kubernetes's YAML reader merges its value into the map around it",
    ]);
  });

  test('non-compliant: strings where Kubernetes wants booleans or integers on the isolation fields', () => {
    // GIVEN YAML 1.1 words as strings in boolean places, and a string in an integer place
    const manifests = referenceManifests();
    podSpecOf(manifests).hostNetwork = 'yes';
    podSpecOf(manifests).securityContext.runAsNonRoot = 'on';
    appContainer(manifests).securityContext.privileged = 'y';
    appContainer(manifests).securityContext.runAsUser = '0x0';
    appContainer(manifests).ports[0].hostPort = '80';
    // WHEN the rule runs
    const messages = messagesOf(yamlReading, manifests);
    // THEN each one is named with its value
    expect(messages).toEqual([
      "pod spec.hostNetwork is the string 'yes', not a boolean",
      "pod spec.securityContext.runAsNonRoot is the string 'on', not a boolean",
      "container app: securityContext.privileged is the string 'y', not a boolean",
      "container app: securityContext.runAsUser is the string '0x0', not an integer",
      "container app: ports[0].hostPort is the string '80', not an integer",
    ]);
  });

  test('compliant: YAML 1.1 words where Kubernetes wants strings (labels, data)', () => {
    // GIVEN strings that a YAML 1.1 reader would read as booleans if unquoted, in string places
    const configMap = { ...CONFIG_MAP, metadata: { ...CONFIG_MAP.metadata, labels: { enabled: 'yes' } }, data: { flag: 'on' } };
    // WHEN the rule runs
    const messages = messagesOf(yamlReading, [configMap]);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // WHEN / THEN
    expect(messagesOf(yamlReading, [CONFIG_MAP])).toEqual([]);
  });
});
