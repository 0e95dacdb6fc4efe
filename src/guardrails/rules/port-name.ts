import { RuleId } from '../../conventions/rule-ids';
import { isCoreKind, objectAt, objectsAt, quote } from '../manifest';
import { portNameProblem } from '../names';
import { Rule } from '../rule';

/** Container and Service port names (and named targetPorts) are valid IANA service names. */
export const portName: Rule = {
  id: RuleId.PORT_NAME,
  severity: 'error',
  why: 'A port name that is not a valid IANA service name is rejected by the API server or cannot be referenced by a Service or probe.',
  fix: 'Use at most 15 lower-case letters, digits and \'-\', with at least one letter, such as \'http\' or \'grpc-api\'.',
  check: (object, context) => {
    const messages: string[] = [];
    for (const ref of context.podTemplateOf(object)?.containers ?? []) {
      for (const port of objectsAt(ref.container.ports)) {
        const problem = port.name === undefined ? undefined : portNameProblem(port.name);
        if (problem) {
          messages.push(`${ref.label}: port name ${quote(port.name)} ${problem}`);
        }
      }
    }
    if (isCoreKind(object, 'Service')) {
      for (const port of objectsAt(objectAt(object.spec).ports)) {
        const problem = port.name === undefined ? undefined : portNameProblem(port.name);
        if (problem) {
          messages.push(`port name ${quote(port.name)} ${problem}`);
        }
        const targetProblem = typeof port.targetPort === 'string' && !/^\d+$/.test(port.targetPort) ? portNameProblem(port.targetPort) : undefined;
        if (targetProblem) {
          messages.push(`targetPort ${quote(port.targetPort)} ${targetProblem}`);
        }
      }
    }
    return messages;
  },
};
