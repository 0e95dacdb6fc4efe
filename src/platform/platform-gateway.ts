import { IConstruct } from 'constructs';
import { checkKnownFields, checkNamespaceName, checkReferenceName } from '../private/checks';

/**
 * The platform's Gateway (Gateway API): every exposed WebService attaches an HTTPRoute to it
 * instead of creating an Ingress. The Gateway owns TLS (its listeners hold the certificates) and
 * must allow routes from the apps' namespaces (`allowedRoutes.namespaces`).
 */
export interface PlatformGateway {
  /** The Gateway's name. */
  readonly name: string;
  /** The Gateway's namespace. */
  readonly namespace: string;
  /**
   * The listener the routes attach to (its `sectionName`).
   * @default - every listener of the Gateway that accepts the route
   */
  readonly sectionName?: string;
  /**
   * The namespace of the Gateway's data-plane pods, which the NetworkPolicies let in on the
   * service port.
   * @default - the Gateway's namespace
   */
  readonly controllerNamespace?: string;
}

const FIELDS: ReadonlyArray<string> = ['name', 'namespace', 'sectionName', 'controllerNamespace'];

/** Checks a platform Gateway where it is declared or used; returns a plain copy without undefined fields. */
export function checkPlatformGateway(scope: IConstruct, field: string, value: unknown): PlatformGateway {
  const given = checkKnownFields(scope, field, value, FIELDS, 'the platform Gateway', 'must name the platform\'s Gateway', "pass { name: 'public', namespace: 'gateway-system' }");
  const gateway: { -readonly [K in keyof PlatformGateway]: PlatformGateway[K] } = {
    name: checkReferenceName(scope, `${field}.name`, given.name),
    namespace: checkNamespaceName(scope, `${field}.namespace`, given.namespace),
  };
  if (given.sectionName !== undefined) {
    gateway.sectionName = checkReferenceName(scope, `${field}.sectionName`, given.sectionName);
  }
  if (given.controllerNamespace !== undefined) {
    gateway.controllerNamespace = checkNamespaceName(scope, `${field}.controllerNamespace`, given.controllerNamespace);
  }
  return gateway;
}
