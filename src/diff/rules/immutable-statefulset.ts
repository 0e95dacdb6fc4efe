import { Manifest, objectAt, objectsAt } from '../../guardrails/manifest';
import { DiffProblem, DiffRule } from '../diff-rule';
import { sameValue } from '../field-values';
import { pairsOf, refusedChange } from './problem';

/**
 * The StatefulSet spec fields an update may change (`ValidateStatefulSetUpdate` copies them from
 * the old object before comparing the rest); `selector` is left to immutable-selector.
 * `revisionHistoryLimit` is allowed by recent API servers and not reported.
 */
const MUTABLE: ReadonlySet<string> = new Set([
  'replicas', 'template', 'updateStrategy', 'minReadySeconds', 'persistentVolumeClaimRetentionPolicy', 'ordinals', 'revisionHistoryLimit', 'selector',
]);

/** What the API server writes for a field left out, so that leaving it out and writing the default compare equal. */
function withDefaults(spec: Manifest): Manifest {
  return {
    ...spec,
    podManagementPolicy: spec.podManagementPolicy ?? 'OrderedReady',
    volumeClaimTemplates: objectsAt(spec.volumeClaimTemplates).map((claim) => {
      const { status: _status, ...rest } = claim;
      return {
        apiVersion: 'v1',
        kind: 'PersistentVolumeClaim',
        ...rest,
        spec: { volumeMode: 'Filesystem', ...objectAt(claim.spec) },
      };
    }),
  };
}

/** A StatefulSet field other than replicas, template, updateStrategy and a few more changed: refused. */
export const immutableStatefulSet: DiffRule = {
  id: 'immutable-statefulset',
  why: 'The API server refuses a StatefulSet update that changes any spec field but replicas, template, updateStrategy, minReadySeconds, '
    + 'persistentVolumeClaimRetentionPolicy and ordinals (\'updates to statefulset spec for fields other than ... are forbidden\'): '
    + 'volumeClaimTemplates (a resized disk, too), serviceName and podManagementPolicy are fixed at creation.',
  fix: 'Keep the field as it is. To resize the disks, resize each PVC (data-<name>-0, ...) where the StorageClass allows expansion, '
    + 'then delete the StatefulSet with --cascade=orphan and apply the new one: its pods and claims stay.',
  source: '`ValidateStatefulSetUpdate` in pkg/apis/apps/validation/validation.go',
  check: (context) => {
    const problems: DiffProblem[] = [];
    for (const [o, n] of pairsOf(context, 'apps', ['StatefulSet'])) {
      const before = withDefaults(objectAt(o.spec));
      const after = withDefaults(objectAt(n.spec));
      const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((f) => !MUTABLE.has(f)).sort();
      for (const field of fields) {
        if (!sameValue(before[field], after[field])) {
          problems.push(refusedChange(n, `spec.${field}`, before[field], after[field], 'the API server refuses to change this field of a StatefulSet'));
        }
      }
    }
    return problems;
  },
};
