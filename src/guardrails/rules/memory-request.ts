import { isZeroQuantity, resourceQuantity, resourcedContainers } from '../container-fields';
import { quote } from '../manifest';
import { Rule } from '../rule';

/** Every container requests memory. */
export const memoryRequest: Rule = {
  id: 'memory-request',
  severity: 'error',
  why: 'Without a memory request the scheduler overcommits the node and the pod is among the first evicted.',
  fix: 'Set resources.requests.memory on every container (and init container).',
  check: (object, context) => {
    const messages: string[] = [];
    for (const ref of resourcedContainers(context.podTemplateOf(object))) {
      const value = resourceQuantity(ref, 'requests', 'memory');
      if (value === undefined) {
        messages.push(`${ref.label}: resources.requests.memory is unset`);
      } else if (isZeroQuantity(value)) {
        messages.push(`${ref.label}: resources.requests.memory is ${quote(value)}, expected more than 0`);
      }
    }
    return messages;
  },
};
