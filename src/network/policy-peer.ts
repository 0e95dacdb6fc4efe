import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { PeerSelection } from './network-peer';
import { checkLabels, checkNamespaceName } from '../private/checks';
import { checkCidr, parseCidr } from '../private/cidr';
import { fail } from '../private/errors';

/** The label every namespace carries with its own name (set by the API server since 1.22). */
export const NAMESPACE_NAME_LABEL = 'kubernetes.io/metadata.name';

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
