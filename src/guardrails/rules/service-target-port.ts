import { RuleId } from '../../conventions/rule-ids';
import { describeObject } from '../container-fields';
import { objectAt, objectsAt, quote } from '../manifest';
import { servingContainers } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** A Service's targetPorts are ports that its pods declare. */
export const serviceTargetPort: Rule = scopedRule({
  id: RuleId.SERVICE_TARGET_PORT,
  severity: 'error',
  why: 'A targetPort that names no container port (or a number no container declares) sends traffic nowhere: the classic outage after a port rename.',
  fix: 'Set targetPort to the name of a container port of the selected pods (e.g. \'http\').',
  appliesTo: { kinds: ['Service'], group: '' },
  check: (object, context) => {
    const selector = objectAt(object.spec).selector;
    const templates = context.podTemplatesSelectedByMap(context.namespaceOf(object), selector);
    const messages: string[] = [];
    for (const port of objectsAt(objectAt(object.spec).ports)) {
      const target = port.targetPort ?? port.port;
      const byName = typeof target === 'string' && !/^\d+$/.test(target);
      for (const template of templates) {
        const containerPorts = servingContainers(template).flatMap((ref) => objectsAt(ref.container.ports));
        const found = byName
          ? containerPorts.some((containerPort) => containerPort.name === target)
          : containerPorts.some((containerPort) => Number(containerPort.containerPort) === Number(target));
        if (!found) {
          messages.push(`port ${port.name ?? port.port}: targetPort ${quote(target)} is not a container port ${byName ? 'name ' : ''}of ${describeObject(template.owner)}`);
        }
      }
    }
    return messages;
  },
});
