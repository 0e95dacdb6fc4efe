import { RuleId } from '../../conventions/rule-ids';
import { PROBE_FIELDS, handlerOf } from '../container-fields';
import { objectsAt, quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Probe ports are ports the container declares. */
export const probePort: Rule = scopedRule({
  id: RuleId.PROBE_PORT,
  severity: 'error',
  why: 'A probe on a port the container does not declare usually checks nothing that listens: the pod never becomes ready, or is restarted forever.',
  fix: 'Point the probe at one of the container\'s ports, by name or number.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      const ports = objectsAt(ref.container.ports);
      const names = new Set(ports.map((port) => port.name).filter((name) => typeof name === 'string'));
      const numbers = new Set(ports.map((port) => Number(port.containerPort)));
      for (const field of PROBE_FIELDS) {
        const handler = handlerOf(ref.container[field]);
        if (!handler || handler.kind === 'exec') {
          continue;
        }
        const port = handler.handler.port;
        const declared = typeof port === 'string' && !/^\d+$/.test(port) ? names.has(port) : numbers.has(Number(port));
        if (!declared) {
          messages.push(`${ref.label}: ${field}.${handler.kind}.port ${quote(port)} is not one of the container's ports`);
        }
      }
    }
    return messages;
  },
});
