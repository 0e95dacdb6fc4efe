import { Manifest, arrayAt, objectAt } from '../../guardrails/manifest';
import { DiffProblem, DiffRule } from '../diff-rule';
import { pairsOf, refusedChange } from './problem';

const SOURCE = '`ValidateServiceUpdate` in pkg/apis/core/validation/validation.go (`validateUpgradeDowngradeClusterIPs`, `validateUpgradeDowngradeIPFamilies`)';

/** The cluster IPs a Service writes: `clusterIPs`, else `clusterIP`, else none (the cluster allocates one). */
function clusterIpsOf(service: Manifest): string[] {
  const spec = objectAt(service.spec);
  const list = arrayAt(spec.clusterIPs).filter((ip): ip is string => typeof ip === 'string' && ip !== '');
  if (list.length > 0) {
    return list;
  }
  return typeof spec.clusterIP === 'string' && spec.clusterIP !== '' ? [spec.clusterIP] : [];
}

function isExternalName(service: Manifest): boolean {
  return objectAt(service.spec).type === 'ExternalName';
}

/** The Services on both sides, neither of type ExternalName (to or from ExternalName, both fields may change). */
function servicePairs(context: Parameters<DiffRule['check']>[0]) {
  return pairsOf(context, '', ['Service']).filter(([o, n]) => !isExternalName(o) && !isExternalName(n));
}

/** A Service's cluster IP changed once set (or headless became not, or the reverse): refused. */
export const immutableClusterIp: DiffRule = {
  id: 'immutable-cluster-ip',
  why: 'The API server refuses to change a Service\'s clusterIP or its primary clusterIPs entry once set (\'may not change once set\'), '
    + 'making a Service headless (None) or no longer headless included; only a change to or from type ExternalName may.',
  fix: 'Leave clusterIP out (the cluster keeps the address it allocated) or keep its value; for a headless Service, create one under a new name.',
  source: SOURCE,
  check: (context) => {
    const problems: DiffProblem[] = [];
    for (const [o, n] of servicePairs(context)) {
      const before = clusterIpsOf(o);
      const after = clusterIpsOf(n);
      if (after.length === 0) {
        continue; // left out: the API server keeps the allocated address
      }
      if (before.length === 0) {
        problems.push(refusedChange(n, 'spec.clusterIP', undefined, after[0], after[0] === 'None'
          ? 'a Service that has a cluster IP cannot become headless'
          : 'NEW pins a cluster IP where OLD let the cluster allocate one; the API server refuses it unless it is exactly the allocated address'));
      } else if (before[0] !== after[0]) {
        problems.push(refusedChange(n, 'spec.clusterIP', before[0], after[0], 'the API server refuses to change a cluster IP once set'));
      } else if (before[0] !== 'None' && before.length === after.length && before.some((ip, i) => ip !== after[i])) {
        problems.push(refusedChange(n, 'spec.clusterIPs', before, after, 'the API server refuses to change a cluster IP once set'));
      }
    }
    return problems;
  },
};

/** A Service's primary IP family changed: refused. */
export const immutableIpFamily: DiffRule = {
  id: 'immutable-ip-family',
  why: 'The API server refuses to change a Service\'s primary IP family (the first of spec.ipFamilies); a secondary family may be added or removed.',
  fix: 'Keep the first entry of ipFamilies, or create the Service under a new name.',
  source: SOURCE,
  check: (context) => servicePairs(context)
    .filter(([o, n]) => {
      const before = arrayAt(objectAt(o.spec).ipFamilies)[0];
      const after = arrayAt(objectAt(n.spec).ipFamilies)[0];
      return before !== undefined && after !== undefined && before !== after;
    })
    .map(([o, n]) => refusedChange(n, 'spec.ipFamilies[0]', arrayAt(objectAt(o.spec).ipFamilies)[0], arrayAt(objectAt(n.spec).ipFamilies)[0],
      'the API server refuses to change the primary IP family of a Service')),
};
