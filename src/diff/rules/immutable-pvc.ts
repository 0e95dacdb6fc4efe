import { Manifest, objectAt } from '../../guardrails/manifest';
import { DiffProblem, DiffRule } from '../diff-rule';
import { sameValue } from '../field-values';
import { compareQuantities, parseQuantity } from '../quantity';
import { pairsOf, refusedChange } from './problem';

const PVC_SOURCE = '`ValidatePersistentVolumeClaimUpdate` in pkg/apis/core/validation/validation.go';

/** The claim's spec fields compared as a whole, with what the API server writes when one is left out. */
function fixedFields(spec: Manifest): Array<[string, unknown]> {
  const resources = objectAt(spec.resources);
  const { storage: _storage, ...otherRequests } = objectAt(resources.requests);
  return [
    ['accessModes', spec.accessModes],
    ['volumeMode', spec.volumeMode ?? 'Filesystem'],
    ['selector', spec.selector],
    ['dataSource', spec.dataSource],
    ['dataSourceRef', spec.dataSourceRef],
    ['resources.limits', resources.limits],
    ['resources.requests (but storage)', otherRequests],
  ];
}

/** A PersistentVolumeClaim field fixed at creation changed: refused. */
export const immutablePvc: DiffRule = {
  id: 'immutable-pvc',
  why: 'A PersistentVolumeClaim\'s spec is immutable after creation except its storage request (\'spec is immutable after creation\'): '
    + 'storageClassName, accessModes, volumeMode, selector, data sources and limits cannot change, nor volumeName once set.',
  fix: 'Keep the claim\'s spec as it is. To move the data to another class or access mode, create a claim under a new name, copy the data, then remove the old one.',
  source: PVC_SOURCE,
  check: (context) => {
    const problems: DiffProblem[] = [];
    for (const [o, n] of pairsOf(context, '', ['PersistentVolumeClaim'])) {
      const before = objectAt(o.spec);
      const after = objectAt(n.spec);
      // A class added where OLD had none is accepted when it is the class the cluster assigned (not reported: unknown here).
      if (before.storageClassName !== undefined && !sameValue(before.storageClassName, after.storageClassName)) {
        problems.push(refusedChange(n, 'spec.storageClassName', before.storageClassName, after.storageClassName, 'the API server refuses to change the class of a claim'));
      }
      // volumeName may be set once (binding); a value written in OLD is fixed.
      if (before.volumeName !== undefined && !sameValue(before.volumeName, after.volumeName)) {
        problems.push(refusedChange(n, 'spec.volumeName', before.volumeName, after.volumeName, 'the API server refuses to change the volume of a bound claim'));
      }
      const afterFields = new Map(fixedFields(after));
      for (const [field, value] of fixedFields(before)) {
        if (!sameValue(value, afterFields.get(field))) {
          problems.push(refusedChange(n, `spec.${field}`, value, afterFields.get(field), 'the API server refuses to change this field of a claim'));
        }
      }
    }
    return problems;
  },
};

/** A claim's storage request shrinks, or grows where its StorageClass (in NEW) does not allow expansion: refused. */
export const immutablePvcSize: DiffRule = {
  id: 'immutable-pvc-size',
  why: 'A PersistentVolumeClaim can grow, never shrink (\'field can not be less than previous value\'), and grows only when its StorageClass '
    + 'sets allowVolumeExpansion: true; otherwise the API server refuses the apply.',
  fix: 'Keep the old size or grow it; to grow, set allowVolumeExpansion: true on the StorageClass first. For a smaller disk, create a claim under a new name and copy the data.',
  source: `${PVC_SOURCE} (size), and the PersistentVolumeClaimResize admission plugin (plugin/pkg/admission/storage/persistentvolume/resize/admission.go: expansion)`,
  check: (context) => {
    const problems: DiffProblem[] = [];
    for (const [o, n] of pairsOf(context, '', ['PersistentVolumeClaim'])) {
      const oldSize = objectAt(objectAt(objectAt(o.spec).resources).requests).storage;
      const newSize = objectAt(objectAt(objectAt(n.spec).resources).requests).storage;
      const before = parseQuantity(oldSize);
      const after = parseQuantity(newSize);
      if (before === undefined || after === undefined) {
        if (oldSize !== undefined && newSize !== undefined && !sameValue(oldSize, newSize)) {
          problems.push(refusedChange(n, 'spec.resources.requests.storage', oldSize, newSize, 'the storage request is not a quantity, so the change cannot be checked'));
        }
        continue;
      }
      const order = compareQuantities(after, before);
      if (order < 0) {
        problems.push(refusedChange(n, 'spec.resources.requests.storage', oldSize, newSize, 'a claim cannot shrink'));
      } else if (order > 0) {
        const className = objectAt(n.spec).storageClassName;
        const storageClass = context.new.objects.find((c) => c.kind === 'StorageClass' && objectAt(c.metadata).name === className);
        if (storageClass !== undefined && storageClass.allowVolumeExpansion !== true) {
          problems.push(refusedChange(n, 'spec.resources.requests.storage', oldSize, newSize,
            `the claim grows but its StorageClass ${className} does not set allowVolumeExpansion: true`));
        }
      }
    }
    return problems;
  },
};
