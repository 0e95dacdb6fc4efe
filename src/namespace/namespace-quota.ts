import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
import { checkInteger } from '../private/checks';
import { fail } from '../private/errors';

/** The sizes of a custom namespace quota. */
export interface NamespaceQuotaProps {
  /** CPU requests of all pods together. */
  readonly cpuRequests: Cpu;
  /**
   * CPU limits of all pods together (not enforced when the platform turns CPU limits off).
   * @default - four times `cpuRequests`
   */
  readonly cpuLimits?: Cpu;
  /** Memory of all pods together (requests and limits: golden workloads set them equal). */
  readonly memory: Size;
  /**
   * Ephemeral-storage requests of all pods together.
   * @default - the memory size
   */
  readonly ephemeralStorageRequests?: Size;
  /**
   * Ephemeral-storage limits of all pods together.
   * @default - twice the requests
   */
  readonly ephemeralStorageLimits?: Size;
  /** The number of pods. */
  readonly pods: number;
  /**
   * The number of Services.
   * @default - half the number of pods
   */
  readonly services?: number;
}

/** The numbers of a quota, in millicores, MiB and counts. */
export interface QuotaNumbers {
  readonly cpuRequests: number;
  readonly cpuLimits: number;
  readonly memory: number;
  readonly ephemeralStorageRequests: number;
  readonly ephemeralStorageLimits: number;
  readonly pods: number;
  readonly services: number;
}

/** What a namespace may use in all: a ResourceQuota. */
export class NamespaceQuota {
  /** 2 CPUs requested (8 limit), 4Gi memory, 4Gi scratch (8Gi limit), 20 pods, 10 Services. */
  public static readonly SMALL = new NamespaceQuota('SMALL', () => ({
    cpuRequests: 2000, cpuLimits: 8000, memory: 4096, ephemeralStorageRequests: 4096, ephemeralStorageLimits: 8192, pods: 20, services: 10,
  }));
  /** 8 CPUs requested (32 limit), 16Gi memory, 16Gi scratch (32Gi limit), 60 pods, 30 Services: the default. */
  public static readonly MEDIUM = new NamespaceQuota('MEDIUM', () => ({
    cpuRequests: 8000, cpuLimits: 32000, memory: 16384, ephemeralStorageRequests: 16384, ephemeralStorageLimits: 32768, pods: 60, services: 30,
  }));
  /** 32 CPUs requested (128 limit), 64Gi memory, 64Gi scratch (128Gi limit), 200 pods, 100 Services. */
  public static readonly LARGE = new NamespaceQuota('LARGE', () => ({
    cpuRequests: 32000, cpuLimits: 128000, memory: 65536, ephemeralStorageRequests: 65536, ephemeralStorageLimits: 131072, pods: 200, services: 100,
  }));

  /** Whether `x` is a NamespaceQuota, from any installed copy of this library. */
  public static isNamespaceQuota(x: any): x is NamespaceQuota {
    return isBranded(x, 'NamespaceQuota');
  }

  /** A quota of your own sizes. */
  public static custom(props: NamespaceQuotaProps): NamespaceQuota {
    return new NamespaceQuota('custom', (scope, field) => {
      if (props === null || typeof props !== 'object') {
        fail(scope, field, 'must be quota sizes', props, 'pass { cpuRequests, memory, pods }');
      }
      const cpuRequests = millicores(scope, `${field}.cpuRequests`, props.cpuRequests);
      const memory = mebibytes(scope, `${field}.memory`, props.memory);
      const ephemeralStorageRequests = props.ephemeralStorageRequests === undefined ? memory : mebibytes(scope, `${field}.ephemeralStorageRequests`, props.ephemeralStorageRequests);
      const pods = checkInteger(scope, `${field}.pods`, props.pods, 1, 100000);
      const cpuLimits = props.cpuLimits === undefined ? cpuRequests * 4 : millicores(scope, `${field}.cpuLimits`, props.cpuLimits);
      if (cpuLimits < cpuRequests) {
        fail(scope, `${field}.cpuLimits`, `must not be below cpuRequests (${cpuRequests}m)`, `${cpuLimits}m`, 'raise the limit or lower the requests');
      }
      const ephemeralStorageLimits = props.ephemeralStorageLimits === undefined ? ephemeralStorageRequests * 2
        : mebibytes(scope, `${field}.ephemeralStorageLimits`, props.ephemeralStorageLimits);
      if (ephemeralStorageLimits < ephemeralStorageRequests) {
        fail(scope, `${field}.ephemeralStorageLimits`, `must not be below ephemeralStorageRequests (${ephemeralStorageRequests}Mi)`,
          `${ephemeralStorageLimits}Mi`, 'raise the limit or lower the requests');
      }
      return {
        cpuRequests,
        cpuLimits,
        memory,
        ephemeralStorageRequests,
        ephemeralStorageLimits,
        pods,
        services: props.services === undefined ? Math.max(1, Math.floor(pods / 2)) : checkInteger(scope, `${field}.services`, props.services, 0, 100000),
      };
    });
  }

  private constructor(
    /** The preset's name, `custom` for one built with `custom()`. */
    public readonly name: string,
    private readonly resolve: (scope: IConstruct, field: string) => QuotaNumbers,
  ) {
    brand(this, 'NamespaceQuota');
  }

  /**
   * The quota's numbers, checked at the construct that uses them.
   * @internal
   */
  public _numbers(scope: IConstruct, field: string): QuotaNumbers {
    return this.resolve(scope, field);
  }
}

function millicores(scope: IConstruct, field: string, cpu: unknown): number {
  const amount = cpu instanceof Cpu ? cpu.amount : undefined;
  const match = amount === undefined ? null : /^([0-9]+)m$|^([0-9]+)(?:\.([0-9]{1,3}))?$/.exec(amount);
  const value = match === null ? NaN : match[1] !== undefined ? Number(match[1]) : Number(match[2]) * 1000 + Number((match[3] ?? '').padEnd(3, '0'));
  if (!(value > 0)) {
    fail(scope, field, 'must be a positive whole number of millicores', amount ?? cpu, 'use Cpu.units(n) or Cpu.millis(n) with n > 0');
  }
  return value;
}

function mebibytes(scope: IConstruct, field: string, size: unknown): number {
  const value = size instanceof Size ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : NaN;
  if (!(Number.isSafeInteger(value) && value > 0)) {
    fail(scope, field, 'must be a positive whole number of MiB', size instanceof Size ? `${value}Mi` : size, 'use Size.gibibytes(n) or Size.mebibytes(n) with n > 0');
  }
  return value;
}
