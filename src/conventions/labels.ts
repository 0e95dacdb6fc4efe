/** The label keys this library writes on every object it emits. */
export class StandardLabel {
  /** The application name (`app.kubernetes.io/name`); part of every selector. */
  public static readonly NAME = 'app.kubernetes.io/name';
  /** The unique instance (`app.kubernetes.io/instance`); part of every selector. */
  public static readonly INSTANCE = 'app.kubernetes.io/instance';
  /** The version, from the image tag (`app.kubernetes.io/version`); never in a selector. */
  public static readonly VERSION = 'app.kubernetes.io/version';
  /** The role in the architecture, e.g. `web` (`app.kubernetes.io/component`). */
  public static readonly COMPONENT = 'app.kubernetes.io/component';
  /** The larger application this is part of (`app.kubernetes.io/part-of`). */
  public static readonly PART_OF = 'app.kubernetes.io/part-of';
  /** The track of a CanaryRelease (`stable` or `canary`); part of its tracks' selectors from the first synth. */
  public static readonly TRACK = 'track';
  /** The tool that manages the object (`app.kubernetes.io/managed-by`). */
  public static readonly MANAGED_BY = 'app.kubernetes.io/managed-by';
  /** The value of `app.kubernetes.io/managed-by` on every object of this library. */
  public static readonly MANAGER = 'cdk8s-golden';

  private constructor() {}
}

/** What the standard labels of one workload are made of. */
export interface LabelSource {
  /** The application name (`app.kubernetes.io/name`). */
  readonly name: string;
  /** The instance, when it differs from the name (the tracks of a CanaryRelease). */
  readonly instance?: string;
  /** The canary track, if any. */
  readonly track?: string;
  readonly version: string;
  readonly component: string;
  readonly partOf: string;
  /** Extra labels (team, cost centre…), written first, so the standard ones always win. */
  readonly extra: Record<string, string>;
}

/**
 * The selector labels of a workload: name and instance (plus the track of a canary release),
 * values that never change over the life of the workload (a Deployment selector is immutable).
 */
export function selectorLabels(name: string, instance: string = name, track?: string): Record<string, string> {
  const labels: Record<string, string> = { [StandardLabel.NAME]: name, [StandardLabel.INSTANCE]: instance };
  if (track !== undefined) {
    labels[StandardLabel.TRACK] = track;
  }
  return labels;
}

/** The full set of labels on every object of a workload. */
export function standardLabels(source: LabelSource): Record<string, string> {
  return {
    ...source.extra,
    ...selectorLabels(source.name, source.instance, source.track),
    [StandardLabel.VERSION]: source.version,
    [StandardLabel.COMPONENT]: source.component,
    [StandardLabel.PART_OF]: source.partOf,
    [StandardLabel.MANAGED_BY]: StandardLabel.MANAGER,
  };
}
