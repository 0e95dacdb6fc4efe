import { isZeroQuantity, resourceQuantity, resourcedContainers } from '../container-fields';
import { quote } from '../manifest';
import { Rule } from '../rule';

/** Every container requests CPU. */
export const cpuRequest: Rule = {
  id: 'cpu-request',
  severity: 'error',
  why: 'Without a CPU request the scheduler places the pod blind and the pod gets the lowest CPU share under contention.',
  fix: 'Set resources.requests.cpu on every container (and init container).',
  check: (object, context) => {
    const messages: string[] = [];
    for (const ref of resourcedContainers(context.podTemplateOf(object))) {
      const value = resourceQuantity(ref, 'requests', 'cpu');
      if (value === undefined) {
        messages.push(`${ref.label}: resources.requests.cpu is unset`);
      } else if (isZeroQuantity(value)) {
        messages.push(`${ref.label}: resources.requests.cpu is ${quote(value)}, expected more than 0`);
      }
    }
    return messages;
  },
};
