import { Size, SizeRoundingBehavior } from 'cdk8s';
import { Cpu } from 'cdk8s-plus-30/lib/container';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
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
  public static readonly XSMALL = ResourcePreset.fixed('XSMALL', 50, 250, 128, 128, 256);
  /** 100m CPU (limit 1), 256Mi memory, 128Mi scratch (limit 256Mi): the default. */
  public static readonly SMALL = ResourcePreset.fixed('SMALL', 100, 1000, 256, 128, 256);
  /** 250m CPU (limit 2), 512Mi memory, 256Mi scratch (limit 512Mi). */
  public static readonly MEDIUM = ResourcePreset.fixed('MEDIUM', 250, 2000, 512, 256, 512);
  /** 1 CPU (limit 4), 2Gi memory, 512Mi scratch (limit 1Gi). */
  public static readonly LARGE = ResourcePreset.fixed('LARGE', 1000, 4000, 2048, 512, 1024);

  /** Whether `x` is a ResourcePreset, from any installed copy of this library. */
  public static isResourcePreset(x: any): x is ResourcePreset {
    return isBranded(x, 'ResourcePreset');
  }

  /** A preset of your own sizes. */
  public static custom(props: ResourcePresetProps): ResourcePreset {
    const cpuRequest = cpuAmount(props?.cpuRequest);
    const cpuLimit = props?.cpuLimit === undefined ? derived(cpuRequest, 4, 'm') : cpuAmount(props.cpuLimit);
    const memory = sizeAmount(props?.memory);
    const storageRequest = props?.ephemeralStorageRequest === undefined ? fixedAmount(128, 'Mi') : sizeAmount(props.ephemeralStorageRequest);
    const storageLimit = props?.ephemeralStorageLimit === undefined ? derived(storageRequest, 2, 'Mi') : sizeAmount(props.ephemeralStorageLimit);
    return new ResourcePreset('custom', cpuRequest, cpuLimit, memory, storageRequest, storageLimit);
  }

  private static fixed(name: string, cpuRequest: number, cpuLimit: number, memory: number,
    storageRequest: number, storageLimit: number): ResourcePreset {
    return new ResourcePreset(name, fixedAmount(cpuRequest, 'm'), fixedAmount(cpuLimit, 'm'), fixedAmount(memory, 'Mi'),
      fixedAmount(storageRequest, 'Mi'), fixedAmount(storageLimit, 'Mi'));
  }

  private constructor(
    /** The preset's name, `custom` for one built with `custom()`. */
    public readonly name: string,
    private readonly cpuRequest: Amount,
    private readonly cpuLimit: Amount,
    private readonly memory: Amount,
    private readonly storageRequest: Amount,
    private readonly storageLimit: Amount,
  ) {
    brand(this, 'ResourcePreset');
  }

  /**
   * The container resources, checked at the construct that uses them.
   * @internal
   */
  public _toResources(scope: IConstruct, field: string, cpuLimits = true): k8s.ResourceRequirements {
    const { cpuRequest, cpuLimit, memory, storageRequest, storageLimit } = this._values(scope, field);
    const q = k8s.Quantity.fromString;
    return {
      requests: { 'cpu': q(cpuText(cpuRequest)), 'memory': q(`${memory}Mi`), 'ephemeral-storage': q(`${storageRequest}Mi`) },
      limits: { 'cpu': cpuLimits ? q(cpuText(cpuLimit)) : undefined, 'memory': q(`${memory}Mi`), 'ephemeral-storage': q(`${storageLimit}Mi`) } as { [key: string]: k8s.Quantity },
    };
  }

  /**
   * The checked numbers: millicores and MiB.
   * @internal
   */
  public _values(scope: IConstruct, field: string): ResourceValues {
    const positive = (what: string, amount: Amount, unit: string) => {
      if (amount.value === undefined || !Number.isFinite(amount.value) || amount.value <= 0) {
        fail(scope, `${field}.${what}`, `must be a positive whole number of ${unit === 'm' ? 'millicores' : 'MiB'}`, amount.shown,
          `use ${unit === 'm' ? 'Cpu.millis(n) or Cpu.units(n)' : 'Size.mebibytes(n) or Size.gibibytes(n)'} with n > 0`);
      }
      return amount.value;
    };
    const cpuRequest = positive('cpuRequest', this.cpuRequest, 'm');
    const cpuLimit = positive('cpuLimit', this.cpuLimit, 'm');
    const memory = positive('memory', this.memory, 'Mi');
    const storageRequest = positive('ephemeralStorageRequest', this.storageRequest, 'Mi');
    const storageLimit = positive('ephemeralStorageLimit', this.storageLimit, 'Mi');
    if (cpuLimit < cpuRequest) {
      fail(scope, `${field}.cpuLimit`, `must not be below the request (${cpuText(cpuRequest)})`, cpuText(cpuLimit), 'raise the limit or lower the request');
    }
    if (storageLimit < storageRequest) {
      fail(scope, `${field}.ephemeralStorageLimit`, `must not be below the request (${storageRequest}Mi)`, `${storageLimit}Mi`, 'raise the limit or lower the request');
    }
    return { cpuRequest, cpuLimit, memory, storageRequest, storageLimit };
  }
}

/** The numbers of a preset: millicores and MiB. */
export interface ResourceValues {
  readonly cpuRequest: number;
  readonly cpuLimit: number;
  readonly memory: number;
  readonly storageRequest: number;
  readonly storageLimit: number;
}

/** A quantity in the preset's unit (millicores or MiB), and how the caller wrote it, for errors. */
interface Amount {
  readonly value?: number;
  readonly shown: unknown;
}

function fixedAmount(value: number, unit: string): Amount {
  return { value, shown: `${value}${unit}` };
}

function derived(base: Amount, factor: number, unit: string): Amount {
  return base.value === undefined ? base : fixedAmount(base.value * factor, unit);
}

function cpuAmount(cpu: unknown): Amount {
  return { value: cpuMillis(cpu), shown: cpu instanceof Cpu ? cpu.amount : cpu };
}

function sizeAmount(size: unknown): Amount {
  return { value: mebibytes(size), shown: size instanceof Size ? `${size.toMebibytes({ rounding: SizeRoundingBehavior.NONE })}Mi` : size };
}

/** `1000` → `"1"`, `250` → `"250m"`: the form `kubectl` shows. */
function cpuText(millis: number): string {
  return millis % 1000 === 0 ? `${millis / 1000}` : `${millis}m`;
}

/** Millicores of a Cpu, or undefined when it is not a whole number of millicores. */
function cpuMillis(cpu: unknown): number | undefined {
  const amount = cpu instanceof Cpu ? cpu.amount : undefined;
  if (typeof amount !== 'string') {
    return undefined;
  }
  if (amount.endsWith('m')) {
    const millis = Number(amount.slice(0, -1));
    return Number.isInteger(millis) ? millis : undefined;
  }
  // Decimal cores: read the digits, not the float (`2.01` * 1000 is 2009.9999999999998).
  const match = /^([0-9]+)(?:\.([0-9]{1,3}))?$/.exec(amount);
  return match ? Number(match[1]) * 1000 + Number((match[2] ?? '').padEnd(3, '0')) : undefined;
}

/** Whole MiB of a Size, or undefined when it is not one. */
function mebibytes(size: unknown): number | undefined {
  if (!(size instanceof Size)) {
    return undefined;
  }
  const value = size.toMebibytes({ rounding: SizeRoundingBehavior.NONE });
  // Beyond 2^53 numbers print in exponent form ('1e+21Mi'), which is no Kubernetes quantity.
  return Number.isSafeInteger(value) ? value : undefined;
}
