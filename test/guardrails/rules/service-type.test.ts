import { serviceType } from '../../../src/guardrails/rules/service-type';
import { byKind, CONFIG_MAP, messagesOf, referenceManifests } from '../helpers';

describe('service-type', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a NodePort', () => {
    // GIVEN a NodePort
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.type = 'NodePort';
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN the rule names the field and the value
    expect(messages).toEqual(["spec.type is 'NodePort', expected 'ClusterIP'"]);
  });

  test('non-compliant: a LoadBalancer, with its source ranges', () => {
    // GIVEN a LoadBalancer that admits one range
    const manifests = referenceManifests();
    Object.assign(byKind(manifests, 'Service').spec, { type: 'LoadBalancer', loadBalancerSourceRanges: ['203.0.113.0/24'] });
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN the rule asks for ClusterIP or an acknowledgement
    expect(messages).toEqual(["spec.type is 'LoadBalancer', expected 'ClusterIP' or an acknowledged load balancer"]);
  });

  test('non-compliant: a LoadBalancer open to every address', () => {
    // GIVEN a LoadBalancer without source ranges
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec.type = 'LoadBalancer';
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN the rule says that every address may connect
    expect(messages).toEqual(["spec.type is 'LoadBalancer' and no loadBalancerSourceRanges (every address may connect), expected 'ClusterIP' or an acknowledged load balancer"]);
  });

  test('not applicable: an ExternalName Service (a DNS alias, no port is opened)', () => {
    // GIVEN an ExternalName Service
    const manifests = referenceManifests();
    byKind(manifests, 'Service').spec = { type: 'ExternalName', externalName: 'db.example.com' };
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('not applicable: a ConfigMap', () => {
    // GIVEN a ConfigMap
    const manifests = [CONFIG_MAP];
    // WHEN the rule runs
    const messages = messagesOf(serviceType, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });
});
