import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { ApiResource } from './api-resource';
import { GrantOptions } from './grant-options';
import { acknowledgementKey } from '../conventions/acknowledgements';
import { RuleId } from '../conventions/rule-ids';
import { checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';


/** What a checked grant adds to the Role. */
export interface CheckedGrant {
  readonly rule: k8s.PolicyRule;
  /** The acknowledgement annotation, when the grant needed one. */
  readonly acknowledgement?: Record<string, string>;
}

const SENSITIVE_SUBRESOURCES = ['pods/exec', 'pods/attach'];

/**
 * Checks one read grant: no wildcards ever; every Secret, `pods/exec` and `pods/attach` only with
 * a written reason. Names scope the rule to exact objects.
 */
export function checkGrant(scope: IConstruct, field: string, resource: unknown, options: GrantOptions = {}): CheckedGrant {
  if (!ApiResource.isApiResource(resource)) {
    fail(scope, `${field}.resource`, 'must be an ApiResource', resource, "use ApiResource.CONFIG_MAPS or ApiResource.of('group', 'resources')");
  }
  const group = resource.apiGroup;
  const validGroup = typeof group === 'string' && (group === '' || (group.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(group)));
  if (!validGroup || typeof resource.resource !== 'string' || !/^[a-z0-9][-a-z0-9.]*(\/[a-z]+)?$/.test(resource.resource)) {
    fail(scope, `${field}.resource`, 'must name one API group and one resource, without wildcards', `${resource}`,
      'grant each resource the app needs by name, such as ApiResource.of(\'cert-manager.io\', \'certificates\')');
  }
  if (options.names !== undefined && !Array.isArray(options.names)) {
    fail(scope, `${field}.names`, 'must be a list of object names', options.names, "pass names such as ['app-config']");
  }
  if (options.watch !== undefined && typeof options.watch !== 'boolean') {
    fail(scope, `${field}.watch`, 'must be true or false', options.watch, 'pass a boolean');
  }
  const names = options.names === undefined ? undefined : options.names.map((n, i) => checkReferenceName(scope, `${field}.names[${i}]`, n));
  if (names !== undefined && names.length === 0) {
    fail(scope, `${field}.names`, 'must name at least one object', names, 'list the objects, or leave names out to grant the whole kind');
  }
  const reason = options.acknowledgement;
  if (reason !== undefined && (typeof reason !== 'string' || reason.trim().length < 10)) {
    fail(scope, `${field}.acknowledgement`, 'must be a written reason of at least 10 characters', reason, 'say why the app needs this access');
  }
  const core = resource.apiGroup === '';
  const exec = core && SENSITIVE_SUBRESOURCES.includes(resource.resource);
  if (exec && options.watch !== undefined) {
    fail(scope, `${field}.watch`, `does not apply to ${resource.resource}, which is opened, not watched`, options.watch, 'remove it');
  }
  const sensitive = exec
    ? `${resource.resource} opens a shell into pods`
    : resource.resource === 'secrets' && core && names === undefined ? 'reading every Secret of the namespace exposes all its credentials' : undefined;
  if (sensitive !== undefined && reason === undefined) {
    fail(scope, field, `${sensitive}, and is refused without an acknowledgement`, `${resource}`,
      resource.resource === 'secrets' ? 'grant the Secrets by name with grantReadSecret(...names), or pass { acknowledgement: \'why\' }' : "pass { acknowledgement: 'why the app needs it' }");
  }
  if (sensitive === undefined && reason !== undefined) {
    fail(scope, `${field}.acknowledgement`, 'is only for grants the guardrails refuse otherwise (every Secret, pods/exec, pods/attach)', reason, 'remove it');
  }
  const verbs = exec ? ['create', 'get'] : names === undefined ? ['get', 'list'] : ['get'];
  if (options.watch === true && !exec) {
    verbs.push(...(names === undefined ? ['watch'] : ['list', 'watch']));
  }
  return {
    rule: { apiGroups: [resource.apiGroup], resources: [resource.resource], resourceNames: names, verbs },
    acknowledgement: sensitive !== undefined && reason !== undefined ? { [acknowledgementKey(RuleId.RBAC_WILDCARD)]: reason } : undefined,
  };
}

/** The name a Lease may have: a DNS subdomain. */
const LEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/**
 * The grants leader election needs on one Lease (client-go's `leaderelection` and
 * controller-runtime): get and update on that Lease by name, and create on Leases, which RBAC
 * cannot limit by name (the object does not exist yet when it is created, so `resourceNames`
 * never matches a create).
 */
export function checkLeaderElectionGrant(scope: IConstruct, field: string, leaseName: unknown): CheckedGrant[] {
  if (typeof leaseName !== 'string' || leaseName.length > 253 || !LEASE_NAME.test(leaseName)) {
    fail(scope, `${field}.leaseName`, 'must be a Lease name (a DNS subdomain)', leaseName, "pass the name the app's leader election uses, such as 'orders-leader'");
  }
  const leases = { apiGroups: [ApiResource.LEASES.apiGroup], resources: [ApiResource.LEASES.resource] };
  return [
    { rule: { ...leases, resourceNames: [leaseName], verbs: ['get', 'update'] } },
    { rule: { ...leases, verbs: ['create'] } },
  ];
}
