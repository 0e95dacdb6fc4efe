import { arrayAt, kindOf, objectsAt } from '../manifest';
import { Rule } from '../rule';

/** Subresources whose access amounts to running code in other pods. */
const EXEC_RESOURCES: ReadonlySet<string> = new Set(['pods/exec', 'pods/attach']);

/**
 * Roles grant no wildcards, no exec or attach, and Secrets only by name: a rule scoped by
 * `resourceNames` reads the credentials the app owns, not every credential of the namespace.
 */
export const rbacWildcard: Rule = {
  id: 'rbac-wildcard',
  severity: 'error',
  why: 'A wildcard grants every current and future verb, resource or API group; secrets, pods/exec and pods/attach hand over credentials and code execution.',
  fix: 'List the exact apiGroups, resources and verbs the workload needs; grant Secrets by resourceNames; acknowledge exec, attach or every Secret with a written reason.',
  check: (object) => {
    if (kindOf(object) !== 'Role' && kindOf(object) !== 'ClusterRole') {
      return [];
    }
    const messages: string[] = [];
    objectsAt(object.rules).forEach((rule, index) => {
      for (const field of ['apiGroups', 'resources', 'verbs']) {
        if (arrayAt(rule[field]).includes('*')) {
          messages.push(`rule ${index}: '*' in ${field}`);
        }
      }
      const byName = arrayAt(rule.resourceNames).length > 0;
      // secrets, pods/exec and pods/attach of the core API group ('' or a wildcard).
      const coreGroup = arrayAt(rule.apiGroups).some((g) => g === '' || g === '*');
      const sensitive = coreGroup ? arrayAt(rule.resources).filter((resource) => EXEC_RESOURCES.has(resource) || (resource === 'secrets' && !byName)) : [];
      if (sensitive.length > 0) {
        messages.push(`rule ${index}: grants access to ${sensitive.join(', ')}`);
      }
    });
    return messages;
  },
};
