import { isIPv4, isIPv6 } from 'net';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { NetworkPort, PeerSelection } from './network-peer';
import { checkInteger, checkLabels, checkNamespaceName } from '../private/checks';
import { fail } from '../private/errors';

/** The label every namespace carries with its own name (set by the API server since 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

/** A parsed CIDR block: the address as a number, its family width and the prefix length. */
interface Cidr {
  readonly address: bigint;
  readonly bits: 32 | 128;
  readonly prefix: number;
}

/** The 32 or 128 bits of an IPv4 or IPv6 address (IPv6 may end in an IPv4 tail). */
function addressBits(address: string): { value: bigint; bits: 32 | 128 } {
  if (isIPv4(address)) {
    return { value: address.split('.').reduce((n, octet) => n * 256n + BigInt(Number(octet)), 0n), bits: 32 };
  }
  let text = address;
  const tail = /^(.*:)(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (tail) {
    const v4 = addressBits(tail[2]).value;
    text = `${tail[1]}${(v4 / 65536n).toString(16)}:${(v4 % 65536n).toString(16)}`;
  }
  const [head, rest] = text.split('::');
  const left = head === '' ? [] : head.split(':');
  const right = rest === undefined || rest === '' ? [] : rest.split(':');
  const groups = rest === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return { value: groups.reduce((n, g) => n * 65536n + BigInt(parseInt(g, 16)), 0n), bits: 128 };
}

/** An IPv6 address in its compressed text form. */
function ipv6Text(value: bigint): string {
  const groups = Array.from({ length: 8 }, (_, i) => (value / 65536n ** BigInt(7 - i)) % 65536n).map((g) => g.toString(16));
  let best = { start: -1, length: 0 };
  for (let i = 0; i < 8;) {
    let j = i;
    while (j < 8 && groups[j] === '0') j++;
    if (j - i > best.length && j - i > 1) best = { start: i, length: j - i };
    i = j === i ? i + 1 : j;
  }
  if (best.start < 0) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}

function parseCidr(value: string): Cidr | undefined {
  const [address, prefixText, ...rest] = value.split('/');
  // No zone index (`%eth0`), no leading zeros in the prefix length.
  if (rest.length > 0 || address.includes('%') || !/^(0|[1-9][0-9]{0,2})$/.test(prefixText ?? '') || !(isIPv4(address) || isIPv6(address))) {
    return undefined;
  }
  const { value: bits, bits: width } = addressBits(address);
  const prefix = Number(prefixText);
  return prefix <= width ? { address: bits, bits: width, prefix } : undefined;
}

/** Checks a CIDR block: an IPv4 or IPv6 network with a prefix length and no host bits. */
export function checkCidr(scope: IConstruct, field: string, value: unknown): string {
  const fix = "use a network in CIDR notation, such as '203.0.113.0/24' or '2001:db8::/32'";
  const cidr = typeof value === 'string' ? parseCidr(value) : undefined;
  if (cidr === undefined) {
    fail(scope, field, 'must be a CIDR block', value, fix);
  }
  const block = 2n ** BigInt(cidr.bits - cidr.prefix);
  const host = cidr.address % block;
  if (host !== 0n) {
    const network = cidr.address - host;
    const text = cidr.bits === 32
      ? [24n, 16n, 8n, 0n].map((shift) => String((network / 2n ** shift) % 256n)).join('.')
      : ipv6Text(network);
    fail(scope, field, 'has host bits set after the prefix', value, `use the network address '${text}/${cidr.prefix}'`);
  }
  return value as string;
}

/** The cloud metadata services (AWS, GCP, Azure and others on IPv4; AWS on IPv6): they hand out the node's credentials. */
export const METADATA_ADDRESSES: ReadonlyArray<string> = ['169.254.169.254', 'fd00:ec2::254'];

/** True when the block holds the address. */
function holds(block: Cidr, address: string): boolean {
  const a = addressBits(address);
  const size = 2n ** BigInt(block.bits - block.prefix);
  return a.bits === block.bits && a.value / size === block.address / size;
}

/** The metadata address an IP range lets through (inside `cidr`, not in any `except`), if any. */
export function metadataAddressIn(cidr: string, except: ReadonlyArray<string> = []): string | undefined {
  const block = parseCidr(cidr);
  const left = except.map(parseCidr);
  if (block === undefined) {
    return undefined;
  }
  return METADATA_ADDRESSES.find((address) => holds(block, address) && !left.some((e) => e !== undefined && holds(e, address)));
}

/**
 * Refuses the IP ranges that weaken the network policy without saying so: one that lets the cloud
 * metadata address through, and every address (`/0`) without a written reason.
 */
function checkNotWeakening(scope: IConstruct, field: string, cidr: string, except: ReadonlyArray<string>, reason: unknown): void {
  const metadata = metadataAddressIn(cidr, except);
  const block = parseCidr(cidr)!;
  if (metadata !== undefined && block.prefix === block.bits) {
    fail(scope, `${field}.cidr`, 'is the cloud metadata address, which hands out the node\'s credentials', cidr,
      'no workload needs it: remove this peer (use the cloud\'s workload identity instead)');
  }
  if (metadata !== undefined) {
    fail(scope, `${field}.except`, `must leave out the cloud metadata address ${metadata}, which hands out the node's credentials`, [...except],
      `add '${metadata}/${block.bits}' to except`);
  }
  const everything = block.prefix === 0;
  if (everything && (typeof reason !== 'string' || reason.trim().length < 10)) {
    fail(scope, `${field}.reason`, `${cidr} allows every address and needs a written reason of at least 10 characters`, reason,
      `narrow the range to the addresses the workload needs, or pass the reason: NetworkPeer.ipBlock('${cidr}', ports, except, 'why')`);
  }
  if (!everything && reason !== undefined) {
    fail(scope, `${field}.reason`, 'is only for a range of every address (/0)', reason, 'remove it');
  }
}

/** Checks that a range lies strictly inside a block, as the API server requires of `except`. */
function checkInside(scope: IConstruct, field: string, inner: string, outer: string): void {
  const a = parseCidr(inner)!;
  const b = parseCidr(outer)!;
  const outerBlock = 2n ** BigInt(b.bits - b.prefix);
  const inside = a.bits === b.bits && a.prefix > b.prefix && a.address / outerBlock === b.address / outerBlock;
  if (!inside) {
    fail(scope, field, `must be a range strictly inside ${outer}`, inner, 'leave out only parts of the block itself');
  }
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
    if (selection.podLabels !== undefined || selection.namespace !== undefined) {
      fail(scope, field, `${selection.description} mixes an IP block with pod labels or a namespace`, selection.description,
        'use NetworkPeer.ipBlock for addresses outside the cluster, and NetworkPeer.pods or NetworkPeer.namespace for pods');
    }
    const cidr = checkCidr(scope, `${field}.cidr`, selection.cidr);
    if (selection.except !== undefined && !Array.isArray(selection.except)) {
      fail(scope, `${field}.except`, 'must be a list of CIDR blocks', selection.except, "pass ranges such as ['203.0.113.128/25']");
    }
    const except = selection.except?.map((e, i) => {
      checkCidr(scope, `${field}.except[${i}]`, e);
      checkInside(scope, `${field}.except[${i}]`, e, cidr);
      return e;
    });
    checkNotWeakening(scope, field, cidr, except ?? [], selection.reason);
    return { ipBlock: { cidr, except } };
  }
  const podLabels = selection.podLabels === undefined ? undefined : checkLabels(scope, `${field}.labels`, selection.podLabels);
  if (podLabels !== undefined && Object.keys(podLabels).length === 0) {
    fail(scope, `${field}.labels`, `${selection.description} selects every pod`, podLabels,
      'name at least one label, or allow a whole namespace with NetworkPeer.namespace(name)');
  }
  const namespace = selection.namespace === undefined ? undefined : checkNamespaceName(scope, `${field}.namespace`, selection.namespace);
  if (podLabels === undefined && namespace === undefined) {
    fail(scope, field, 'selects nothing', selection.description, 'use NetworkPeer.pods(labels), NetworkPeer.namespace(name) or a golden workload');
  }
  const podSelector = podLabels === undefined ? undefined : { matchLabels: podLabels };
  if (namespace === undefined || (namespace === policyNamespace && podSelector !== undefined)) {
    return { podSelector };
  }
  return { namespaceSelector: { matchLabels: { [NAMESPACE_NAME_LABEL]: namespace } }, podSelector };
}
