import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { CanaryHeaderMatch } from './traffic-routing';

/** The Gateway an HTTPRoute attaches to, and the header that always reaches the canary. */
export interface RouteParent {
  readonly gatewayName: string;
  /** Undefined: the route's own namespace. */
  readonly gatewayNamespace?: string;
  /** Undefined: every listener that accepts the route. */
  readonly sectionName?: string;
  readonly canaryHeader?: CanaryHeaderMatch;
}

/** What the HTTPRoute of a service or a release routes. */
export interface RouteTarget {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** The route's hostnames; empty: every host of the listener. */
  readonly hosts: string[];
  /** The path prefixes routed (each rule matches all of them). */
  readonly paths: string[];
  readonly servicePort: number;
  readonly stableService: string;
  /** Undefined when the release has no canary. */
  readonly canaryService?: string;
  readonly weight: number;
}

/**
 * An HTTPRoute (`gateway.networking.k8s.io/v1`) with weighted backendRefs, every field the API
 * server would default written out (group, kind, weight, match type, path), so that GitOps tools
 * see no drift between the desired and the live object.
 */
export function createHttpRoute(scope: Construct, id: string, options: RouteParent, target: RouteTarget): ApiObject {
  const backend = (service: string, weight: number) => ({ group: '', kind: 'Service', name: service, port: target.servicePort, weight });
  const prefixes = target.paths.map((value) => ({ path: { type: 'PathPrefix', value } }));
  const rules: object[] = [];
  const header: CanaryHeaderMatch | undefined = options.canaryHeader;
  if (header !== undefined && target.canaryService !== undefined) {
    rules.push({
      matches: prefixes.map((prefix) => ({ ...prefix, headers: [{ type: 'Exact', name: header.name, value: header.value }] })),
      backendRefs: [backend(target.canaryService, 1)],
    });
  }
  rules.push({
    matches: prefixes,
    backendRefs: target.canaryService === undefined
      ? [backend(target.stableService, 1)]
      : [backend(target.stableService, 100 - target.weight), backend(target.canaryService, target.weight)],
  });
  return new ApiObject(scope, id, {
    apiVersion: 'gateway.networking.k8s.io/v1',
    kind: 'HTTPRoute',
    metadata: { name: target.name, labels: target.labels },
    spec: {
      parentRefs: [{
        group: 'gateway.networking.k8s.io',
        kind: 'Gateway',
        name: options.gatewayName,
        namespace: options.gatewayNamespace,
        sectionName: options.sectionName,
      }],
      hostnames: target.hosts.length === 0 ? undefined : target.hosts,
      rules,
    },
  });
}
