import { RuleId } from '../../conventions/rule-ids';
import { objectsAt, quote } from '../manifest';
import { podSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** The sysctls Pod Security baseline v1.30 considers safe. */
export const SAFE_SYSCTLS: ReadonlySet<string> = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** PSS baseline: sysctls only from the safe set. */
export const pssSysctls: Rule = scopedRule({
  id: RuleId.PSS_SYSCTLS,
  severity: 'error',
  why: 'Unsafe sysctls change kernel settings shared with every other pod on the node (Pod Security baseline).',
  fix: 'Remove the sysctl, or use only sysctls of the safe set.',
  appliesTo: { podTemplate: true },
  check: (_object, _context, template) => {
    return objectsAt(podSecurityContext(template).sysctls)
      .filter((sysctl) => !SAFE_SYSCTLS.has(sysctl.name))
      .map((sysctl) => `pod securityContext.sysctls has ${quote(sysctl.name)}, which is not in the safe set`);
  },
});
