import { RuleId } from '../../conventions/rule-ids';
import { Manifest, arrayAt, groupOf, kindOf, objectAt, objectsAt, quote } from '../manifest';
import { Rule, RuleContext, scopedRule } from '../rule';

/** The Ingress API versions whose backends are written `serviceName` / `servicePort`. */
const BETA_INGRESS_VERSIONS: ReadonlySet<string> = new Set(['extensions/v1beta1', 'networking.k8s.io/v1beta1']);

/** Ingress and HTTPRoute backends are Services (and ports) of the output. */
export const ingressBackend: Rule = scopedRule({
  id: RuleId.INGRESS_BACKEND,
  severity: 'error',
  why: 'A backend Service or port that does not exist answers every request with 503.',
  fix: 'Point the backend at a Service in the same namespace and at one of its ports, by number or name.',
  appliesTo: { kinds: ['Ingress', 'HTTPRoute', 'GRPCRoute'] },
  check: (object, context) => {
    const namespace = context.namespaceOf(object);
    if (kindOf(object) === 'Ingress') {
      const messages = ingressBackends(object).flatMap(([where, backend]) => backendProblems(object, context, namespace, backend).map((problem) => `${where}: ${problem}`));
      const spec = objectAt(object.spec);
      if (!BETA_INGRESS_VERSIONS.has(String(object.apiVersion)) && groupOf(object) === 'networking.k8s.io' && spec.backend !== undefined) {
        messages.unshift(`backend: a field of v1beta1, not of ${object.apiVersion}, so the Ingress has no default backend; write spec.defaultBackend`);
      }
      return messages;
    }
    // an HTTPRoute or a GRPCRoute
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
  },
});

/** Every backend of an Ingress with where it is: the default backend (v1 `defaultBackend`, v1beta1 `backend`), then each path's. */
function ingressBackends(ingress: Manifest): Array<[string, Manifest]> {
  const spec = objectAt(ingress.spec);
  const backends: Array<[string, Manifest]> = [];
  const field = BETA_INGRESS_VERSIONS.has(String(ingress.apiVersion)) ? 'backend' : 'defaultBackend';
  if (spec[field] !== undefined && spec[field] !== null) {
    backends.push([field, objectAt(spec[field])]);
  }
  for (const rule of objectsAt(spec.rules)) {
    for (const path of objectsAt(objectAt(rule.http).paths)) {
      backends.push([`rule ${rule.host ?? '*'} path ${path.path ?? '/'}`, objectAt(path.backend)]);
    }
  }
  return backends;
}

/**
 * What is wrong with one Ingress backend, read with the fields of the object's API version:
 * `service.name` / `service.port` in networking.k8s.io/v1, `serviceName` / `servicePort` in the
 * v1beta1 versions. A v1 backend written with the old fields has no Service for the API server,
 * which refuses it. A `resource` backend is not a Service and is not checked.
 */
function backendProblems(ingress: Manifest, context: RuleContext, namespace: string, backend: Manifest): string[] {
  const oldFields = backend.serviceName !== undefined || backend.servicePort !== undefined;
  if (BETA_INGRESS_VERSIONS.has(String(ingress.apiVersion))) {
    return oldFields ? problems(context, namespace, backend.serviceName, backend.servicePort) : [];
  }
  if (backend.service !== undefined) {
    const service = objectAt(backend.service);
    const port = objectAt(service.port);
    return problems(context, namespace, service.name, port.name !== undefined ? port.name : port.number);
  }
  if (oldFields && groupOf(ingress) === 'networking.k8s.io') {
    return [`serviceName/servicePort are fields of v1beta1, not of ${ingress.apiVersion}: the backend names no Service; write service.name and service.port.number (or .name)`];
  }
  return [];
}

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
