import { posix } from 'path';
import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { ResolvedVolume, Volume } from './volume';
import { acknowledgementKey } from '../conventions/acknowledgements';
import { RuleId } from '../conventions/rule-ids';
import { fail } from '../private/errors';

/** A volume of the pod and where it was first mounted (for messages). */
interface PodVolume extends ResolvedVolume {
  readonly field: string;
  readonly json: string;
}

/** A mount of a container, as checked. */
export interface CheckedMount {
  readonly field: string;
  readonly mountPath: string;
}

/**
 * The volumes the pod's containers mount: one pod volume per name (the same Volume, or an equal
 * one, mounted into several containers is one volume; two different volumes of one name are
 * refused), names that never clash with the core's own volumes, mount paths checked per
 * container, and single-writer claims only where one pod at a time runs.
 */
export class PodVolumes {
  /** The pod's volumes, in the order they were first mounted. */
  public readonly volumes: k8s.Volume[] = [];
  /** Acknowledgements the mounts need (a shared ReadWriteOnce claim). */
  public readonly acknowledgements: Record<string, string> = {};
  private readonly byName = new Map<string, PodVolume>();
  private readonly numbered = new Map<Volume, string>();

  /**
   * @param owner the construct errors name
   * @param reservedNames the names of the core's volumes
   * @param maxPods the most pods of the workload that run at once (with the rollout surge)
   */
  constructor(private readonly owner: IConstruct, private readonly reservedNames: string[], private readonly maxPods: number) {}

  /** The emptyDirs of the pod, with the field of their first mount. */
  public get emptyDirs(): Array<{ field: string; mebibytes: number; memory: boolean }> {
    return [...this.byName.values()].filter((v) => v.emptyDir !== undefined).map((v) => ({ field: v.field, ...v.emptyDir! }));
  }

  /**
   * Checks one container's `volumes` prop and returns its mounts.
   * @param field the prop, such as `volumes` or `sidecars[0].volumes`
   * @param taken the paths the container already mounts (`/tmp`, the config, the API token)
   */
  public mount(field: string, mounts: unknown, taken: CheckedMount[]): k8s.VolumeMount[] {
    const { owner } = this;
    if (mounts === undefined) {
      return [];
    }
    if (!Array.isArray(mounts)) {
      fail(owner, field, 'must be a list of volume mounts', mounts, "pass [{ volume: Volume.fromSecret('name'), mountPath: '/secrets' }]");
    }
    const paths = [...taken];
    const seen = new Set<string>();
    return mounts.map((m, i) => {
      const at = `${field}[${i}]`;
      if (m === null || typeof m !== 'object' || !Volume.isVolume(m.volume)) {
        fail(owner, at, 'must be { volume, mountPath } with a Volume', m === null || typeof m !== 'object' ? m : m.volume,
          "use { volume: Volume.fromSecret('name'), mountPath: '/secrets' } (or Volume.fromConfigMap, Volume.fromPersistentVolumeClaim, Volume.emptyDir)");
      }
      const volume = this.add(`${at}.volume`, m.volume);
      const mountPath = checkMountPath(owner, `${at}.mountPath`, m.mountPath);
      for (const other of paths) {
        if (overlaps(mountPath, other.mountPath)) {
          fail(owner, `${at}.mountPath`, `overlaps ${other.field} (${other.mountPath}) in the same container`, m.mountPath, 'mount each volume at a path of its own, outside the others');
        }
      }
      paths.push({ field: `${at}.mountPath`, mountPath });
      const name = volume.spec.name;
      if (seen.has(name)) {
        fail(owner, `${at}.volume`, 'is mounted twice into the same container', name, 'mount it once (use items to pick files), or use two volumes');
      }
      seen.add(name);
      if (m.readOnly !== undefined && typeof m.readOnly !== 'boolean') {
        fail(owner, `${at}.readOnly`, 'must be true or false', m.readOnly, 'pass a boolean, or leave it out');
      }
      if (volume.readOnlyOnly && m.readOnly === false) {
        fail(owner, `${at}.readOnly`, `cannot be false: ${volume.description} is always mounted read-only`, false, 'leave readOnly out');
      }
      return { name, mountPath, readOnly: volume.readOnlyOnly || m.readOnly === true ? true : undefined };
    });
  }

  /** Adds the volume to the pod, once per name. */
  private add(field: string, volume: Volume): PodVolume {
    const { owner } = this;
    const fallback = this.numbered.get(volume) ?? `scratch-${this.numbered.size + 1}`;
    const resolved = volume._resolve(owner, field, fallback);
    const name = resolved.spec.name;
    if (this.reservedNames.includes(name)) {
      fail(owner, `${field}.name`, `is the name of a volume the workload makes (${this.reservedNames.join(', ')})`, name, 'give the volume another name');
    }
    if (volume._numbered && !this.numbered.has(volume)) {
      this.numbered.set(volume, name);
    }
    const json = JSON.stringify(resolved.spec);
    const existing = this.byName.get(name);
    if (existing !== undefined) {
      if (existing.json !== json) {
        fail(owner, `${field}.name`, `names another volume than ${existing.field} (${existing.description})`, name, 'give one of the two volumes another name');
      }
      return existing;
    }
    if (resolved.singleWriter !== undefined && this.maxPods > 1) {
      const pods = `up to ${this.maxPods} pods of the workload run at once (replicas, autoscaling or the rollout surge)`;
      if (resolved.singleWriter === 'ReadWriteOncePod') {
        fail(owner, field, `mounts a ReadWriteOncePod claim, which only one pod can mount, but ${pods}`, resolved.description,
          'use a ReadWriteMany claim, or a StatefulService (a claim per pod)');
      }
      if (resolved.singleWriterAcknowledgement === undefined) {
        fail(owner, field, `mounts a single-writer claim, which attaches to one node, but ${pods}: a pod on another node never starts`, resolved.description,
          "use a ReadWriteMany claim (accessMode: 'ReadWriteMany'), a StatefulService (a claim per pod), or give singleWriterAcknowledgement with the reason the pods share a node");
      }
      // One annotation per object: the reasons of several claims, each once, in mount order.
      const key = acknowledgementKey(RuleId.PVC_SINGLE_WRITER);
      const reasons = this.acknowledgements[key] === undefined ? [] : this.acknowledgements[key].split('; ');
      if (!reasons.includes(resolved.singleWriterAcknowledgement)) {
        this.acknowledgements[key] = [...reasons, resolved.singleWriterAcknowledgement].join('; ');
      }
    }
    const entry: PodVolume = { ...resolved, field, json };
    this.byName.set(name, entry);
    this.volumes.push(resolved.spec);
    return entry;
  }
}

/** A mount path: absolute, normalised, without `..` or spaces, not `/`. */
export function checkMountPath(owner: IConstruct, field: string, value: unknown): string {
  const fix = "use an absolute path such as '/secrets/db'";
  if (typeof value !== 'string' || !/^\/[^\s]*$/.test(value) || value.split('/').includes('..')) {
    fail(owner, field, 'must be an absolute path without spaces or \'..\'', value, fix);
  }
  const normalised = posix.normalize(value).replace(/\/+$/, '') || '/';
  if (normalised === '/') {
    fail(owner, field, 'must not be the root directory', value, fix);
  }
  return normalised;
}

/** Whether one path is the other or lies under it. */
function overlaps(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);
}
