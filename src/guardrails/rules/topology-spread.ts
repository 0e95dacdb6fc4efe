import { arrayAt, kindOf } from '../manifest';
import { Rule } from '../rule';

/** Kinds whose replicas are spread by the scheduler: the ones with several interchangeable pods. */
const SPREAD_KINDS: ReadonlySet<string> = new Set(['Deployment', 'StatefulSet', 'ReplicaSet']);

/** Replicated pod templates declare topology spread constraints. */
export const topologySpread: Rule = {
  id: 'topology-spread',
  severity: 'warning',
  why: 'Without topology spread constraints the replicas may all sit in one zone, and a zone outage is a full outage.',
  fix: 'Add topologySpreadConstraints on topology.kubernetes.io/zone and kubernetes.io/hostname with whenUnsatisfiable: ScheduleAnyway.',
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    if (!template || !SPREAD_KINDS.has(kindOf(object))) {
      return [];
    }
    return arrayAt(template.spec.topologySpreadConstraints).length > 0 ? [] : ['spec.template.spec.topologySpreadConstraints is unset'];
  },
};
