import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { PeerSelection } from './network-peer';
import { checkLabels, checkNamespaceName } from '../private/checks';
import { addressBits, checkCidr, Cidr, parseCidr } from '../private/cidr';
import { fail } from '../private/errors';

/** The label every namespace carries with its own name (set by the API server since 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

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
