import { RuleId } from '../../conventions/rule-ids';
import { handlerOf } from '../container-fields';
import { Manifest, arrayAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Liveness and readiness probes check different things. */
export const probesIdentical: Rule = scopedRule({
  id: RuleId.PROBES_IDENTICAL,
  severity: 'error',
  why: 'When liveness and readiness are the same check, a slow dependency restarts every pod at once instead of taking them out of rotation.',
  fix: 'Point the liveness probe at a cheap in-process check (e.g. /healthz) and the readiness probe at a check that includes dependencies (e.g. /readyz).',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    for (const ref of template.containers) {
      const liveness = handlerOf(ref.container.livenessProbe);
      const readiness = handlerOf(ref.container.readinessProbe);
      if (liveness && readiness && liveness.kind === readiness.kind) {
        const signature = handlerSignature(liveness.kind, liveness.handler);
        if (signature === handlerSignature(readiness.kind, readiness.handler)) {
          messages.push(`${ref.label}: livenessProbe and readinessProbe are the same ${liveness.kind} check (${signature})`);
        }
      }
    }
    return messages;
  },
});

function handlerSignature(kind: string, handler: Manifest): string {
  switch (kind) {
    case 'httpGet':
      return `path ${handler.path ?? '/'}, port ${handler.port}`;
    case 'exec':
      return `command ${JSON.stringify(arrayAt(handler.command))}`;
    case 'grpc':
      return `port ${handler.port}, service ${handler.service ?? ''}`;
    default:
      return `port ${handler.port}`;
  }
}
