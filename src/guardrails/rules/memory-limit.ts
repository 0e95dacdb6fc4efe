import { resourceQuantity, resourcedContainers } from '../container-fields';
import { Rule } from '../rule';

/** Every container sets a memory limit. */
export const memoryLimit: Rule = {
  id: 'memory-limit',
  severity: 'error',
  why: 'Without a memory limit one leaking pod can push the whole node out of memory.',
  fix: 'Set resources.limits.memory on every container (and init container).',
  check: (object, context) => resourcedContainers(context.podTemplateOf(object))
    .filter((ref) => resourceQuantity(ref, 'limits', 'memory') === undefined)
    .map((ref) => `${ref.label}: resources.limits.memory is unset`),
};
