import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import type { GatewayApiOptions } from './gateway-api';
import { CanaryHeaderMatch } from './traffic-routing';

/** What the HTTPRoute of a release routes. */
export interface RouteTarget {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly host?: string;
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
export function createHttpRoute(scope: Construct, id: string, options: GatewayApiOptions, target: RouteTarget): ApiObject {
  const backend = (service: string, weight: number) => ({ group: '', kind: 'Service', name: service, port: target.servicePort, weight });
  const everything = { path: { type: 'PathPrefix', value: '/' } };
  const rules: object[] = [];
  const header: CanaryHeaderMatch | undefined = options.canaryHeader;
  if (header !== undefined && target.canaryService !== undefined) {
    rules.push({
      matches: [{ ...everything, headers: [{ type: 'Exact', name: header.name, value: header.value }] }],
      backendRefs: [backend(target.canaryService, 1)],
    });
  }
  rules.push({
    matches: [everything],
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
      hostnames: target.host === undefined ? undefined : [target.host],
      rules,
    },
  });
}
