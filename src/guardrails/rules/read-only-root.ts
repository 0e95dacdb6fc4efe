import { containerSecurityContext, isWindowsPod } from '../pod-template';
import { Rule } from '../rule';

/** Every container has a read-only root file system. */
export const readOnlyRoot: Rule = {
  id: 'read-only-root',
  severity: 'warning',
  why: 'A writable root file system lets an attacker drop tools or change the application in a running container.',
  fix: 'Set securityContext.readOnlyRootFilesystem: true and mount a writable emptyDir where the application writes (e.g. /tmp).',
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    if (!template || isWindowsPod(template)) {
      return [];
    }
    return template.containers
      .filter((ref) => containerSecurityContext(ref).readOnlyRootFilesystem !== true)
      .map((ref) => `${ref.label}: securityContext.readOnlyRootFilesystem is ${ref.container.securityContext?.readOnlyRootFilesystem ?? 'unset'}, expected true`);
  },
};
