import { RuleId } from '../../conventions/rule-ids';
import { arrayAt } from '../manifest';
import { Rule, scopedRule } from '../rule';

/** Replicated pod templates declare topology spread constraints. */
export const topologySpread: Rule = scopedRule({
  id: RuleId.TOPOLOGY_SPREAD,
  severity: 'warning',
  why: 'Without topology spread constraints the replicas may all sit in one zone, and a zone outage is a full outage.',
  fix: 'Add topologySpreadConstraints on topology.kubernetes.io/zone and kubernetes.io/hostname with whenUnsatisfiable: ScheduleAnyway.',
  // the kinds whose replicas the scheduler spreads: the ones with several interchangeable pods
  appliesTo: { podTemplate: true, kinds: ['Deployment', 'StatefulSet', 'ReplicaSet'] },
  check: (_object, _context, template) => {
    return arrayAt(template.spec.topologySpreadConstraints).length > 0 ? [] : ['spec.template.spec.topologySpreadConstraints is unset'];
  },
});
