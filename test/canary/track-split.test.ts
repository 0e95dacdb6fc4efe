import fc from 'fast-check';
import { splitTracks, TrackSize, TrackSizes } from '../../src/canary/track-split';
import { Autoscaling } from '../../src/workload/autoscaling';

/** Whether the strategy splits by pods: the replica ratio does, a router (Gateway API, ingress-nginx) does not. */
const RATIO = true;
const ROUTER = false;
const KINDS = [RATIO, ROUTER];
const ROUTERS = [ROUTER];
const WEIGHTS = [0, 1, 10, 33, 50, 99, 100];
const TOTALS = [2, 3, 4, 5, 6, 7];
const CPU = [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 70 } } }];

function autoscaling(minReplicas: number, maxReplicas: number): Autoscaling {
  return { minReplicas, maxReplicas, metrics: CPU };
}

const AUTOSCALINGS = [autoscaling(2, 3), autoscaling(2, 10), autoscaling(3, 4), autoscaling(5, 20), autoscaling(10, 1000)];

/** [stable replicas, canary replicas] of fixed-size tracks. */
function pods(sizes: TrackSizes): [number, number | undefined] {
  return [sizes.stable.replicas, sizes.canary?.replicas];
}

/** [min, max] of an autoscaled track, or 'none' when the track runs no pod. */
function range(size: TrackSize): [number, number] | 'none' {
  expect(size.replicas).toBe(0);
  return size.autoscaling === undefined ? 'none' : [size.autoscaling.minReplicas, size.autoscaling.maxReplicas];
}

describe('splitTracks without a canary', () => {
  test.each(KINDS)('split by pods %s: the stable track runs every pod, and there is no canary track', (kind) => {
    // GIVEN / WHEN
    const sizes = splitTracks(kind, 5, undefined, undefined);
    // THEN
    expect(sizes).toEqual({ stable: { replicas: 5, autoscaling: undefined } });
    expect(sizes.canary).toBeUndefined();
  });

  test.each(KINDS)('split by pods %s: the stable track keeps the whole autoscaler, the same object', (kind) => {
    // GIVEN
    const given = autoscaling(2, 10);
    // WHEN
    const sizes = splitTracks(kind, 0, given, undefined);
    // THEN
    expect(sizes.stable.autoscaling).toBe(given);
    expect(sizes.stable.replicas).toBe(0);
    expect(sizes.canary).toBeUndefined();
  });
});

describe('splitTracks with the replica ratio', () => {
  test.each([
    [0, 4, 0], [1, 3, 1], [10, 3, 1], [33, 3, 1], [50, 2, 2], [99, 1, 3], [100, 1, 3],
  ])('at weight %p of 4 pods runs %p stable and %p canary pods', (weight, stable, canary) => {
    // GIVEN / WHEN
    const sizes = splitTracks(RATIO, 4, undefined, weight);
    // THEN
    expect(pods(sizes)).toEqual([stable, canary]);
    expect(sizes.stable.autoscaling).toBeUndefined();
    expect(sizes.canary?.autoscaling).toBeUndefined();
  });

  test.each([
    [2, 1, [1, 1]], [2, 50, [1, 1]], [2, 99, [1, 1]], [3, 50, [1, 2]], [7, 33, [5, 2]], [7, 99, [1, 6]], [10, 25, [7, 3]], [10, 35, [6, 4]],
  ])('with %p pods at weight %p runs [stable, canary] = %p', (total, weight, expected) => {
    // GIVEN / WHEN
    const sizes = splitTracks(RATIO, total, undefined, weight);
    // THEN
    expect(pods(sizes)).toEqual(expected);
  });

  test('with autoscaling, each track gets an autoscaler over its share of the range', () => {
    // GIVEN / WHEN
    const sizes = splitTracks(RATIO, 0, autoscaling(5, 20), 20);
    // THEN
    expect(sizes).toEqual({
      stable: { replicas: 0, autoscaling: { minReplicas: 4, maxReplicas: 16, metrics: CPU } },
      canary: { replicas: 0, autoscaling: { minReplicas: 1, maxReplicas: 4, metrics: CPU } },
    });
  });

  test.each([
    [0, [2, 10], 'none'], [50, [1, 5], [1, 5]], [100, [1, 2], [1, 8]],
  ])('with autoscaling at weight %p, stable %p and canary %p', (weight, stable, canary) => {
    // GIVEN / WHEN
    const sizes = splitTracks(RATIO, 0, autoscaling(2, 10), weight as number);
    // THEN
    expect([range(sizes.stable), range(sizes.canary!)]).toEqual([stable, canary]);
  });

  test('a narrow autoscaling range still gives each track a minimum of one and a maximum above it', () => {
    // GIVEN / WHEN
    const sizes = splitTracks(RATIO, 0, autoscaling(2, 3), 50);
    // THEN
    expect([range(sizes.stable), range(sizes.canary!)]).toEqual([[1, 2], [1, 2]]);
  });

  test.each([
    [3, 10, 50, [1, 5], [2, 5]], [5, 20, 10, [4, 18], [1, 2]], [10, 1000, 99, [1, 10], [9, 990]],
  ])('autoscaling %p-%p at weight %p: stable %p and canary %p add up to the range', (min, max, weight, stable, canary) => {
    // GIVEN / WHEN (rounding each share on its own gave minimums of 4, 6 and 11)
    const sizes = splitTracks(RATIO, 0, autoscaling(min as number, max as number), weight as number);
    // THEN
    expect([range(sizes.stable), range(sizes.canary!)]).toEqual([stable, canary]);
  });

  test('the autoscaling shares add up to the range whenever it leaves room for both tracks (property)', () => {
    const ranges = fc.integer({ min: 2, max: 200 }).chain((min) => fc.tuple(fc.constant(min), fc.integer({ min: min + 2, max: 2000 })));
    fc.assert(fc.property(ranges, fc.integer({ min: 1, max: 99 }), ([min, max], weight) => {
      // GIVEN / WHEN
      const sizes = splitTracks(RATIO, 0, autoscaling(min, max), weight);
      const [stableMin, stableMax] = range(sizes.stable) as number[];
      const [canaryMin, canaryMax] = range(sizes.canary!) as number[];
      // THEN
      expect([stableMin + canaryMin, stableMax + canaryMax]).toEqual([min, max]);
      expect(Math.min(stableMin, canaryMin)).toBeGreaterThanOrEqual(1);
      expect(stableMax).toBeGreaterThan(stableMin);
      expect(canaryMax).toBeGreaterThan(canaryMin);
      expect(Math.abs(canaryMin - (min * weight) / 100)).toBeLessThan(1);
    }));
  });

  test('the canary share stays within one pod of the weight for any total, and one stable pod always runs (property)', () => {
    fc.assert(fc.property(fc.integer({ min: 2, max: 10000 }), fc.integer({ min: 0, max: 100 }), (total, weight) => {
      // GIVEN / WHEN
      const [stable, canary] = pods(splitTracks(RATIO, total, undefined, weight));
      // THEN
      expect(stable + canary!).toBe(total);
      if (weight === 100) {
        expect(canary).toBe(total - 1);
      } else {
        expect(Math.abs(canary! - (total * weight) / 100)).toBeLessThan(1);
      }
      expect(canary! > 0).toBe(weight > 0);
      expect(stable).toBeGreaterThanOrEqual(1);
    }));
  });
});

describe.each(ROUTERS)('splitTracks with a router (split by pods %s)', (kind) => {
  test.each([
    [0, 4, 1], [1, 4, 1], [10, 4, 1], [33, 4, 2], [50, 4, 2], [99, 4, 4], [100, 4, 4],
  ])('at weight %p of 4 pods runs %p stable and %p canary pods', (weight, stable, canary) => {
    // GIVEN / WHEN
    const sizes = splitTracks(kind, 4, undefined, weight);
    // THEN
    expect(pods(sizes)).toEqual([stable, canary]);
  });

  test('with autoscaling, the stable track keeps the whole range and the canary gets its share', () => {
    // GIVEN / WHEN
    const sizes = splitTracks(kind, 0, autoscaling(5, 20), 20);
    // THEN
    expect(sizes).toEqual({
      stable: { replicas: 0, autoscaling: { minReplicas: 5, maxReplicas: 20, metrics: CPU } },
      canary: { replicas: 0, autoscaling: { minReplicas: 1, maxReplicas: 4, metrics: CPU } },
    });
  });

  test.each([
    [0, [2, 10], [1, 2]], [50, [2, 10], [1, 5]], [100, [2, 10], [2, 10]],
  ])('with autoscaling at weight %p, stable %p and canary %p', (weight, stable, canary) => {
    // GIVEN / WHEN
    const sizes = splitTracks(kind, 0, autoscaling(2, 10), weight as number);
    // THEN
    expect([range(sizes.stable), range(sizes.canary!)]).toEqual([stable, canary]);
  });
});

describe('splitTracks invariants over every combination', () => {
  const cases: Array<[boolean, number, number, Autoscaling | undefined]> = [];
  for (const kind of KINDS) {
    for (const weight of WEIGHTS) {
      for (const total of TOTALS) {
        for (const scaling of [undefined, ...AUTOSCALINGS]) {
          cases.push([kind, weight, total, scaling]);
        }
      }
    }
  }

  test(`hold for ${cases.length} combinations of kind, weight, total and autoscaling`, () => {
    expect(cases.length).toBe(2 * 7 * 6 * 6);
    for (const [kind, weight, total, scaling] of cases) {
      // GIVEN / WHEN
      const given = scaling === undefined ? undefined : { ...scaling };
      const sizes = splitTracks(kind, scaling === undefined ? total : 0, given, weight);
      const label = `${kind} weight ${weight} total ${total} autoscaling ${JSON.stringify(scaling && [scaling.minReplicas, scaling.maxReplicas])}`;
      const ratio = kind === RATIO;
      // A router's canary runs whenever it exists; the stable track always runs.
      const canaryRuns = weight > 0 || !ratio;
      const canary = sizes.canary!;
      // THEN
      expect({ label, hasCanary: canary !== undefined }).toEqual({ label, hasCanary: true });
      if (given === undefined) {
        // Fixed pods, never an autoscaler.
        expect({ label, autoscalers: [sizes.stable.autoscaling, canary.autoscaling] }).toEqual({ label, autoscalers: [undefined, undefined] });
        expect({ label, canaryRuns: canary.replicas > 0, stableRuns: sizes.stable.replicas > 0 })
          .toEqual({ label, canaryRuns, stableRuns: true });
        const share = (total * weight) / 100;
        if (ratio) {
          expect({ label, sum: sizes.stable.replicas + canary.replicas }).toEqual({ label, sum: total });
          expect({ label, withinOnePod: Math.abs(canary.replicas - share) <= 1 }).toEqual({ label, withinOnePod: true });
        } else {
          expect({ label, stable: sizes.stable.replicas }).toEqual({ label, stable: total });
          // Its share rounded up, and at least one pod.
          const atLeastShare = canary.replicas >= Math.max(1, share) && canary.replicas < Math.max(1, share) + 1;
          expect({ label, atLeastShare }).toEqual({ label, atLeastShare: true });
        }
      } else {
        // Autoscalers: none without a share, else min >= 1 and max > min, with the same metrics.
        expect({ label, given }).toEqual({ label, given: scaling });
        for (const [track, size, runs] of [['stable', sizes.stable, true], ['canary', canary, canaryRuns]] as const) {
          expect({ label, track, replicas: size.replicas, hasAutoscaler: size.autoscaling !== undefined })
            .toEqual({ label, track, replicas: 0, hasAutoscaler: runs });
          if (size.autoscaling !== undefined) {
            const { minReplicas, maxReplicas, metrics } = size.autoscaling;
            expect({ label, track, minAtLeastOne: minReplicas >= 1, maxAboveMin: maxReplicas > minReplicas, metrics })
              .toEqual({ label, track, minAtLeastOne: true, maxAboveMin: true, metrics: CPU });
            expect({ label, track, withinRange: minReplicas <= Math.max(1, given.minReplicas) && maxReplicas <= Math.max(2, given.maxReplicas) })
              .toEqual({ label, track, withinRange: true });
          }
        }
        if (!ratio) {
          expect({ label, stable: sizes.stable.autoscaling }).toEqual({ label, stable: given });
        }
      }
    }
  });
});
