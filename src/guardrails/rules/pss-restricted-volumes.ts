import { RuleId } from '../../conventions/rule-ids';
import { objectsAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** The volume sources Pod Security restricted allows. */
export const RESTRICTED_VOLUME_TYPES: ReadonlySet<string> = new Set([
  'configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret',
]);

/** PSS restricted: volumes only of the core, non-node types. */
export const pssRestrictedVolumes: Rule = scopedRule({
  id: RuleId.PSS_RESTRICTED_VOLUMES,
  severity: 'error',
  why: 'Volume types other than configMap, csi, downwardAPI, emptyDir, ephemeral, persistentVolumeClaim, projected and secret reach node or network storage directly (Pod Security restricted).',
  fix: 'Use a PersistentVolumeClaim (or another allowed type) instead of the in-line volume source.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const volume of objectsAt(template.spec.volumes)) {
      // A volume with no source at all is defaulted to emptyDir by the API server.
      const sources = Object.keys(volume).filter((key) => key !== 'name' && volume[key] !== undefined && volume[key] !== null);
      const forbidden = sources.filter((source) => !RESTRICTED_VOLUME_TYPES.has(source));
      if (forbidden.length > 0) {
        messages.push(`volume ${volume.name}: type ${forbidden.join(', ')} is not allowed`);
      }
    }
    return messages;
  },
});
