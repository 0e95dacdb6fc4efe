import { RuleId } from '../../conventions/rule-ids';
import { checkLinuxContainers } from '../linux-containers';
import { arrayAt, objectAt, quote } from '../manifest';
import { containerSecurityContext } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** PSS restricted: every container drops ALL and adds at most NET_BIND_SERVICE (Linux pods). */
export const pssCapabilitiesRestricted: Rule = scopedRule({
  id: RuleId.PSS_CAPABILITIES_RESTRICTED,
  severity: 'error',
  why: 'Every Linux capability a container keeps is kernel privilege an attacker can use (Pod Security restricted).',
  fix: 'Set securityContext.capabilities.drop: [ALL] on every container and add back at most NET_BIND_SERVICE.',
  appliesTo: { podTemplate: true },
  check: (object, context) => checkLinuxContainers(object, context, (ref) => {
    const messages: string[] = [];
    const capabilities = objectAt(containerSecurityContext(ref).capabilities);
    if (!arrayAt(capabilities.drop).includes('ALL')) {
      messages.push(`${ref.label}: securityContext.capabilities.drop does not include 'ALL'`);
    }
    const forbidden = arrayAt(capabilities.add).filter((capability) => capability !== 'NET_BIND_SERVICE');
    if (forbidden.length > 0) {
      messages.push(`${ref.label}: securityContext.capabilities.add has ${forbidden.map(quote).join(', ')}, only 'NET_BIND_SERVICE' is allowed`);
    }
    return messages;
  }),
});
