import { resourceRule } from './resource-rule';
import { RuleId } from '../../conventions/rule-ids';

/** Every container requests memory. */
export const memoryRequest = resourceRule({
  id: RuleId.MEMORY_REQUEST,
  resource: 'memory',
  field: 'requests',
  severity: 'error',
  why: 'Without a memory request the scheduler overcommits the node and the pod is among the first evicted.',
});
