import { Manifest, isPlainObject, objectAt } from './manifest';
import { ContainerRef, PodTemplate } from './pod-template';

/** The probes a container can declare. */
export const PROBE_FIELDS = ['livenessProbe', 'readinessProbe', 'startupProbe'] as const;

/** The quantity at `resources.<section>.<resource>`, undefined when unset. */
export function resourceQuantity(ref: ContainerRef, section: 'requests' | 'limits', resource: string): unknown {
  const value = objectAt(objectAt(ref.container.resources)[section])[resource];
  return value === null ? undefined : value;
}

/** True for a quantity that is zero (0, '0', '0m', '0Mi', '0.0'). */
export function isZeroQuantity(value: unknown): boolean {
  if (typeof value === 'number') {
    return value === 0;
  }
  const match = typeof value === 'string' ? /^\s*[+-]?(\d+\.?\d*|\.\d+)/.exec(value) : null;
  return match !== null && Number(match[1]) === 0;
}

/** The containers resources apply to: regular and init containers (ephemeral ones cannot have any). */
export function resourcedContainers(template: PodTemplate | undefined): ReadonlyArray<ContainerRef> {
  return (template?.containers ?? []).filter((ref) => ref.type !== 'ephemeralContainer');
}

/** The probe handler (httpGet, tcpSocket, grpc or exec) of a probe or lifecycle hook, with its kind. */
export function handlerOf(probe: unknown): { readonly kind: string; readonly handler: Manifest } | undefined {
  if (!isPlainObject(probe)) {
    return undefined;
  }
  for (const kind of ['httpGet', 'tcpSocket', 'grpc', 'exec', 'sleep']) {
    if (isPlainObject(probe[kind])) {
      return { kind, handler: probe[kind] };
    }
  }
  return undefined;
}

/** How a message names a workload: `Deployment web`. */
export function describeObject(object: Manifest): string {
  return `${object.kind} ${objectAt(object.metadata).name ?? '(unnamed)'}`;
}
