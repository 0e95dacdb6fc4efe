import { createHash } from 'crypto';
import { Size, SizeRoundingBehavior } from 'cdk8s';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { brand, isBranded } from '../private/brand';
import { checkPodLocalName, checkReferenceName } from '../private/checks';
import { fail } from '../private/errors';

/** Where an emptyDir volume keeps its files. */
export enum EmptyDirMedium {
  /** The node's disk: counts toward the pod's ephemeral storage. */
  DISK = 'Disk',
  /** A tmpfs in RAM: counts toward the memory of the containers that write to it. */
  MEMORY = 'Memory',
}

/** Options of a Secret or ConfigMap mounted as files. */
export interface FilesVolumeOptions {
  /**
   * The name of the volume in the pod spec, a DNS label.
   * @default - `secret-<secret name>` or `configmap-<ConfigMap name>` (dots replaced by `-`; a
   * name over 63 characters is cut and ends in a hash of the full name)
   */
  readonly name?: string;
  /**
   * Only these keys, each as a file at the given path relative to the mount path.
   * @default - every key, each as a file named after it
   */
  readonly items?: { [key: string]: string };
}

/** Options of a PersistentVolumeClaim volume. */
export interface PersistentVolumeClaimVolumeOptions {
  /**
   * The name of the volume in the pod spec, a DNS label.
   * @default - `pvc-<claim name>` (dots replaced by `-`; cut with a hash over 63 characters)
   */
  readonly name?: string;
  /**
   * The claim's access mode: `ReadWriteOnce`, `ReadWriteOncePod`, `ReadWriteMany` or
   * `ReadOnlyMany`. The construct cannot read the claim from the cluster, so it assumes a
   * single-writer claim unless told otherwise. A `ReadOnlyMany` claim is always mounted read-only.
   * @default 'ReadWriteOnce'
   */
  readonly accessMode?: string;
  /**
   * A written reason why a `ReadWriteOnce` claim may be mounted by a workload that can run more
   * than one pod at once (replicas, autoscaling or the rollout surge): for example, a node
   * affinity that keeps every pod on one node. It acknowledges the `pvc-single-writer` guardrail
   * rule on the workload object. A `ReadWriteOncePod` claim is never shared.
   * @default - such a mount is refused
   */
  readonly singleWriterAcknowledgement?: string;
}

/** Options of an emptyDir volume. */
export interface EmptyDirVolumeOptions {
  /**
   * The name of the volume in the pod spec, a DNS label.
   * @default - `scratch-<n>`, numbered in the order the pod's containers first mount them
   * (the app's volumes, then the sidecars', then the init containers')
   */
  readonly name?: string;
  /**
   * The most the volume may hold. A disk volume is drawn from the pod's ephemeral storage: the
   * disk emptyDirs and `/tmp` together must fit the pod's ephemeral-storage limit; a memory
   * volume must fit the pod's memory limit.
   * @default Size.mebibytes(64)
   */
  readonly sizeLimit?: Size;
  /**
   * Where the files are kept.
   * @default EmptyDirMedium.DISK
   */
  readonly medium?: EmptyDirMedium;
}

/** A volume mounted into a container. */
export interface VolumeMount {
  /** The volume. The same Volume mounted into several containers is one volume of the pod. */
  readonly volume: Volume;
  /**
   * Where the volume is mounted: an absolute path, not `/`, not over or under `/tmp`, the config
   * mount path, the API token's path or another mount of the same container.
   */
  readonly mountPath: string;
  /**
   * Mount the volume read-only. Secrets, ConfigMaps and ReadOnlyMany claims are always read-only
   * (`false` is refused).
   * @default - true for Secrets, ConfigMaps and ReadOnlyMany claims, else false
   */
  readonly readOnly?: boolean;
}

const ACCESS_MODES = ['ReadWriteOnce', 'ReadWriteOncePod', 'ReadWriteMany', 'ReadOnlyMany'];
const DEFAULT_SIZE_MIB = 64;

enum VolumeKind { SECRET = 'secret', CONFIG_MAP = 'configmap', CLAIM = 'pvc', EMPTY_DIR = 'emptyDir' }

/** A volume as the pod spec gets it, with what the core must check about it. */
export interface ResolvedVolume {
  /** The volume in the pod spec. */
  readonly spec: k8s.Volume;
  /** Mounts are always read-only (Secret, ConfigMap, ReadOnlyMany claim). */
  readonly readOnlyOnly: boolean;
  /** A single-writer claim: its access mode. */
  readonly singleWriter?: string;
  /** The written reason that acknowledges sharing a ReadWriteOnce claim. */
  readonly singleWriterAcknowledgement?: string;
  /** An emptyDir: its size in MiB, and whether it lives in memory. */
  readonly emptyDir?: { readonly mebibytes: number; readonly memory: boolean };
  /** How messages name the volume, such as `Secret 'db-tls'`. */
  readonly description: string;
}

/**
 * A volume of the pod: a Secret or ConfigMap as files (always read-only), a
 * PersistentVolumeClaim, or a scratch emptyDir. Mount it with `{ volume, mountPath }` in the
 * `volumes` of the workload (the app container) or of a sidecar or init container.
 */
export class Volume {
  /** Whether `x` is a Volume, from any installed copy of this library. */
  public static isVolume(x: any): x is Volume {
    return isBranded(x, 'Volume');
  }

  /** The keys of a Secret as files, read-only. */
  public static fromSecret(secretName: string, options: FilesVolumeOptions = {}): Volume {
    return new Volume(VolumeKind.SECRET, secretName, options);
  }

  /** The keys of a ConfigMap as files, read-only. */
  public static fromConfigMap(configMapName: string, options: FilesVolumeOptions = {}): Volume {
    return new Volume(VolumeKind.CONFIG_MAP, configMapName, options);
  }

  /**
   * An existing PersistentVolumeClaim. A single-writer claim (the default assumption) is refused
   * on a workload that can run more than one pod at once, unless acknowledged.
   */
  public static fromPersistentVolumeClaim(claimName: string, options: PersistentVolumeClaimVolumeOptions = {}): Volume {
    return new Volume(VolumeKind.CLAIM, claimName, options);
  }

  /** A scratch directory that lives as long as the pod, shared by the containers that mount it. */
  public static emptyDir(options: EmptyDirVolumeOptions = {}): Volume {
    return new Volume(VolumeKind.EMPTY_DIR, undefined, options);
  }

  private constructor(
    private readonly kind: VolumeKind,
    private readonly sourceName: string | undefined,
    private readonly options: FilesVolumeOptions & PersistentVolumeClaimVolumeOptions & EmptyDirVolumeOptions,
  ) {
    brand(this, 'Volume');
  }

  /** The name the volume gets when its options give none; undefined for an emptyDir (numbered by the pod). */
  private get derivedName(): string | undefined {
    return this.sourceName === undefined || typeof this.sourceName !== 'string' ? undefined : volumeName(`${this.kind}-${this.sourceName}`);
  }

  /**
   * The volume's pod spec entry, checked at the construct that mounts it.
   * @param fallbackName the name of an emptyDir without one
   * @internal
   */
  public _resolve(scope: IConstruct, field: string, fallbackName: string): ResolvedVolume {
    const o = this.options ?? {};
    if (o === null || typeof o !== 'object') {
      fail(scope, `${field}.options`, 'must be an object', o, 'pass the options as an object, or leave them out');
    }
    const name = o.name === undefined ? this.derivedName ?? fallbackName : checkPodLocalName(scope, `${field}.name`, o.name, 'scratch');
    switch (this.kind) {
      case VolumeKind.SECRET:
      case VolumeKind.CONFIG_MAP: {
        const isSecret = this.kind === VolumeKind.SECRET;
        const source = checkReferenceName(scope, `${field}.${isSecret ? 'secretName' : 'configMapName'}`, this.sourceName);
        const items = o.items === undefined ? undefined : checkItems(scope, `${field}.items`, o.items);
        return {
          spec: isSecret ? { name, secret: { secretName: source, items } } : { name, configMap: { name: source, items } },
          readOnlyOnly: true,
          description: `${isSecret ? 'Secret' : 'ConfigMap'} '${source}'`,
        };
      }
      case VolumeKind.CLAIM: {
        const claimName = checkReferenceName(scope, `${field}.claimName`, this.sourceName);
        const accessMode = o.accessMode ?? 'ReadWriteOnce';
        if (!ACCESS_MODES.includes(accessMode)) {
          fail(scope, `${field}.accessMode`, 'must be a PersistentVolumeClaim access mode', accessMode, `use ${ACCESS_MODES.map((m) => `'${m}'`).join(', ')}`);
        }
        const ack = o.singleWriterAcknowledgement;
        if (ack !== undefined && (typeof ack !== 'string' || ack.trim().length === 0)) {
          fail(scope, `${field}.singleWriterAcknowledgement`, 'must be a written reason', ack, 'write why several pods may share the claim, or leave it out');
        }
        const readOnlyOnly = accessMode === 'ReadOnlyMany';
        return {
          spec: { name, persistentVolumeClaim: { claimName, readOnly: readOnlyOnly ? true : undefined } },
          readOnlyOnly,
          singleWriter: accessMode === 'ReadWriteOnce' || accessMode === 'ReadWriteOncePod' ? accessMode : undefined,
          singleWriterAcknowledgement: ack,
          description: `PersistentVolumeClaim ${claimName} (${accessMode})`,
        };
      }
      default: {
        const size = o.sizeLimit;
        const mebibytes = size === undefined ? DEFAULT_SIZE_MIB
          : size instanceof Size ? size.toMebibytes({ rounding: SizeRoundingBehavior.NONE }) : NaN;
        if (!Number.isSafeInteger(mebibytes) || mebibytes < 1) {
          fail(scope, `${field}.sizeLimit`, 'must be a whole number of MiB, at least 1', size instanceof Size ? `${mebibytes}Mi` : size, 'use Size.mebibytes(n) or Size.gibibytes(n)');
        }
        const medium = o.medium ?? EmptyDirMedium.DISK;
        if (medium !== EmptyDirMedium.DISK && medium !== EmptyDirMedium.MEMORY) {
          fail(scope, `${field}.medium`, 'must be an EmptyDirMedium', medium, 'use EmptyDirMedium.DISK or EmptyDirMedium.MEMORY');
        }
        const memory = medium === EmptyDirMedium.MEMORY;
        return {
          spec: { name, emptyDir: { medium: memory ? 'Memory' : undefined, sizeLimit: k8s.Quantity.fromString(`${mebibytes}Mi`) } },
          readOnlyOnly: false,
          emptyDir: { mebibytes, memory },
          description: `emptyDir '${name}'`,
        };
      }
    }
  }

  /**
   * Whether the volume's name is numbered by the pod (an emptyDir without a name).
   * @internal
   */
  public get _numbered(): boolean {
    return this.kind === VolumeKind.EMPTY_DIR && this.options?.name === undefined;
  }
}

/** A DNS label from a kind and an object name: dots become `-`; over 63 characters, cut and ended with a hash. */
function volumeName(text: string): string {
  const label = text.toLowerCase().replace(/[^a-z0-9-]/g, '-');
  if (label.length <= 63) {
    return label;
  }
  const hash = createHash('sha256').update(text).digest('hex').slice(0, 8);
  return `${label.slice(0, 54).replace(/-+$/, '')}-${hash}`;
}

function checkItems(scope: IConstruct, field: string, items: unknown): k8s.KeyToPath[] {
  if (items === null || typeof items !== 'object' || Array.isArray(items) || Object.keys(items).length === 0) {
    fail(scope, field, 'must map keys to file paths', items, "pass { 'tls.crt': 'tls.crt' }, or leave it out for every key");
  }
  return Object.entries(items as Record<string, unknown>).map(([key, path]) => {
    if (!/^[-._a-zA-Z0-9]+$/.test(key)) {
      fail(scope, `${field}.${key}`, 'must be a key of the object', key, "use letters, digits, '-', '_' and '.'");
    }
    if (typeof path !== 'string' || path.length === 0 || path.startsWith('/') || path.split('/').includes('..') || /\s/.test(path)) {
      fail(scope, `${field}.${key}`, 'must be a relative file path without \'..\'', path, "use a path such as 'tls.crt' or 'certs/tls.crt'");
    }
    return { key, path };
  });
}
