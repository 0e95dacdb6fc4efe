import { RuleId } from '../../conventions/rule-ids';
import { Manifest, isPlainObject, quote } from '../manifest';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

const ALLOWED_TYPES: ReadonlySet<string> = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t']);

/** PSS baseline: seLinuxOptions.type only from the container types; user and role unset. */
export const pssSeLinux: Rule = scopedRule({
  id: RuleId.PSS_SELINUX,
  severity: 'error',
  why: 'A custom SELinux user, role or type can escape the container\'s confinement (Pod Security baseline).',
  fix: 'Leave seLinuxOptions.user and role unset and type unset or one of container_t, container_init_t, container_kvm_t.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    const messages = problems(podSecurityContext(template).seLinuxOptions).map((problem) => `pod securityContext.${problem}`);
    for (const ref of template.containers) {
      messages.push(...problems(containerSecurityContext(ref).seLinuxOptions).map((problem) => `${ref.label}: securityContext.${problem}`));
    }
    return messages;
  },
});

function problems(options: unknown): string[] {
  if (!isPlainObject(options)) {
    return [];
  }
  const selinux: Manifest = options;
  const found: string[] = [];
  if (selinux.type !== undefined && selinux.type !== null && !ALLOWED_TYPES.has(selinux.type)) {
    found.push(`seLinuxOptions.type is ${quote(selinux.type)}, expected container_t, container_init_t or container_kvm_t`);
  }
  for (const field of ['user', 'role']) {
    if (selinux[field] !== undefined && selinux[field] !== null && selinux[field] !== '') {
      found.push(`seLinuxOptions.${field} is ${quote(selinux[field])}, expected unset`);
    }
  }
  return found;
}
