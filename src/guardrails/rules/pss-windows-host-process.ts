import { objectAt } from '../manifest';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule } from '../rule';

/** PSS baseline: no Windows HostProcess containers. */
export const pssWindowsHostProcess: Rule = {
  id: 'pss-windows-host-process',
  severity: 'error',
  why: 'A Windows HostProcess container runs directly on the node with the host\'s privileges (Pod Security baseline).',
  fix: 'Remove windowsOptions.hostProcess or set it to false, on the pod and on every container.',
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    if (!template) {
      return [];
    }
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
};
