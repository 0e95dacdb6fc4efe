import { resourceRule } from './resource-rule';
import { RuleId } from '../../conventions/rule-ids';

/** Every container sets a memory limit. */
export const memoryLimit = resourceRule({
  id: RuleId.MEMORY_LIMIT,
  resource: 'memory',
  field: 'limits',
  severity: 'error',
  why: 'Without a memory limit one leaking pod can push the whole node out of memory.',
});
