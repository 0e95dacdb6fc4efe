import { RuleId } from '../../conventions/rule-ids';
import { PROBE_FIELDS, handlerOf } from '../container-fields';
import { objectAt, quote } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Probes and lifecycle hooks never set `host`. */
export const probeHost: Rule = scopedRule({
  id: RuleId.PROBE_HOST,
  severity: 'error',
  why: 'A probe or hook with a host makes the kubelet send requests to any address, a server-side request forgery from the node (Pod Security baseline from v1.34).',
  fix: 'Remove host from the probe or hook: it then targets the pod\'s own IP.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      const lifecycle = objectAt(ref.container.lifecycle);
      const places: Array<[string, unknown]> = [
        ...PROBE_FIELDS.map((field): [string, unknown] => [field, ref.container[field]]),
        ['lifecycle.postStart', lifecycle.postStart],
        ['lifecycle.preStop', lifecycle.preStop],
      ];
      for (const [place, probe] of places) {
        const handler = handlerOf(probe);
        const host = handler?.handler.host;
        if (handler && host !== undefined && host !== null && host !== '') {
          messages.push(`${ref.label}: ${place}.${handler.kind}.host is ${quote(host)}`);
        }
      }
    }
    return messages;
  },
});
