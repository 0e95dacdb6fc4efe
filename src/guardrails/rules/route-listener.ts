import { RuleId } from '../../conventions/rule-ids';
import { objectAt, objectsAt, quote, textOf } from '../manifest';
import { scopedRule } from '../rule';

/**
 * A route's parentRefs name listeners that exist: a `sectionName` or `port` that no listener of
 * the Gateway has leaves the route unattached (no traffic, and only the route's status says so).
 * Which listeners exist is known from the platform's declaration at synth time
 * (`PlatformDefaults.gateway.sectionName`: a route to that Gateway must name it), or from the
 * Gateway object of the same input; a route to a Gateway that neither knows is not checked.
 */
export const routeListener = scopedRule({
  id: RuleId.ROUTE_LISTENER,
  severity: 'error',
  why: 'A parentRef whose sectionName or port matches no listener of the Gateway leaves the route unattached: every request for its hosts fails, and only the route status says why.',
  fix: 'Set sectionName to a listener of the Gateway (the one the platform declared in PlatformDefaults.gateway), or remove the port that no listener has.',
  appliesTo: { kinds: ['HTTPRoute', 'GRPCRoute'], group: 'gateway.networking.k8s.io' },
  check: (object, context) => {
    const namespace = context.namespaceOf(object);
    const messages: string[] = [];
    objectsAt(objectAt(object.spec).parentRefs).forEach((ref, index) => {
      if ((ref.group ?? 'gateway.networking.k8s.io') !== 'gateway.networking.k8s.io' || (ref.kind ?? 'Gateway') !== 'Gateway') {
        return;
      }
      const gatewayNamespace = textOf(ref.namespace ?? namespace);
      const gateway = `${gatewayNamespace}/${textOf(ref.name)}`;
      const listeners = context.gatewayListeners(gatewayNamespace, textOf(ref.name));
      if (listeners === undefined) {
        return;
      }
      const known = listeners.declared ? `the platform declared ${listeners.sections.map(quote).join(', ')}` : `its listeners: ${listeners.sections.map(quote).join(', ') || 'none'}`;
      if (ref.sectionName === undefined) {
        if (listeners.declared) {
          messages.push(`parentRef ${index} names no listener of Gateway ${gateway}, and ${known}`);
        }
      } else if (!listeners.sections.includes(textOf(ref.sectionName))) {
        messages.push(`parentRef ${index} names listener ${quote(ref.sectionName)}, which Gateway ${gateway} does not have (${known})`);
      }
      if (ref.port !== undefined && listeners.ports.length > 0 && !listeners.ports.includes(Number(ref.port))) {
        messages.push(`parentRef ${index} names port ${quote(ref.port)}, on which Gateway ${gateway} has no listener (its ports: ${listeners.ports.join(', ')})`);
      }
    });
    return messages;
  },
});
