import { Manifest, groupOf, kindOf } from './manifest';
import { PodTemplate } from './pod-template';

/** The kinds whose objects select pods by label, for `RuleContext.objectsSelecting`. */
export type SelectingKind = 'PodDisruptionBudget' | 'NetworkPolicy' | 'Service';

/** How bad a finding is: an `error` fails a check, a `warning` is reported only. */
export type Severity = 'error' | 'warning';

/**
 * Cross-object lookups over the whole manifest set, built once before the rules run.
 * Everything is indexed by namespace, so a rule looks only at its own namespace.
 */
export interface RuleContext {
  /** The namespace of an object: '' for cluster-scoped kinds, else metadata.namespace or 'default'. */
  namespaceOf(object: Manifest): string;
  /** The pod template of a workload object (cached), or undefined for other objects. */
  podTemplateOf(object: Manifest): PodTemplate | undefined;
  /** The pod templates of every workload in a namespace, in input order. */
  podTemplatesIn(namespace: string): ReadonlyArray<PodTemplate>;
  /** The objects of a kind in a namespace ('' for cluster-scoped kinds), in input order. */
  objectsOf(kind: string, namespace: string): ReadonlyArray<Manifest>;
  /** The first object of that kind and name in the namespace. */
  find(kind: string, namespace: string, name: string): Manifest | undefined;
  /** The HorizontalPodAutoscalers and KEDA ScaledObjects in the object's namespace whose scaleTargetRef names it. */
  autoscalersOf(object: Manifest): ReadonlyArray<Manifest>;
  /**
   * The pod templates of a namespace that a LabelSelector (matchLabels and matchExpressions)
   * selects, in input order: `podTemplatesIn(namespace).filter(t => matchesLabelSelector(selector, t.labels))`,
   * answered from an index by label.
   */
  podTemplatesSelectedBy(namespace: string, selector: unknown): ReadonlyArray<PodTemplate>;
  /**
   * The pod templates of a namespace that a Service-style map selector selects, in input order:
   * `podTemplatesIn(namespace).filter(t => matchesMapSelector(selector, t.labels))`, from an index.
   */
  podTemplatesSelectedByMap(namespace: string, selector: unknown): ReadonlyArray<PodTemplate>;
  /**
   * The objects of a kind in the template's namespace whose selector selects the template's pods,
   * in input order: PodDisruptionBudgets by spec.selector, NetworkPolicies by spec.podSelector
   * (missing: every pod), core Services by spec.selector (empty: no pod). Answered from an index
   * by label and remembered per template.
   */
  objectsSelecting(kind: SelectingKind, template: PodTemplate): ReadonlyArray<Manifest>;
  /**
   * The listeners routes may name on a Gateway: those the platform declared
   * (`PlatformDefaults.gateway.sectionName`, known to the synth-time gate only), else those of the
   * Gateway object of that namespace and name in the input; undefined when neither is known.
   */
  gatewayListeners(namespace: string, name: string): GatewayListeners | undefined;
}

/** The listeners of a Gateway, as far as the checked objects tell. */
export interface GatewayListeners {
  /** The listener names (`sectionName`). */
  readonly sections: ReadonlyArray<string>;
  /** The listener ports; empty when unknown. */
  readonly ports: ReadonlyArray<number>;
  /** Whether the platform declared the listener: a route must then name it. */
  readonly declared: boolean;
}

/** A Gateway listener the platform declared (`PlatformDefaults.gateway`), for the synth-time gate. */
export interface DeclaredListener {
  readonly namespace: string;
  readonly name: string;
  readonly sectionName: string;
}

/**
 * The objects a rule reads: it reports nothing on any other object. The engine gives a rule only
 * the objects of its scope (it sorts objects by kind, API group and pod template once, not once per
 * rule), and a rule made with `scopedRule` returns [] outside it when called directly.
 */
export interface RuleScope {
  /**
   * Only objects with a pod template (Pods, and the workloads and Jobs that hold one).
   * @default false - objects with and without a pod template
   */
  readonly podTemplate?: boolean;
  /**
   * Only objects of these kinds.
   * @default - every kind
   */
  readonly kinds?: ReadonlyArray<string>;
  /**
   * Only objects of this API group ('' for the core group of `apiVersion: v1`).
   * @default - every group
   */
  readonly group?: string;
}

/** One guardrail: a pure check over one object, with the reason it exists and the fix. */
export interface Rule {
  /** Stable identifier (one of `RuleId`); rules derived from the Pod Security Standards start with `pss-`. */
  readonly id: string;
  /** Severity of every finding of this rule. */
  readonly severity: Severity;
  /** Why the rule exists: the failure it prevents. */
  readonly why: string;
  /** How to fix a finding. */
  readonly fix: string;
  /**
   * The objects the rule reads; the engine calls `check` on no other object.
   * @default - every object
   */
  readonly appliesTo?: RuleScope;
  /**
   * Checks one object and returns one message per problem ([] when compliant or not applicable,
   * outside `appliesTo` included). Messages name the container or field and the offending value.
   */
  check(object: Manifest, context: RuleContext): string[];
}

/** True when the object is inside the scope. */
export function isInScope(scope: RuleScope | undefined, object: Manifest, context: RuleContext): boolean {
  return scope === undefined || (
    (scope.kinds === undefined || scope.kinds.includes(kindOf(object)))
    && (scope.group === undefined || scope.group === groupOf(object))
    && (!scope.podTemplate || context.podTemplateOf(object) !== undefined));
}

/** A rule over objects of some kinds or API group, with or without a pod template. */
export interface ObjectRuleDefinition extends Omit<Rule, 'appliesTo' | 'check'> {
  /** The objects the rule reads. */
  readonly appliesTo: RuleScope & { readonly podTemplate?: false };
  /** Checks one object of the scope. */
  check(object: Manifest, context: RuleContext): string[];
}

/** A rule over objects with a pod template: its check gets the template. */
export interface TemplateRuleDefinition extends Omit<Rule, 'appliesTo' | 'check'> {
  /** The objects the rule reads: objects with a pod template (of some kinds or API group). */
  readonly appliesTo: RuleScope & { readonly podTemplate: true };
  /** Checks one object of the scope, and its pod template. */
  check(object: Manifest, context: RuleContext, template: PodTemplate): string[];
}

/**
 * A rule whose check reads only the objects of its scope: `check` is called with an object inside
 * `appliesTo` (by the engine, which does not call it elsewhere; with the object's pod template when
 * the scope asks for one) and returns [] outside it (when called directly), so the rule's own code
 * does not test the kind, group or pod template again.
 */
export function scopedRule(rule: TemplateRuleDefinition): Rule;
export function scopedRule(rule: ObjectRuleDefinition): Rule;
export function scopedRule(rule: ObjectRuleDefinition | TemplateRuleDefinition): Rule {
  const scope: RuleScope = rule.appliesTo;
  let inScope: Rule['check'] = (rule as ObjectRuleDefinition).check;
  if (scope.podTemplate === true) {
    const check = (rule as TemplateRuleDefinition).check;
    inScope = (object, context) => check(object, context, context.podTemplateOf(object)!);
  }
  const made: Rule = { ...rule, check: (object, context) => (isInScope(scope, object, context) ? inScope(object, context) : []) };
  inScopeChecks.set(made, inScope);
  return made;
}

/** The rule's own check of each rule made by `scopedRule`, which does not test the scope again. */
const inScopeChecks = new WeakMap<Rule, Rule['check']>();

/**
 * The function to call on an object already known to be in the rule's scope: for a rule made by
 * `scopedRule`, its own check without the scope test (the engine has tested it once per kind);
 * for any other rule (a copy, a caller's own rule), its `check`.
 */
export function checkInScope(rule: Rule): Rule['check'] {
  return inScopeChecks.get(rule) ?? ((object, context) => rule.check(object, context));
}
