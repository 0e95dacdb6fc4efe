import { arrayAt, kindOf, objectAt } from '../manifest';
import { Rule } from '../rule';

/** Ingresses terminate TLS. */
export const ingressTls: Rule = {
  id: 'ingress-tls',
  severity: 'warning',
  why: 'An Ingress without TLS serves the application in clear text on the public network.',
  fix: 'Add spec.tls with the hosts and a certificate Secret (e.g. issued by cert-manager).',
  check: (object) => (kindOf(object) === 'Ingress' && arrayAt(objectAt(object.spec).tls).length === 0 ? ['spec.tls is unset'] : []),
};
