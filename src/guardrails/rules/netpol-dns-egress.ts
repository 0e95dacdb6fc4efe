import { RuleId } from '../../conventions/rule-ids';
import { acknowledgementsOf } from '../acknowledgement';
import { Manifest, arrayAt, objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';
import { isEmptyLabelSelector } from '../selector';
import { policyTypesOf } from './netpol-covers-pod';

/** The DNS ports by number: 53, and 5353 where OpenShift's DNS pods listen. */
const DNS_PORTS: ReadonlySet<number> = new Set([53, 5353]);
/** The DNS ports by name, as CoreDNS / kube-dns name their container ports. */
const DNS_PORT_NAMES: ReadonlySet<string> = new Set(['dns', 'dns-tcp']);

/** Whether one entry of an egress rule's ports lets DNS through (UDP or TCP; TCP when unset). */
function isDnsPort(entry: unknown): boolean {
  const port = objectAt(entry);
  const protocol = port.protocol ?? 'TCP';
  if (protocol !== 'UDP' && protocol !== 'TCP') {
    return false;
  }
  if (port.port === undefined) {
    return true; // every port of the protocol
  }
  if (typeof port.port === 'string') {
    return DNS_PORT_NAMES.has(port.port) || (/^\d+$/.test(port.port) && DNS_PORTS.has(Number(port.port)));
  }
  if (typeof port.port !== 'number') {
    return false;
  }
  if (typeof port.endPort === 'number') {
    return port.port <= 53 && 53 <= port.endPort || port.port <= 5353 && 5353 <= port.endPort;
  }
  return DNS_PORTS.has(port.port);
}

/**
 * Whether a NetworkPolicy allows DNS egress: an egress rule to some peer (or to anything) with no
 * ports, or with a DNS port. A policy acknowledged for this rule is taken at its word: its
 * acknowledgement says its egress goes to the DNS on a port the rule cannot know (a platform's own
 * DNS port).
 */
function allowsDns(policy: Manifest): boolean {
  if (acknowledgementsOf(policy).get(RuleId.NETPOL_DNS_EGRESS)?.trim()) {
    return true;
  }
  if (!policyTypesOf(policy).includes('Egress')) {
    return false;
  }
  return arrayAt(objectAt(policy.spec).egress).some((rule) => {
    const ports = objectAt(rule).ports;
    return ports === undefined || ports === null || (Array.isArray(ports) && (ports.length === 0 || ports.some(isDnsPort)));
  });
}

/**
 * A NetworkPolicy that restricts egress leaves the pods it selects their DNS. NetworkPolicies add
 * up: a pod may open a connection when any policy selecting it for Egress allows it. So the rule
 * looks at all the policies that select a pod, not at one alone: a default-deny policy (egress to
 * nothing, on purpose) next to an allow-dns policy over the same pods is compliant, a lone policy
 * with egress to a database and no DNS is not. The pods are the pod templates of the manifests the
 * policy selects; a policy that selects none of them is compared with the policies of its
 * namespace over the same podSelector or over every pod.
 */
export const netpolDnsEgress: Rule = scopedRule({
  id: RuleId.NETPOL_DNS_EGRESS,
  severity: 'warning',
  why: 'A pod whose egress a NetworkPolicy restricts cannot resolve names without an egress rule to the DNS: every connection by name fails, often only after the policy is applied.',
  fix: 'Allow egress on port 53 over UDP and TCP (5353 on OpenShift) to the cluster DNS in this policy or in another policy selecting the same pods; for a DNS on another port, acknowledge the rule on the policy that allows it.',
  appliesTo: { kinds: ['NetworkPolicy'], group: 'networking.k8s.io' },
  check: (object, context) => {
    if (!policyTypesOf(object).includes('Egress') || allowsDns(object)) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const selector = objectAt(object.spec).podSelector ?? {};
    const templates = context.podTemplatesSelectedBy(namespace, selector);
    if (templates.length === 0) {
      const key = JSON.stringify(selector);
      const same = context.objectsOf('NetworkPolicy', namespace).filter((policy) => {
        const other = objectAt(policy.spec).podSelector ?? {};
        return isEmptyLabelSelector(other) || JSON.stringify(other) === key;
      });
      return same.some(allowsDns) ? [] : ['restricts egress of the pods it selects and no NetworkPolicy over the same pods allows DNS (port 53 over UDP or TCP)'];
    }
    const blind = templates.filter((template) => !context.objectsSelecting('NetworkPolicy', template).some(allowsDns));
    return blind.map((template) =>
      `restricts egress of the pods of ${template.owner.kind}/${objectAt(template.owner.metadata).name ?? ''} and no NetworkPolicy selecting them allows DNS (port 53 over UDP or TCP)`);
  },
});
