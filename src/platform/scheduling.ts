import * as k8s from 'cdk8s-plus-30/lib/imports/k8s';
import { IConstruct } from 'constructs';
import { checkLabels, checkReferenceName, isQualifiedName } from '../private/checks';
import { fail } from '../private/errors';

/** The PriorityClasses of the cluster's own components (node agents, DNS, the control plane). */
export const SYSTEM_PRIORITY_CLASSES: ReadonlyArray<string> = ['system-node-critical', 'system-cluster-critical'];

const TOLERATION_OPERATORS: ReadonlyArray<string> = ['Equal', 'Exists'];
const TAINT_EFFECTS: ReadonlyArray<string> = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** A PriorityClass name: a DNS subdomain, not one of the classes of the cluster's own components. */
export function checkPriorityClassName(scope: IConstruct, field: string, value: unknown): string {
  const name = checkReferenceName(scope, field, value);
  if (SYSTEM_PRIORITY_CLASSES.includes(name)) {
    fail(scope, field, "is a class Kubernetes keeps for the cluster's own components: their pods preempt every other pod and are evicted last",
      name, 'create a PriorityClass for the platform\'s workloads and name it here');
  }
  return name;
}

/** A node selector: node labels, keys and values valid. */
export function checkNodeSelector(scope: IConstruct, field: string, value: unknown): Record<string, string> {
  return checkLabels(scope, field, value);
}

/** Tolerations, each with a valid key, operator and effect; `Exists` takes no value. */
export function checkTolerations(scope: IConstruct, field: string, value: unknown): k8s.Toleration[] {
  if (!Array.isArray(value)) {
    fail(scope, field, 'must be a list of tolerations', value, "pass [{ key: 'dedicated', operator: 'Equal', value: 'batch', effect: 'NoSchedule' }]");
  }
  return value.map((toleration: unknown, i: number) => {
    const at = `${field}[${i}]`;
    if (toleration === null || typeof toleration !== 'object' || Array.isArray(toleration)) {
      fail(scope, at, 'must be a toleration', toleration, "pass { key, operator: 'Equal' | 'Exists', value?, effect? }");
    }
    const t = toleration as k8s.Toleration;
    const operator = t.operator ?? 'Equal';
    if (!TOLERATION_OPERATORS.includes(operator)) {
      fail(scope, `${at}.operator`, 'must be Equal or Exists', t.operator, "use 'Equal' with a value or 'Exists' without");
    }
    if (t.key !== undefined && (typeof t.key !== 'string' || !isQualifiedName(t.key))) {
      fail(scope, `${at}.key`, 'must be a taint key', t.key, "use a label-like key such as 'dedicated' or 'acme.com/pool'");
    }
    if (t.key === undefined && operator !== 'Exists') {
      fail(scope, `${at}.key`, "is required with operator 'Equal'", t.key, "name the taint's key, or use operator 'Exists' to tolerate every taint");
    }
    if (operator === 'Exists' && t.value !== undefined && t.value !== '') {
      fail(scope, `${at}.value`, "must be empty with operator 'Exists'", t.value, "leave value out, or use operator 'Equal'");
    }
    if (t.value !== undefined && typeof t.value !== 'string') {
      fail(scope, `${at}.value`, 'must be a string', t.value, "pass the taint's value as a string");
    }
    if (t.effect !== undefined && !TAINT_EFFECTS.includes(t.effect)) {
      fail(scope, `${at}.effect`, 'must be NoSchedule, PreferNoSchedule or NoExecute', t.effect, 'use one of those, or leave it out for every effect');
    }
    if (t.tolerationSeconds !== undefined && (t.effect !== 'NoExecute' || !Number.isInteger(t.tolerationSeconds) || t.tolerationSeconds < 0)) {
      fail(scope, `${at}.tolerationSeconds`, 'must be a whole number of seconds of at least 0, with effect NoExecute', t.tolerationSeconds,
        "set effect: 'NoExecute', or leave tolerationSeconds out");
    }
    return { key: t.key, operator: t.operator, value: t.value, effect: t.effect, tolerationSeconds: t.tolerationSeconds };
  });
}

/** Extra affinity: an object of nodeAffinity, podAffinity and podAntiAffinity, nothing else. */
export function checkAffinity(scope: IConstruct, field: string, value: unknown): k8s.Affinity {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    fail(scope, field, 'must be an affinity object', value, 'pass { nodeAffinity?, podAffinity?, podAntiAffinity? }');
  }
  for (const key of Object.keys(value)) {
    if (!['nodeAffinity', 'podAffinity', 'podAntiAffinity'].includes(key)) {
      fail(scope, field, 'has a field Kubernetes does not know', key, 'use nodeAffinity, podAffinity or podAntiAffinity');
    }
  }
  // A plain copy: the output holds no object the caller may change later, or one without prototype.
  return JSON.parse(JSON.stringify(value)) as k8s.Affinity;
}

/**
 * The default anti-affinity with extra affinity added, never replaced: node and pod affinity
 * come from the extra, anti-affinity terms of both are kept side by side.
 */
export function mergeAffinity(base: k8s.Affinity, extra: k8s.Affinity | undefined): k8s.Affinity {
  if (extra === undefined) {
    return base;
  }
  const anti = extra.podAntiAffinity;
  return {
    nodeAffinity: extra.nodeAffinity,
    podAffinity: extra.podAffinity,
    podAntiAffinity: {
      requiredDuringSchedulingIgnoredDuringExecution: anti?.requiredDuringSchedulingIgnoredDuringExecution,
      preferredDuringSchedulingIgnoredDuringExecution: [
        ...base.podAntiAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
        ...anti?.preferredDuringSchedulingIgnoredDuringExecution ?? [],
      ],
    },
  };
}
