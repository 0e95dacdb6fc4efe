import { Manifest, arrayAt, isCoreKind, isPlainObject, kindOf, nameOf, namespaceOf, objectAt, textOf } from './manifest';
import { PodTemplate, podTemplateOf } from './pod-template';
import { DeclaredListener, GatewayListeners, RuleContext, SelectingKind } from './rule';
import { matchesLabelSelector, matchesMapSelector } from './selector';

/** How the objects of a selecting kind choose their pods: the selector and its semantics. */
interface SelectorSemantics {
  /** Whether the selector is a plain map (Service) rather than a LabelSelector (matchLabels and matchExpressions). */
  readonly map: boolean;
  /** The object's selector, or undefined when the object of this kind selects nothing at all. */
  selectorOf(object: Manifest): unknown;
}

/** The kinds whose objects select pods, and where their selectors are. */
const SELECTING_KINDS: { readonly [kind in SelectingKind]: SelectorSemantics } = {
  PodDisruptionBudget: { selectorOf: (budget) => objectAt(budget.spec).selector, map: false },
  // A NetworkPolicy without podSelector applies to every pod of its namespace.
  NetworkPolicy: { selectorOf: (policy) => objectAt(policy.spec).podSelector ?? {}, map: false },
  // Only a core Service selects pods (not, e.g., a Knative or Istio object of kind Service).
  Service: { selectorOf: (service) => (isCoreKind(service, 'Service') ? objectAt(service.spec).selector : undefined), map: true },
};

/** The pod templates of one namespace, with an index by label. */
interface TemplateIndex {
  /** Every template of the namespace, in input order. */
  readonly all: PodTemplate[];
  /** `key\0value` → the templates that carry that label, in input order. */
  readonly byLabel: Map<string, PodTemplate[]>;
}

/** An object that selects pods, with its position in the input (so that results keep input order). */
interface Selecting {
  readonly object: Manifest;
  readonly position: number;
  readonly selector: unknown;
}

/** The objects of one selecting kind in one namespace, indexed by one label each selector requires. */
interface SelectingIndex {
  /** `key\0value` → the objects whose selector requires that label (each object under one label). */
  readonly byLabel: Map<string, Selecting[]>;
  /** The objects whose selector requires no label (expressions only, empty, or not a selector): always candidates. */
  readonly unindexed: Selecting[];
  /** The answers so far, per pod template. */
  readonly answers: Map<PodTemplate, Manifest[]>;
}

const NO_TEMPLATES: ReadonlyArray<PodTemplate> = [];

/**
 * Builds the lookups of a manifest set in one pass: objects by namespace and kind, by name, pod
 * templates by namespace and autoscalers by target. Every lookup afterwards is a map access.
 *
 * The selector lookups (`podTemplatesSelectedBy`, `objectsSelecting`) use indexes by label that are
 * built on first use: a selector with matchLabels is only compared with the pod templates that carry
 * its rarest required label, and a pod template only with the objects whose selector requires one
 * of its labels, so that checking N workloads with their budgets, policies and Services takes time
 * linear in N instead of N². The candidates are still compared with the exact matchers of
 * selector.ts, and results keep input order, so findings are the same as with a full scan.
 */
export function buildContext(objects: ReadonlyArray<Manifest>, declaredListeners: ReadonlyArray<DeclaredListener> = []): RuleContext {
  const byKind = new Map<string, Manifest[]>();
  const byName = new Map<string, Manifest>();
  const templates = new Map<string, PodTemplate[]>();
  const templateOf = new Map<Manifest, PodTemplate | undefined>();
  const autoscalers = new Map<string, Manifest[]>();
  const positions = new Map<string, number[]>();

  objects.forEach((object, position) => {
    const namespace = namespaceOf(object);
    const kind = kindOf(object);
    const kindKey = key(kind, namespace);
    push(byKind, kindKey, object);
    push(positions, kindKey, position);
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
      push(autoscalers, key(textOf(target.kind), namespace, textOf(target.name)), object);
    } else if (kind === 'ScaledObject' && String(object.apiVersion).startsWith('keda.sh/')) {
      // KEDA creates the HorizontalPodAutoscaler in the cluster; its scaleTargetRef.kind defaults to Deployment.
      const target = objectAt(objectAt(object.spec).scaleTargetRef);
      push(autoscalers, key(target.kind === undefined ? 'Deployment' : textOf(target.kind), namespace, textOf(target.name)), object);
    }
  });

  const templateIndexes = new Map<string, TemplateIndex>();
  const templateIndex = (namespace: string): TemplateIndex => {
    let index = templateIndexes.get(namespace);
    if (!index) {
      const all = templates.get(namespace) ?? [];
      const byLabel = new Map<string, PodTemplate[]>();
      for (const template of all) {
        for (const [labelKey, value] of Object.entries(template.labels)) {
          push(byLabel, labelId(labelKey, value), template);
        }
      }
      index = { all, byLabel };
      templateIndexes.set(namespace, index);
    }
    return index;
  };

  /** The templates of the namespace that carry the rarest of these labels; undefined when there is none. */
  const candidatesFor = (namespace: string, required: ReadonlyArray<[string, unknown]>): ReadonlyArray<PodTemplate> | undefined => {
    if (required.length === 0) {
      return undefined;
    }
    const index = templateIndex(namespace);
    let rarest: ReadonlyArray<PodTemplate> | undefined;
    for (const [labelKey, value] of required) {
      const bucket = index.byLabel.get(labelId(labelKey, textOf(value))) ?? NO_TEMPLATES;
      if (rarest === undefined || bucket.length < rarest.length) {
        rarest = bucket;
        if (bucket.length === 0) {
          break;
        }
      }
    }
    return rarest;
  };

  const selectingIndexes = new Map<string, SelectingIndex>();
  const selectingIndex = (kind: SelectingKind, namespace: string): SelectingIndex => {
    const indexKey = key(kind, namespace);
    let index = selectingIndexes.get(indexKey);
    if (!index) {
      const semantics = SELECTING_KINDS[kind];
      const labels = templateIndex(namespace).byLabel;
      const byLabel = new Map<string, Selecting[]>();
      const unindexed: Selecting[] = [];
      const positionsOf = positions.get(indexKey) ?? [];
      (byKind.get(indexKey) ?? []).forEach((object, i) => {
        const selector = semantics.selectorOf(object);
        const entry: Selecting = { object, position: positionsOf[i], selector };
        const required = requiredLabels(selector, semantics.map);
        if (required.length === 0) {
          // A Service selector without labels selects nothing; keep it anyway: the matcher decides.
          unindexed.push(entry);
          return;
        }
        // Indexed under the label fewest pod templates carry: every match carries every required label.
        let best = '';
        let bestCount = Infinity;
        for (const [labelKey, value] of required) {
          const id = labelId(labelKey, textOf(value));
          const count = labels.get(id)?.length ?? 0;
          if (count < bestCount) {
            best = id;
            bestCount = count;
          }
        }
        push(byLabel, best, entry);
      });
      index = { byLabel, unindexed, answers: new Map() };
      selectingIndexes.set(indexKey, index);
    }
    return index;
  };

  return {
    namespaceOf,
    podTemplateOf: (object) => (templateOf.has(object) ? templateOf.get(object) : podTemplateOf(object)),
    podTemplatesIn: (namespace) => templates.get(namespace) ?? [],
    objectsOf: (kind, namespace) => byKind.get(key(kind, namespace)) ?? [],
    find: (kind, namespace, name) => byName.get(key(kind, namespace, name)),
    autoscalersOf: (object) => autoscalers.get(key(kindOf(object), namespaceOf(object), nameOf(object))) ?? [],
    gatewayListeners: (namespace, name) => gatewayListeners(declaredListeners, byName.get(key('Gateway', namespace, name)), namespace, name),
    podTemplatesSelectedBy: (namespace, selector) => {
      if (!isPlainObject(selector) || !templates.has(namespace)) {
        return []; // a missing selector selects nothing
      }
      const candidates = candidatesFor(namespace, requiredLabels(selector, false)) ?? templateIndex(namespace).all;
      return candidates.filter((template) => matchesLabelSelector(selector, template.labels));
    },
    podTemplatesSelectedByMap: (namespace, selector) => {
      const required = requiredLabels(selector, true);
      if (required.length === 0 || !templates.has(namespace)) {
        return []; // an empty map selects nothing
      }
      const candidates = candidatesFor(namespace, required) ?? NO_TEMPLATES;
      return candidates.filter((template) => matchesMapSelector(selector, template.labels));
    },
    objectsSelecting: (kind, template) => {
      const index = selectingIndex(kind, namespaceOf(template.owner));
      let answer = index.answers.get(template);
      if (!answer) {
        let candidates: Selecting[] = index.unindexed;
        let sources = candidates.length > 0 ? 1 : 0;
        for (const labelKey of Object.keys(template.labels)) {
          const bucket = index.byLabel.get(labelId(labelKey, template.labels[labelKey]));
          if (bucket) {
            candidates = sources === 0 ? bucket : candidates.concat(bucket);
            sources++;
          }
        }
        if (sources > 1) {
          candidates.sort((a, b) => a.position - b.position);
        }
        const map = SELECTING_KINDS[kind].map;
        answer = [];
        for (const candidate of candidates) {
          if (map ? matchesMapSelector(candidate.selector, template.labels) : matchesLabelSelector(candidate.selector, template.labels)) {
            answer.push(candidate.object);
          }
        }
        index.answers.set(template, answer);
      }
      return answer;
    },
  };
}

/**
 * The labels a selector requires (its matchLabels; for a Service, the whole map): every pod it
 * selects carries each of them. [] when it requires none, or is not a selector.
 */
function requiredLabels(selector: unknown, map: boolean): Array<[string, unknown]> {
  return Object.entries(objectAt(map ? selector : objectAt(selector).matchLabels));
}

function key(first: string, second: string, third?: string): string {
  return third === undefined ? `${first}\u0000${second}` : `${first}\u0000${second}\u0000${third}`;
}

/** The index key of one label: `key\0value`. */
function labelId(labelKey: string, value: string): string {
  return `${labelKey}\u0000${value}`;
}

function push<K, V>(map: Map<K, V[]>, mapKey: K, value: V): void {
  const list = map.get(mapKey);
  if (list) {
    list.push(value);
  } else {
    map.set(mapKey, [value]);
  }
}

/**
 * The listeners of a Gateway: the platform's declaration wins (the sections it declared); else the
 * Gateway of the input (of the Gateway API group), its listeners' names and ports.
 */
function gatewayListeners(declared: ReadonlyArray<DeclaredListener>, gateway: Manifest | undefined,
  namespace: string, name: string): GatewayListeners | undefined {
  const sections = declared.filter((d) => d.namespace === namespace && d.name === name).map((d) => d.sectionName);
  if (sections.length > 0) {
    return { sections, ports: [], declared: true };
  }
  if (gateway === undefined || textOf(gateway.apiVersion).split('/')[0] !== 'gateway.networking.k8s.io') {
    return undefined;
  }
  const listeners = arrayAt(objectAt(gateway.spec).listeners).map(objectAt);
  return {
    sections: listeners.map((l) => textOf(l.name)),
    ports: listeners.map((l) => Number(l.port)).filter((p) => Number.isInteger(p)),
    declared: false,
  };
}
