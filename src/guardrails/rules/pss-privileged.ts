import { containerSecurityContext } from '../pod-template';
import { Rule } from '../rule';

/** PSS baseline: no privileged containers. */
export const pssPrivileged: Rule = {
  id: 'pss-privileged',
  severity: 'error',
  why: 'A privileged container has every capability and access to all host devices (Pod Security baseline).',
  fix: 'Remove securityContext.privileged or set it to false on every container.',
  check: (object, context) => (context.podTemplateOf(object)?.containers ?? [])
    .filter((ref) => containerSecurityContext(ref).privileged === true)
    .map((ref) => `${ref.label}: securityContext.privileged is true`),
};
