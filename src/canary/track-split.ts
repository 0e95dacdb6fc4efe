import { Autoscaling } from '../workload/autoscaling';

/** The size of each track. */
export interface TrackSizes {
  readonly stable: TrackSize;
  /** Undefined when the release has no canary. */
  readonly canary?: TrackSize;
}

/** The pods of one track: a fixed count, or an autoscaler's range. */
export interface TrackSize {
  readonly replicas: number;
  readonly autoscaling?: Autoscaling;
}

/**
 * Sizes the tracks from the weight, so that every commit of the workflow (start at 0, raise,
 * promote, abort, remove) finds ready pods wherever traffic goes right after it is applied:
 * - Replica ratio: the canary's share of `total` pods is within one pod of the weight; 0 runs no
 *   canary pod; the stable track runs at least one pod at every weight, 100 included, so that a
 *   promote or an abort from 100 lands on a ready stable pod.
 * - Gateway API and ingress-nginx: traffic is split by the router, so the stable track keeps its
 *   full size at every weight (a promote then rolls it with its pods serving), and the canary runs
 *   its share, at least one pod whenever it exists (weight 0 included, so that raising from 0 finds
 *   a ready pod, and a canary header always has one to reach).
 * Autoscaled tracks get an autoscaler over their share of the range, or none (0 pods) with no share.
 * With the replica ratio the two shares add up to the configured range exactly (minimums to the
 * minimum, maximums to the maximum) whenever the range leaves room for a minimum of one pod and a
 * maximum above it on each track (minimum at least 2, maximum at least the minimum plus 2).
 */
export function splitTracks(splitsByPods: boolean, total: number, autoscaling: Autoscaling | undefined,
  weight: number | undefined): TrackSizes {
  if (weight === undefined) {
    return { stable: { replicas: total, autoscaling } };
  }
  const ratio = splitsByPods;
  // A ratio sends no traffic to the canary at 0; a router's canary runs even then.
  const canaryRuns = weight > 0 || !ratio;
  const scaled = (share: number): TrackSize => {
    const min = Math.max(1, Math.round(autoscaling!.minReplicas * share));
    const max = Math.max(min + 1, Math.round(autoscaling!.maxReplicas * share));
    return { replicas: 0, autoscaling: { ...autoscaling!, minReplicas: min, maxReplicas: max } };
  };
  if (ratio && canaryRuns && autoscaling !== undefined) {
    const exact = splitRange(autoscaling, weight / 100);
    if (exact !== undefined) {
      return exact;
    }
  }
  let canary: TrackSize = { replicas: 0 };
  if (canaryRuns) {
    if (autoscaling !== undefined) {
      canary = scaled(weight / 100);
    } else if (ratio) {
      canary = { replicas: Math.min(Math.max(1, Math.round((total * weight) / 100)), total - 1) };
    } else {
      canary = { replicas: Math.max(1, Math.ceil((total * weight) / 100)) };
    }
  }
  let stable: TrackSize;
  if (autoscaling !== undefined) {
    stable = ratio ? scaled(1 - weight / 100) : { replicas: 0, autoscaling };
  } else {
    stable = { replicas: ratio ? total - canary.replicas : total };
  }
  return { stable, canary };
}

/**
 * Splits an autoscaling range between the two tracks of a replica ratio so that the minimums add
 * up to its minimum and the maximums to its maximum; each track keeps at least one pod and a
 * maximum above its minimum, and the canary's minimum is within one pod of its share. Undefined
 * when the range is too narrow for that.
 */
function splitRange(autoscaling: Autoscaling, share: number): TrackSizes | undefined {
  const { minReplicas: min, maxReplicas: max } = autoscaling;
  if (min < 2 || max < min + 2) {
    return undefined;
  }
  const canaryMin = clamp(Math.round(min * share), 1, min - 1);
  const stableMin = min - canaryMin;
  const canaryMax = clamp(Math.round(max * share), canaryMin + 1, max - stableMin - 1);
  const track = (minReplicas: number, maxReplicas: number): TrackSize =>
    ({ replicas: 0, autoscaling: { ...autoscaling, minReplicas, maxReplicas } });
  return { stable: track(stableMin, max - canaryMax), canary: track(canaryMin, canaryMax) };
}

function clamp(value: number, low: number, high: number): number {
  return Math.min(Math.max(value, low), high);
}
