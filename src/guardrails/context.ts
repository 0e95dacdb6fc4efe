import { Manifest, kindOf, nameOf, namespaceOf, objectAt } from './manifest';
import { PodTemplate, podTemplateOf } from './pod-template';
import { RuleContext } from './rule';

/**
 * Builds the lookups of a manifest set in one pass: objects by namespace and kind, by name, pod
 * templates by namespace and autoscalers by target. Every lookup afterwards is a map access.
 */
export function buildContext(objects: ReadonlyArray<Manifest>): RuleContext {
  const byKind = new Map<string, Manifest[]>();
  const byName = new Map<string, Manifest>();
  const templates = new Map<string, PodTemplate[]>();
  const templateOf = new Map<Manifest, PodTemplate | undefined>();
  const autoscalers = new Map<string, Manifest[]>();

  for (const object of objects) {
    const namespace = namespaceOf(object);
    const kind = kindOf(object);
    push(byKind, key(kind, namespace), object);
    const nameKey = key(kind, namespace, nameOf(object));
    if (!byName.has(nameKey)) {
      byName.set(nameKey, object);
    }
    const template = podTemplateOf(object);
    templateOf.set(object, template);
    if (template) {
      push(templates, namespace, template);
    }
    if (kind === 'HorizontalPodAutoscaler') {
      const target = objectAt(objectAt(object.spec).scaleTargetRef);
      push(autoscalers, key(String(target.kind), namespace, String(target.name)), object);
    }
  }

  return {
    namespaceOf,
    podTemplateOf: (object) => (templateOf.has(object) ? templateOf.get(object) : podTemplateOf(object)),
    podTemplatesIn: (namespace) => templates.get(namespace) ?? [],
    objectsOf: (kind, namespace) => byKind.get(key(kind, namespace)) ?? [],
    find: (kind, namespace, name) => byName.get(key(kind, namespace, name)),
    autoscalersOf: (object) => autoscalers.get(key(kindOf(object), namespaceOf(object), nameOf(object))) ?? [],
  };
}

function key(...parts: string[]): string {
  return parts.join('\u0000');
}

function push<K, V>(map: Map<K, V[]>, mapKey: K, value: V): void {
  const list = map.get(mapKey);
  if (list) {
    list.push(value);
  } else {
    map.set(mapKey, [value]);
  }
}
