import { Chart, Testing } from 'cdk8s';
import { ClusterDns, NetworkPort, PlatformDefaults, SecureNamespace, WebService } from '../../../src';
import { checkManifests } from '../../../src/guardrails/engine';
import { netpolDnsEgress } from '../../../src/guardrails/rules/netpol-dns-egress';
import { byKind, messagesOf, referenceManifests } from '../helpers';

function policy(name: string, spec: object, annotations?: Record<string, string>): any {
  return { apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name, namespace: 'shop', annotations }, spec };
}

const DEFAULT_DENY = policy('default-deny', { podSelector: {}, policyTypes: ['Ingress', 'Egress'] });
const ALLOW_DNS = policy('allow-dns', {
  podSelector: {},
  policyTypes: ['Egress'],
  egress: [{ to: [{ namespaceSelector: {} }], ports: [{ port: 53, protocol: 'UDP' }, { port: 53, protocol: 'TCP' }] }],
});
const TO_DATABASE = { to: [{ ipBlock: { cidr: '10.0.0.0/24' } }], ports: [{ port: 5432, protocol: 'TCP' }] };

describe('netpol-dns-egress', () => {
  test('compliant: the reference web service', () => {
    // GIVEN the reference web service
    const manifests = referenceManifests();
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('non-compliant: a policy of a workload with egress to a database and no DNS', () => {
    // GIVEN the workload's policy allows only the database
    const manifests = referenceManifests();
    byKind(manifests, 'NetworkPolicy').spec.egress = [TO_DATABASE];
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN the rule names the pods left without DNS
    expect(messages).toEqual(['restricts egress of the pods of Deployment/storefront and no NetworkPolicy selecting them allows DNS (port 53 over UDP or TCP)']);
  });

  test('compliant: a default deny next to an allow-dns policy over the same pods, with or without workloads', () => {
    // GIVEN a namespace-wide default deny and allow-dns, alone and with a workload whose policy has no DNS
    const alone = [DEFAULT_DENY, ALLOW_DNS];
    const withWorkload = referenceManifests();
    byKind(withWorkload, 'NetworkPolicy').spec.egress = [TO_DATABASE];
    withWorkload.push(DEFAULT_DENY, ALLOW_DNS);
    // WHEN the rule runs
    // THEN nothing is reported: the allow-dns policy selects the same pods
    expect(messagesOf(netpolDnsEgress, alone)).toEqual([]);
    expect(messagesOf(netpolDnsEgress, withWorkload)).toEqual([]);
  });

  test('non-compliant: a lone default deny of egress', () => {
    // GIVEN a default deny without any allow-dns policy
    const manifests = [DEFAULT_DENY];
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN the policy is reported
    expect(messages).toEqual(['restricts egress of the pods it selects and no NetworkPolicy over the same pods allows DNS (port 53 over UDP or TCP)']);
  });

  test.each([
    ['port 53 over UDP only', [{ ports: [{ port: 53, protocol: 'UDP' }] }]],
    ['port 53 without protocol (TCP)', [{ ports: [{ port: 53 }] }]],
    ["OpenShift's 5353", [{ ports: [{ port: 5353, protocol: 'UDP' }] }]],
    ['the named port dns', [{ ports: [{ port: 'dns', protocol: 'UDP' }] }]],
    ['a port range over 53', [{ ports: [{ port: 1, endPort: 1024, protocol: 'UDP' }] }]],
    ['an egress rule without ports', [{ to: [{ ipBlock: { cidr: '10.0.0.0/8' } }] }]],
  ])('compliant: %s', (_name, egress) => {
    // GIVEN a policy restricting egress to that
    const manifests = [policy('api', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress })];
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test.each([
    ['port 53 over SCTP', [{ ports: [{ port: 53, protocol: 'SCTP' }] }]],
    ['a range that misses 53', [{ ports: [{ port: 1000, endPort: 2000, protocol: 'UDP' }] }]],
    ['another named port', [{ ports: [{ port: 'http' }] }]],
  ])('non-compliant: %s', (_name, egress) => {
    // GIVEN a policy restricting egress to that
    const manifests = [policy('api', { podSelector: { matchLabels: { app: 'api' } }, policyTypes: ['Egress'], egress })];
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN the policy is reported
    expect(messages).toHaveLength(1);
  });

  test('not applicable: a policy for ingress only', () => {
    // GIVEN a policy without Egress in policyTypes
    const manifests = [policy('ingress-only', { podSelector: {}, policyTypes: ['Ingress'] })];
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test('an acknowledged policy counts as the one allowing DNS (a DNS on its own port)', () => {
    // GIVEN a default deny and a policy allowing DNS on port 1053, acknowledged
    const manifests = [DEFAULT_DENY, policy('allow-dns', {
      podSelector: {}, policyTypes: ['Egress'], egress: [{ ports: [{ port: 1053, protocol: 'UDP' }] }],
    }, { 'ack.cdk8s-golden.io/netpol-dns-egress': 'our DNS listens on 1053' })];
    // WHEN the rule runs
    const messages = messagesOf(netpolDnsEgress, manifests);
    // THEN nothing is reported
    expect(messages).toEqual([]);
  });

  test.each([
    ['kube-dns', ClusterDns.KUBE_DNS],
    ['OpenShift', ClusterDns.OPENSHIFT],
    ['node-local DNS', ClusterDns.ipBlock('169.254.20.10/32')],
    ['a DNS on its own port', ClusterDns.pods('dns', { app: 'unbound' }, [NetworkPort.udp(1053), NetworkPort.tcp(1053)])],
  ])('our own output with PlatformDefaults.dns %s has no finding', (_name, dns) => {
    // GIVEN a SecureNamespace and a WebService with the platform's DNS
    const app = Testing.app();
    PlatformDefaults.set(app, { dns });
    const platform = new Chart(app, 'platform');
    new SecureNamespace(platform, 'shop', { name: 'shop' });
    const chart = new Chart(app, 'shop', { namespace: 'shop' });
    new WebService(chart, 'storefront', { image: 'ghcr.io/acme/storefront:2.0.1' });
    // WHEN every rule runs on the output
    const findings = checkManifests([...Testing.synth(platform), ...Testing.synth(chart)]);
    // THEN nothing is reported
    expect(findings).toEqual([]);
  });
});
