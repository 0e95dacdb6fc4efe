import { RuleId } from '../../conventions/rule-ids';
import { MAX_DEPTH } from '../input-limits';
import { Manifest, objectAt, objectsAt } from '../manifest';
import { containerSecurityContext, podSecurityContext } from '../pod-template';
import { Rule } from '../rule';

/** Boolean fields of the pod spec that decide its isolation. */
const POD_BOOLEANS: ReadonlyArray<string> = ['hostNetwork', 'hostPID', 'hostIPC', 'hostUsers', 'shareProcessNamespace', 'automountServiceAccountToken'];
/** Boolean fields of a securityContext (pod or container) that decide its isolation. */
const SECURITY_BOOLEANS: ReadonlyArray<string> = ['privileged', 'allowPrivilegeEscalation', 'runAsNonRoot', 'readOnlyRootFilesystem'];
/** Integer fields of a securityContext (pod or container) that decide its isolation. */
const SECURITY_INTEGERS: ReadonlyArray<string> = ['runAsUser', 'runAsGroup'];

/**
 * What a YAML 1.1 reader (kubectl, the API server) would read otherwise than the object says:
 * a `<<` key anywhere, which the YAML written from it turns into a merge key; a string where
 * Kubernetes wants a boolean or an integer on the fields that decide a pod's isolation (written
 * unquoted by any YAML 1.2 tool along the way, `'yes'`, `'on'`, `'0x0'` become true and 0).
 */
export const yamlReading: Rule = {
  id: RuleId.YAML_READING,
  severity: 'error',
  why: 'Kubernetes reads YAML 1.1: a `<<` key merges its map into the one around it, and `yes`, `on`, `y` are true; '
    + 'a checker that reads the object otherwise checks another object than the one the cluster stores.',
  fix: "Rename or remove the '<<' key (put its fields in the map itself), and write booleans and numbers as such, not as strings.",
  check: (object, context) => {
    const messages = mergeKeysIn(object).map((where) => `key '<<' at ${where}: Kubernetes's YAML reader merges its value into the map around it`);
    const template = context.podTemplateOf(object);
    if (template) {
      const pod = template.spec;
      messages.push(...typeProblems('pod spec', pod, POD_BOOLEANS, []));
      messages.push(...typeProblems('pod spec.securityContext', podSecurityContext(template), SECURITY_BOOLEANS, SECURITY_INTEGERS));
      for (const ref of template.containers) {
        messages.push(...typeProblems(`${ref.label}: securityContext`, containerSecurityContext(ref), SECURITY_BOOLEANS, SECURITY_INTEGERS));
        messages.push(...typeProblems(`${ref.label}: securityContext.windowsOptions`, objectAt(containerSecurityContext(ref).windowsOptions), ['hostProcess'], []));
        objectsAt(ref.container.ports).forEach((port, i) => messages.push(...typeProblems(`${ref.label}: ports[${i}]`, port, [], ['hostPort'])));
      }
    }
    return messages;
  },
};

/** Whether any map of an object has a `<<` key (walked without recursion or strings, at most MAX_DEPTH deep). */
function hasMergeKey(object: Manifest): boolean {
  const stack: unknown[] = [object];
  const depths: number[] = [0];
  while (stack.length > 0) {
    const value = stack.pop();
    const depth = depths.pop()!;
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) {
      continue;
    }
    if (Array.isArray(value)) {
      for (const item of value) {
        stack.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key in value) {
      if (key === '<<') {
        return true;
      }
      stack.push((value as Manifest)[key]);
      depths.push(depth + 1);
    }
  }
  return false;
}

/** The paths of the `<<` keys of an object (walked without recursion, at most MAX_DEPTH deep). */
function mergeKeysIn(object: Manifest): string[] {
  if (!hasMergeKey(object)) {
    return [];
  }
  const found: string[] = [];
  const stack: Array<[unknown, string, number]> = [[object, '', 0]];
  while (stack.length > 0) {
    const [value, where, depth] = stack.pop()!;
    if (typeof value !== 'object' || value === null || depth > MAX_DEPTH) {
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push([value[i], `${where}[${i}]`, depth + 1]);
      }
      continue;
    }
    const keys = Object.keys(value);
    if (keys.includes('<<')) {
      found.push(where === '' ? '(top level)' : where);
    }
    for (let i = keys.length - 1; i >= 0; i--) {
      stack.push([(value as Manifest)[keys[i]], where === '' ? keys[i] : `${where}.${keys[i]}`, depth + 1]);
    }
  }
  return found;
}

function typeProblems(where: string, fields: Manifest, booleans: ReadonlyArray<string>, integers: ReadonlyArray<string>): string[] {
  const problems: string[] = [];
  for (const field of booleans) {
    if (typeof fields[field] === 'string') {
      problems.push(`${where}.${field} is the string '${fields[field]}', not a boolean`);
    }
  }
  for (const field of integers) {
    if (typeof fields[field] === 'string') {
      problems.push(`${where}.${field} is the string '${fields[field]}', not an integer`);
    }
  }
  return problems;
}
