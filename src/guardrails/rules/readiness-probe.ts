import { RuleId } from '../../conventions/rule-ids';
import { isPlainObject } from '../manifest';
import { servingContainers } from '../pod-template';
import { Rule, scopedRule } from '../rule';

/** Containers of pods behind a Service have a readiness probe. */
export const readinessProbe: Rule = scopedRule({
  id: RuleId.READINESS_PROBE,
  severity: 'error',
  why: 'Without a readiness probe a Service sends traffic to a pod before it can serve, and during a rollout to pods that are failing.',
  fix: 'Add a readinessProbe to every container of a pod that a Service selects.',
  appliesTo: { podTemplate: true },
  check: (_object, context, template) => {
    const service = context.objectsSelecting('Service', template)[0];
    if (!service) {
      return [];
    }
    return servingContainers(template)
      .filter((ref) => !isPlainObject(ref.container.readinessProbe))
      .map((ref) => `${ref.label}: has no readinessProbe, but Service ${service.metadata?.name} sends traffic to the pod`);
  },
});
