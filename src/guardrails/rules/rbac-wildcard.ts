import { RuleId } from '../../conventions/rule-ids';
import { Manifest, arrayAt, objectsAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** What a rule must not grant without a written reason, and the verbs that reach it. */
interface Sensitive {
  /** The resource as the authorizer names it: `resource` or `resource/subresource`. */
  readonly resource: string;
  /** The verbs that reach it; undefined: every verb. */
  readonly verbs?: ReadonlyArray<string>;
  /** Whether a rule limited by resourceNames is acceptable. */
  readonly byNameIsFine: boolean;
}

/**
 * Secrets (every verb: reading one is reading a credential, writing one can mint a token) unless
 * granted by name, and exec / attach, which are reached with `create` (and `get`, which the
 * API server accepts for the WebSocket upgrade) on the pods' subresource, by name or not.
 */
const SENSITIVE: ReadonlyArray<Sensitive> = [
  { resource: 'secrets', byNameIsFine: true },
  { resource: 'pods/exec', verbs: ['create', 'get'], byNameIsFine: false },
  { resource: 'pods/attach', verbs: ['create', 'get'], byNameIsFine: false },
];

/** Whether a PolicyRule's resources match a resource as the RBAC authorizer does: `*`, the exact name, or `*\/<subresource>`. */
export function resourceMatches(ruleResources: ReadonlyArray<unknown>, resource: string): boolean {
  const slash = resource.indexOf('/');
  const subresource = slash < 0 ? '' : resource.slice(slash + 1);
  return ruleResources.some((r) => r === '*' || r === resource || (subresource !== '' && r === `*/${subresource}`));
}

/** Whether a PolicyRule grants one verb on one resource of the core API group, as the RBAC authorizer decides. */
function grants(rule: Manifest, resource: string, verbs: ReadonlyArray<string> | undefined): boolean {
  const ruleVerbs = arrayAt(rule.verbs);
  return arrayAt(rule.apiGroups).some((g) => g === '' || g === '*')
    && resourceMatches(arrayAt(rule.resources), resource)
    && (verbs === undefined ? ruleVerbs.length > 0 : ruleVerbs.some((v) => v === '*' || verbs.includes(v)));
}

/**
 * Roles grant no wildcards, no exec or attach, and Secrets only by name: a rule scoped by
 * `resourceNames` reads the credentials the app owns, not every credential of the namespace.
 * Rules are matched as the RBAC authorizer matches them: `*` in apiGroups, resources and verbs,
 * `*\/exec` for every resource's exec subresource, and exec / attach only with a verb that reaches them.
 */
export const rbacWildcard: Rule = scopedRule({
  id: RuleId.RBAC_WILDCARD,
  severity: 'error',
  why: 'A wildcard grants every current and future verb, resource or API group; secrets, pods/exec and pods/attach hand over credentials and code execution.',
  fix: 'List the exact apiGroups, resources and verbs the workload needs; grant Secrets by resourceNames; acknowledge exec, attach or every Secret with a written reason.',
  appliesTo: { kinds: ['Role', 'ClusterRole'] },
  check: (object) => {
    const messages: string[] = [];
    objectsAt(object.rules).forEach((rule, index) => {
      for (const field of ['apiGroups', 'resources', 'verbs']) {
        if (arrayAt(rule[field]).includes('*')) {
          messages.push(`rule ${index}: '*' in ${field}`);
        }
      }
      const byName = arrayAt(rule.resourceNames).length > 0;
      const sensitive = SENSITIVE
        .filter((s) => !(byName && s.byNameIsFine) && grants(rule, s.resource, s.verbs))
        .map((s) => s.resource);
      if (sensitive.length > 0) {
        messages.push(`rule ${index}: grants access to ${sensitive.join(', ')}`);
      }
    });
    return messages;
  },
});
