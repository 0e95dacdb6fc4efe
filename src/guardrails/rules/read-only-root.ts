import { RuleId } from '../../conventions/rule-ids';
import { checkLinuxContainers } from '../linux-containers';
import { containerSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** Every container has a read-only root file system. */
export const readOnlyRoot: Rule = scopedRule({
  id: RuleId.READ_ONLY_ROOT,
  severity: 'warning',
  why: 'A writable root file system lets an attacker drop tools or change the application in a running container.',
  fix: 'Set securityContext.readOnlyRootFilesystem: true and mount a writable emptyDir where the application writes (e.g. /tmp).',
  appliesTo: { podTemplate: true },
  check: (object, context) => checkLinuxContainers(object, context, (ref) => (containerSecurityContext(ref).readOnlyRootFilesystem === true ? []
    : [`${ref.label}: securityContext.readOnlyRootFilesystem is ${ref.container.securityContext?.readOnlyRootFilesystem ?? 'unset'}, expected true`])),
});
