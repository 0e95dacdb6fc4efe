import { objectAt } from '../../guardrails/manifest';
import { DiffRule } from '../diff-rule';
import { sameValue } from '../field-values';
import { pairsOf, refusedChange } from './problem';

/** The workloads whose `spec.selector` the API server never lets change. */
const APPS_KINDS: ReadonlyArray<string> = ['Deployment', 'ReplicaSet', 'StatefulSet', 'DaemonSet'];

/** A workload's pod selector changed: the API server refuses the update. */
export const immutableSelector: DiffRule = {
  id: 'immutable-selector',
  why: 'The API server refuses any change of a workload\'s spec.selector (\'field is immutable\'): the apply fails at this object and the release stops half-applied.',
  fix: 'Keep the selector as it is (add or change labels that are not in it instead), or give the workload a new name so that it is created anew and the old one pruned.',
  source: 'apps/v1: the update strategies in pkg/registry/apps/{deployment,replicaset,daemonset}/strategy.go (`ValidateUpdate`: "disallow mutation of selector"), '
    + '`ValidateStatefulSetUpdate` in pkg/apis/apps/validation/validation.go; batch/v1: `ValidateJobSpecUpdate` in pkg/apis/batch/validation/validation.go',
  check: (context) => [...pairsOf(context, 'apps', APPS_KINDS), ...pairsOf(context, 'batch', ['Job'])]
    .filter(([o, n]) => !sameValue(objectAt(o.spec).selector, objectAt(n.spec).selector))
    .map(([o, n]) => refusedChange(n, 'spec.selector', objectAt(o.spec).selector, objectAt(n.spec).selector,
      `the API server refuses to change the selector of a ${n.kind}`)),
};
