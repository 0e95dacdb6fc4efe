import { resourceQuantity, resourcedContainers } from '../container-fields';
import { Rule } from '../rule';

/** Every container sets a CPU limit. */
export const cpuLimit: Rule = {
  id: 'cpu-limit',
  severity: 'warning',
  why: 'Without a CPU limit one busy pod can starve its neighbours on the node.',
  fix: 'Set resources.limits.cpu on every container (and init container).',
  check: (object, context) => resourcedContainers(context.podTemplateOf(object))
    .filter((ref) => resourceQuantity(ref, 'limits', 'cpu') === undefined)
    .map((ref) => `${ref.label}: resources.limits.cpu is unset`),
};
