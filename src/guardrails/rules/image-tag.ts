import { RuleId } from '../../conventions/rule-ids';
import { Rule, scopedRule } from '../rule';

/** True when an image reference carries a digest or a tag other than `latest`. */
export function isPinnedImage(image: string): boolean {
  if (image.includes('@')) {
    return true;
  }
  const lastSegment = image.slice(image.lastIndexOf('/') + 1);
  const colon = lastSegment.lastIndexOf(':');
  return colon >= 0 && colon < lastSegment.length - 1 && lastSegment.slice(colon + 1) !== 'latest';
}

/** Every image is pinned to a version tag or a digest. */
export const imageTag: Rule = scopedRule({
  id: RuleId.IMAGE_TAG,
  severity: 'error',
  why: 'A missing or floating tag (latest) makes a rollout irreproducible and a rollback impossible.',
  fix: 'Pin the image to a version tag such as \'nginx:1.27.3\' or a digest \'nginx@sha256:...\'.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      const image = ref.container.image;
      if (typeof image !== 'string' || image === '') {
        messages.push(`${ref.label}: has no image`);
      } else if (!isPinnedImage(image)) {
        messages.push(`${ref.label}: image '${image}' is not pinned to a tag or digest`);
      }
    }
    return messages;
  },
});
