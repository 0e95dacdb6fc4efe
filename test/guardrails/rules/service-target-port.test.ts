import { serviceTargetPort } from '../../../src/guardrails/rules/service-target-port';
import { byKind, messagesOf, referenceManifests } from '../helpers';

describe('service-target-port', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetPort, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a targetPort name no container declares', () => {
    // GIVEN a targetPort name no container declares
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.ports[0].targetPort = 'web';
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetPort, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["port http: targetPort 'web' is not a container port name of Deployment storefront"]);
  });

  test('non-compliant: a targetPort number no container declares', () => {
    // GIVEN a targetPort number no container declares
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.ports[0].targetPort = 9090;
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetPort, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(['port http: targetPort 9090 is not a container port of Deployment storefront']);
  });

  test('compliant: the container port number', () => {
    // GIVEN the container port number
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.ports[0].targetPort = 8080;
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetPort, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a Service without selector', () => {
    // GIVEN a Service without selector
    const manifests = referenceManifests();
    delete byKind(manifests, 'Service').spec.selector;
    byKind(manifests, 'Service').spec.ports[0].targetPort = 'web';
    // WHEN the rule runs
    const messages = messagesOf(serviceTargetPort, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
