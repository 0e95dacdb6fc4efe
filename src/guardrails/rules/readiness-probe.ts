import { isCoreKind, isPlainObject } from '../manifest';
import { servingContainers } from '../pod-template';
import { Rule } from '../rule';
import { matchesMapSelector } from '../selector';

/** Containers of pods behind a Service have a readiness probe. */
export const readinessProbe: Rule = {
  id: 'readiness-probe',
  severity: 'error',
  why: 'Without a readiness probe a Service sends traffic to a pod before it can serve, and during a rollout to pods that are failing.',
  fix: 'Add a readinessProbe to every container of a pod that a Service selects.',
  check: (object, context) => {
    const template = context.podTemplateOf(object);
    if (!template) {
      return [];
    }
    const namespace = context.namespaceOf(object);
    const service = context.objectsOf('Service', namespace)
      .find((candidate) => isCoreKind(candidate, 'Service') && matchesMapSelector(candidate.spec?.selector, template.labels));
    if (!service) {
      return [];
    }
    return servingContainers(template)
      .filter((ref) => !isPlainObject(ref.container.readinessProbe))
      .map((ref) => `${ref.label}: has no readinessProbe, but Service ${service.metadata?.name} sends traffic to the pod`);
  },
};
