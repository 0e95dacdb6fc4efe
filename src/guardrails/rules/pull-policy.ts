import { quote } from '../manifest';
import { Rule } from '../rule';

/** Every container pulls its image Always. */
export const pullPolicy: Rule = {
  id: 'pull-policy',
  severity: 'warning',
  why: 'With IfNotPresent a node runs whatever image it cached under the tag, and skips the registry\'s access check.',
  fix: 'Set imagePullPolicy: Always on every container.',
  check: (object, context) => (context.podTemplateOf(object)?.containers ?? [])
    .filter((ref) => ref.container.imagePullPolicy !== 'Always')
    .map((ref) => (ref.container.imagePullPolicy === undefined
      ? `${ref.label}: imagePullPolicy is unset, expected 'Always'`
      : `${ref.label}: imagePullPolicy is ${quote(ref.container.imagePullPolicy)}, expected 'Always'`)),
};
