import { Manifest, objectAt } from './manifest';
import { RuleContext } from './rule';

/**
 * The fewest pods a replicated workload runs: spec.replicas when set, else the minReplicas of an
 * autoscaler that targets it, else 1 (the API default).
 */
export function minimumReplicas(object: Manifest, context: RuleContext): number {
  const replicas = objectAt(object.spec).replicas;
  if (typeof replicas === 'number') {
    return replicas;
  }
  const autoscaler = context.autoscalersOf(object)[0];
  if (autoscaler) {
    // A KEDA ScaledObject says minReplicaCount (default 0: scaled to zero when idle).
    const spec = objectAt(autoscaler.spec);
    const min = spec.minReplicas ?? spec.minReplicaCount;
    return typeof min === 'number' ? min : autoscaler.kind === 'ScaledObject' ? 0 : 1;
  }
  return 1;
}

/** The most pods a replicated workload may run: the larger of spec.replicas and any autoscaler's maxReplicas. */
export function maximumReplicas(object: Manifest, context: RuleContext): number {
  let most = minimumReplicas(object, context);
  for (const autoscaler of context.autoscalersOf(object)) {
    const spec = objectAt(autoscaler.spec);
    const max = spec.maxReplicas ?? spec.maxReplicaCount;
    if (typeof max === 'number' && max > most) {
      most = max;
    }
  }
  return most;
}
