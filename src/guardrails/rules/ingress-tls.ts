import { RuleId } from '../../conventions/rule-ids';
import { arrayAt, objectAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Ingresses terminate TLS. */
export const ingressTls: Rule = scopedRule({
  id: RuleId.INGRESS_TLS,
  severity: 'warning',
  why: 'An Ingress without TLS serves the application in clear text on the public network.',
  fix: 'Add spec.tls with the hosts and a certificate Secret (e.g. issued by cert-manager).',
  appliesTo: { kinds: ['Ingress'] },
  check: (object) => (arrayAt(objectAt(object.spec).tls).length === 0 ? ['spec.tls is unset'] : []),
});
