import { RuleId } from '../../conventions/rule-ids';
import { objectAt, objectsAt, quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** PSS baseline: no hostPath volumes. */
export const pssHostPathVolumes: Rule = scopedRule({
  id: RuleId.PSS_HOST_PATH_VOLUMES,
  severity: 'error',
  why: 'A hostPath volume exposes the node\'s file system to the pod (Pod Security baseline).',
  fix: 'Use an emptyDir, a ConfigMap, a Secret or a PersistentVolumeClaim instead of hostPath.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    return objectsAt(template.spec.volumes)
      .filter((volume) => volume.hostPath !== undefined && volume.hostPath !== null)
      .map((volume) => `volume ${volume.name}: hostPath ${quote(objectAt(volume.hostPath).path)} is not allowed`);
  },
});
