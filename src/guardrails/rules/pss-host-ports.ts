import { objectsAt } from '../manifest';
import { Rule } from '../rule';

/** PSS baseline: no hostPort other than 0. */
export const pssHostPorts: Rule = {
  id: 'pss-host-ports',
  severity: 'error',
  why: 'A hostPort binds the node\'s network interface and bypasses NetworkPolicies (Pod Security baseline).',
  fix: 'Remove hostPort from the container ports and expose the pod through a Service.',
  check: (object, context) => {
    const messages: string[] = [];
    for (const ref of context.podTemplateOf(object)?.containers ?? []) {
      for (const port of objectsAt(ref.container.ports)) {
        if (port.hostPort !== undefined && port.hostPort !== null && port.hostPort !== 0) {
          messages.push(`${ref.label}: hostPort ${port.hostPort} is set (containerPort ${port.containerPort})`);
        }
      }
    }
    return messages;
  },
};
