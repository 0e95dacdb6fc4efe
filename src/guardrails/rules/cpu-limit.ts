import { resourceRule } from './resource-rule';
import { RuleId } from '../../conventions/rule-ids';

/** Every container sets a CPU limit. */
export const cpuLimit = resourceRule({
  id: RuleId.CPU_LIMIT,
  resource: 'cpu',
  field: 'limits',
  severity: 'warning',
  why: 'Without a CPU limit one busy pod can starve its neighbours on the node.',
});
