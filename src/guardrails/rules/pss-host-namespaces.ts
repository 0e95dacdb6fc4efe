import { RuleId } from '../../conventions/rule-ids';
import { Rule, scopedRule } from '../rule';

const HOST_NAMESPACE_FIELDS = ['hostNetwork', 'hostPID', 'hostIPC'];

/** PSS baseline: no sharing of the node's network, process or IPC namespaces. */
export const pssHostNamespaces: Rule = scopedRule({
  id: RuleId.PSS_HOST_NAMESPACES,
  severity: 'error',
  why: 'Sharing the host network, PID or IPC namespace lets a pod see and reach everything on the node (Pod Security baseline).',
  fix: 'Remove hostNetwork, hostPID and hostIPC from the pod spec, or set them to false.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    return HOST_NAMESPACE_FIELDS
      .filter((field) => template.spec[field] === true)
      .map((field) => `${field} is true`);
  },
});
