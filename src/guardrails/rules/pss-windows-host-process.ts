import { RuleId } from '../../conventions/rule-ids';
import { objectAt } from '../manifest';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS baseline: no Windows HostProcess containers. */
export const pssWindowsHostProcess: Rule = scopedRule({
  id: RuleId.PSS_WINDOWS_HOST_PROCESS,
  severity: 'error',
  why: 'A Windows HostProcess container runs directly on the node with the host\'s privileges (Pod Security baseline).',
  fix: 'Remove windowsOptions.hostProcess or set it to false, on the pod and on every container.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages: string[] = [];
    if (objectAt(podSecurityContext(template).windowsOptions).hostProcess === true) {
      messages.push('pod securityContext.windowsOptions.hostProcess is true');
    }
    for (const ref of template.containers) {
      if (objectAt(containerSecurityContext(ref).windowsOptions).hostProcess === true) {
        messages.push(`${ref.label}: securityContext.windowsOptions.hostProcess is true`);
      }
    }
    return messages;
  },
});
