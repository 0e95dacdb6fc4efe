import { resourceRule } from './resource-rule';
import { RuleId } from '../../conventions/rule-ids';

/** Every container requests CPU. */
export const cpuRequest = resourceRule({
  id: RuleId.CPU_REQUEST,
  resource: 'cpu',
  field: 'requests',
  severity: 'error',
  why: 'Without a CPU request the scheduler places the pod blind and the pod gets the lowest CPU share under contention.',
});
