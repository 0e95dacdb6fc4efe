import { RuleId } from '../../conventions/rule-ids';
import { objectsAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** PSS baseline: no hostPort other than 0. */
export const pssHostPorts: Rule = scopedRule({
  id: RuleId.PSS_HOST_PORTS,
  severity: 'error',
  why: 'A hostPort binds the node\'s network interface and bypasses NetworkPolicies (Pod Security baseline).',
  fix: 'Remove hostPort from the container ports and expose the pod through a Service.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      for (const port of objectsAt(ref.container.ports)) {
        if (port.hostPort !== undefined && port.hostPort !== null && port.hostPort !== 0) {
          messages.push(`${ref.label}: hostPort ${port.hostPort} is set (containerPort ${port.containerPort})`);
        }
      }
    }
    return messages;
  },
});
