import { RuleId } from '../../conventions/rule-ids';
import { objectAt, quote } from '../manifest';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const ALLOWED_TYPES: ReadonlySet<string> = new Set(['RuntimeDefault', 'Localhost']);

/** PSS baseline: AppArmor profile (field or annotation) only RuntimeDefault or Localhost. */
export const pssAppArmor: Rule = scopedRule({
  id: RuleId.PSS_APPARMOR,
  severity: 'error',
  why: 'An Unconfined AppArmor profile removes the mandatory access control the runtime applies by default (Pod Security baseline).',
  fix: 'Leave the AppArmor profile unset, or use RuntimeDefault (runtime/default) or a Localhost profile (localhost/<name>).',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const [key, value] of Object.entries(template.annotations)) {
      if (key.startsWith(ANNOTATION_PREFIX)) {
        const profile = String(value);
        if (!(profile === '' || profile === 'runtime/default' || profile.startsWith('localhost/'))) {
          messages.push(`annotation ${key} is ${quote(profile)}, expected 'runtime/default' or 'localhost/<profile>'`);
        }
      }
    }
    const podType = objectAt(podSecurityContext(template).appArmorProfile).type;
    if (podType !== undefined && !ALLOWED_TYPES.has(podType)) {
      messages.push(`pod securityContext.appArmorProfile.type is ${quote(podType)}, expected RuntimeDefault or Localhost`);
    }
    for (const ref of template.containers) {
      const type = objectAt(containerSecurityContext(ref).appArmorProfile).type;
      if (type !== undefined && !ALLOWED_TYPES.has(type)) {
        messages.push(`${ref.label}: securityContext.appArmorProfile.type is ${quote(type)}, expected RuntimeDefault or Localhost`);
      }
    }
    return messages;
  },
});
