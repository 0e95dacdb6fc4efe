import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu, k8s } from 'cdk8s-plus-30';
import { IConstruct } from 'constructs';
import { fail } from '../private/errors';

/** The sizes of a custom resource preset. */
export interface ResourcePresetProps {
  /** CPU the scheduler reserves for the container. */
  readonly cpuRequest: Cpu;
  /**
   * CPU the container may use at most.
   * @default - four times the request
   */
  readonly cpuLimit?: Cpu;
  /** Memory, used as both request and limit: a container never counts on memory it may not get. */
  readonly memory: Size;
  /**
   * Local scratch space (logs, emptyDir, writable layer) reserved for the container.
   * @default Size.mebibytes(128)
   */
  readonly ephemeralStorageRequest?: Size;
  /**
   * Local scratch space the container may use before it is evicted.
   * @default - twice the request
   */
  readonly ephemeralStorageLimit?: Size;
}

/**
 * Container resources: every preset sets cpu, memory and ephemeral-storage requests and limits,
 * with the memory limit equal to the request.
 */
export class ResourcePreset {
  /** 50m CPU (limit 250m), 128Mi memory, 128Mi scratch (limit 256Mi): sidecars, tiny services. */
  public static readonly XSMALL = new ResourcePreset('XSMALL', 50, 250, 128, 128, 256);
  /** 100m CPU (limit 1), 256Mi memory, 128Mi scratch (limit 256Mi): the default. */
  public static readonly SMALL = new ResourcePreset('SMALL', 100, 1000, 256, 128, 256);
  /** 250m CPU (limit 2), 512Mi memory, 256Mi scratch (limit 512Mi). */
  public static readonly MEDIUM = new ResourcePreset('MEDIUM', 250, 2000, 512, 256, 512);
  /** 1 CPU (limit 4), 2Gi memory, 512Mi scratch (limit 1Gi). */
  public static readonly LARGE = new ResourcePreset('LARGE', 1000, 4000, 2048, 512, 1024);

  /** A preset of your own sizes. */
  public static custom(props: ResourcePresetProps): ResourcePreset {
    const cpuRequest = cpuMillis(props.cpuRequest);
    const cpuLimit = props.cpuLimit === undefined ? (cpuRequest ?? 0) * 4 : cpuMillis(props.cpuLimit);
    const memory = mebibytes(props.memory);
    const storageRequest = props.ephemeralStorageRequest === undefined ? 128 : mebibytes(props.ephemeralStorageRequest);
    const storageLimit = props.ephemeralStorageLimit === undefined ? (storageRequest ?? 0) * 2 : mebibytes(props.ephemeralStorageLimit);
    return new ResourcePreset('custom', cpuRequest, cpuLimit, memory, storageRequest, storageLimit);
  }

  private constructor(
    /** The preset's name, `custom` for one built with `custom()`. */
    public readonly name: string,
    private readonly cpuRequestMillis: number | undefined,
    private readonly cpuLimitMillis: number | undefined,
    private readonly memoryMebibytes: number | undefined,
    private readonly storageRequestMebibytes: number | undefined,
    private readonly storageLimitMebibytes: number | undefined,
  ) {}

  /**
   * The container resources, checked at the construct that uses them.
   * @internal
   */
  public _toResources(scope: IConstruct, field: string): k8s.ResourceRequirements {
    const positive = (what: string, value: number | undefined, unit: string) => {
      if (value === undefined || !Number.isFinite(value) || value <= 0) {
        fail(scope, `${field}.${what}`, 'must be a positive quantity', value === undefined ? value : `${value}${unit}`,
          `use ${unit === 'm' ? 'Cpu.millis(n) or Cpu.units(n)' : 'Size.mebibytes(n) or Size.gibibytes(n)'} with n > 0 in a whole number of ${unit === 'm' ? 'millicores' : 'MiB'}`);
      }
      return value;
    };
    const cpuRequest = positive('cpuRequest', this.cpuRequestMillis, 'm');
    const cpuLimit = positive('cpuLimit', this.cpuLimitMillis, 'm');
    const memory = positive('memory', this.memoryMebibytes, 'Mi');
    const storageRequest = positive('ephemeralStorageRequest', this.storageRequestMebibytes, 'Mi');
    const storageLimit = positive('ephemeralStorageLimit', this.storageLimitMebibytes, 'Mi');
    if (cpuLimit < cpuRequest) {
      fail(scope, `${field}.cpuLimit`, `must not be below the request (${cpuRequest}m)`, `${cpuLimit}m`, 'raise the limit or lower the request');
    }
    if (storageLimit < storageRequest) {
      fail(scope, `${field}.ephemeralStorageLimit`, `must not be below the request (${storageRequest}Mi)`, `${storageLimit}Mi`, 'raise the limit or lower the request');
    }
    const q = k8s.Quantity.fromString;
    return {
      requests: { 'cpu': q(cpuText(cpuRequest)), 'memory': q(`${memory}Mi`), 'ephemeral-storage': q(`${storageRequest}Mi`) },
      limits: { 'cpu': q(cpuText(cpuLimit)), 'memory': q(`${memory}Mi`), 'ephemeral-storage': q(`${storageLimit}Mi`) },
    };
  }
}

/** `1000` → `"1"`, `250` → `"250m"`: the form `kubectl` shows. */
function cpuText(millis: number): string {
  return millis % 1000 === 0 ? `${millis / 1000}` : `${millis}m`;
}

/** Millicores of a Cpu, or undefined when it is not a whole number of millicores. */
function cpuMillis(cpu: Cpu | undefined): number | undefined {
  const amount = cpu?.amount;
  if (typeof amount !== 'string') {
    return undefined;
  }
  const millis = amount.endsWith('m') ? Number(amount.slice(0, -1)) : Number(amount) * 1000;
  return Number.isInteger(millis) ? millis : undefined;
}

/** Whole MiB of a Size, or undefined when it is not one. */
function mebibytes(size: Size | undefined): number | undefined {
  if (!(size instanceof Size)) {
    return undefined;
  }
  const value = size.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  return Number.isInteger(value) ? value : undefined;
}
