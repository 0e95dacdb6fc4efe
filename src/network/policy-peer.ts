import { isIPv4, isIPv6 } from 'net';
import { k8s } from 'cdk8s-plus-30';
import { IConstruct } from 'constructs';
import { NetworkPort, PeerSelection } from './network-peer';
import { checkInteger, checkLabels, checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';

/** The label every namespace carries with its own name (set by the API server since 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** Checks a CIDR block: an IPv4 or IPv6 network with a prefix length and no host bits. */
export function checkCidr(scope: IConstruct, field: string, value: unknown): string {
  const fix = "use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'";
  if (typeof value !== 'string' || !value.includes('/')) {
    fail(scope, field, 'must be a CIDR block', value, fix);
  }
  const [address, prefixText, ...rest] = value.split('/');
  const prefix = /^[0-9]{1,3}$/.test(prefixText ?? '') ? Number(prefixText) : NaN;
  const v4 = isIPv4(address);
  const max = v4 ? 32 : 128;
  if (rest.length > 0 || !(v4 || isIPv6(address)) || !(prefix >= 0 && prefix <= max)) {
    fail(scope, field, 'must be a CIDR block', value, fix);
  }
  if (v4) {
    const bits = address.split('.').reduce((n, octet) => n * 256n + BigInt(Number(octet)), 0n);
    const hostMask = (1n << BigInt(32 - prefix)) - 1n;
    if ((bits & hostMask) !== 0n) {
      const network = bits & ~hostMask;
      const text = [24n, 16n, 8n, 0n].map((s) => String((network >> s) & 255n)).join('.');
      fail(scope, field, 'has host bits set after the prefix', value, `use the network address '${text}/${prefix}'`);
    }
  }
  return value;
}

/** Checks a list of NetworkPort (JavaScript callers may pass anything). */
export function checkPorts(scope: IConstruct, field: string, ports: unknown): NetworkPort[] {
  if (!Array.isArray(ports)) {
    fail(scope, field, 'must be a list of NetworkPort', ports, 'use [NetworkPort.tcp(443)]');
  }
  return ports.map((p, i) => {
    if (!(p instanceof NetworkPort)) {
      fail(scope, `${field}[${i}]`, 'must be a NetworkPort', p, 'use NetworkPort.tcp(443) or NetworkPort.udp(53)');
    }
    checkInteger(scope, `${field}[${i}]`, p.port, 1, 65535);
    return p;
  });
}

/** The NetworkPolicy ports of a port list. */
export function policyPorts(ports: NetworkPort[]): k8s.NetworkPolicyPort[] {
  return ports.map((p) => ({ port: k8s.IntOrString.fromNumber(p.port), protocol: p.protocol }));
}

/**
 * The NetworkPolicy peer of a selection, seen from a policy in `policyNamespace`: a pod selector
 * in the same namespace, a namespace selector (plus pod selector) across namespaces, or an IP block.
 */
export function policyPeer(scope: IConstruct, field: string, selection: PeerSelection, policyNamespace: string | undefined): k8s.NetworkPolicyPeer {
  if (selection.cidr !== undefined) {
    const cidr = checkCidr(scope, `${field}.cidr`, selection.cidr);
    const except = selection.except === undefined ? undefined : selection.except.map((e, i) => checkCidr(scope, `${field}.except[${i}]`, e));
    return { ipBlock: { cidr, except } };
  }
  const podLabels = selection.podLabels === undefined ? undefined : checkLabels(scope, `${field}.labels`, selection.podLabels);
  if (podLabels !== undefined && Object.keys(podLabels).length === 0) {
    fail(scope, `${field}.labels`, `${selection.description} selects every pod`, podLabels,
      'name at least one label, or allow a whole namespace with NetworkPeer.namespace(name)');
  }
  const namespace = selection.namespace === undefined ? undefined : checkReferenceName(scope, `${field}.namespace`, selection.namespace);
  if (podLabels === undefined && namespace === undefined) {
    fail(scope, field, 'selects nothing', selection.description, 'use NetworkPeer.pods(labels), NetworkPeer.namespace(name) or a golden workload');
  }
  const podSelector = podLabels === undefined ? undefined : { matchLabels: podLabels };
  if (namespace === undefined || (namespace === policyNamespace && podSelector !== undefined)) {
    return { podSelector };
  }
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } }, podSelector };
}
