import { RuleId } from '../../conventions/rule-ids';
import { quote } from '../manifest';
import { Rule, scopedRule } from '../rule';
import { isPinnedImage } from './image-tag';

/**
 * The pull policy as the API server stores it: an unset policy defaults to Always for an image
 * with no tag or the tag `latest` (and no digest), and to IfNotPresent for any other image.
 */
export function storedPullPolicy(container: { readonly imagePullPolicy?: unknown; readonly image?: unknown }): unknown {
  if (container.imagePullPolicy !== undefined && container.imagePullPolicy !== null) {
    return container.imagePullPolicy;
  }
  return typeof container.image === 'string' && container.image !== '' && !isPinnedImage(container.image) ? 'Always' : undefined;
}

/** Every container pulls its image Always, as the cluster stores it (unset policies are defaulted first). */
export const pullPolicy: Rule = scopedRule({
  id: RuleId.PULL_POLICY,
  severity: 'warning',
  why: 'With IfNotPresent a node runs whatever image it cached under the tag, and skips the registry\'s access check.',
  fix: 'Set imagePullPolicy: Always on every container.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => (template.containers)
    .map((ref): [string, unknown] => [ref.label, storedPullPolicy(ref.container)])
    .filter(([, policy]) => policy !== 'Always')
    .map(([label, policy]) => (policy === undefined
      ? `${label}: imagePullPolicy is unset (IfNotPresent for a pinned image), expected 'Always'`
      : `${label}: imagePullPolicy is ${quote(policy)}, expected 'Always'`)),
});
