import { Manifest, arrayAt, kindOf, objectAt, objectsAt, quote } from '../manifest';
import { Rule, RuleContext } from '../rule';

/** Ingress and HTTPRoute backends are Services (and ports) of the output. */
export const ingressBackend: Rule = {
  id: 'ingress-backend',
  severity: 'error',
  why: 'A backend Service or port that does not exist answers every request with 503.',
  fix: 'Point the backend at a Service in the same namespace and at one of its ports, by number or name.',
  check: (object, context) => {
    const namespace = context.namespaceOf(object);
    if (kindOf(object) === 'Ingress') {
      const spec = objectAt(object.spec);
      const backends: Array<[string, Manifest]> = [];
      if (spec.defaultBackend) {
        backends.push(['defaultBackend', objectAt(spec.defaultBackend)]);
      }
      for (const rule of objectsAt(spec.rules)) {
        for (const path of objectsAt(objectAt(rule.http).paths)) {
          backends.push([`rule ${rule.host ?? '*'} path ${path.path ?? '/'}`, objectAt(path.backend)]);
        }
      }
      return backends
        .filter(([, backend]) => backend.service !== undefined)
        .flatMap(([where, backend]) => {
          const service = objectAt(backend.service);
          const port = objectAt(service.port);
          return problems(context, namespace, service.name, port.name !== undefined ? port.name : port.number).map((problem) => `${where}: ${problem}`);
        });
    }
    if (kindOf(object) === 'HTTPRoute' || kindOf(object) === 'GRPCRoute') {
      const messages: string[] = [];
      for (const [index, rule] of objectsAt(objectAt(object.spec).rules).entries()) {
        for (const ref of objectsAt(rule.backendRefs)) {
          if ((ref.kind ?? 'Service') !== 'Service' || (ref.group ?? '') !== '') {
            continue;
          }
          messages.push(...problems(context, ref.namespace ?? namespace, ref.name, ref.port).map((problem) => `rule ${index}: ${problem}`));
        }
      }
      return messages;
    }
    return [];
  },
};

function problems(context: RuleContext, namespace: string, name: unknown, port: unknown): string[] {
  const service = context.find('Service', namespace, String(name));
  if (!service) {
    return [`backend Service ${quote(name)} does not exist in namespace ${namespace}`];
  }
  if (port === undefined || port === null) {
    return [];
  }
  const ports = arrayAt(objectAt(service.spec).ports).map(objectAt);
  const found = typeof port === 'string' ? ports.some((p) => p.name === port) : ports.some((p) => Number(p.port) === Number(port));
  return found ? [] : [`backend Service ${quote(name)} has no port ${quote(port)}`];
}
