import { ApiObject, Chart } from 'cdk8s';
import { IConstruct } from 'constructs';
import { isWrittenReason } from './acknowledgement';
import type * as Engine from './engine';
import { Manifest } from './manifest';
import type { DeclaredListener } from './rule';
import type * as Rules from './rules';
import { LocatedFinding, synthErrorMessage, synthWarningMessage } from './synth-report';
import { acknowledgementKey } from '../conventions/acknowledgements';
import { PlatformDefaults } from '../platform/platform-defaults';
import { fail } from '../private/errors';
import { synthIndex, synthSessionOf } from '../private/synth-index';

/** Options of `Guardrails.protect`. */
export interface GuardrailsOptions {
  /**
   * Rules acknowledged for every object in the protected scope: rule id → the written reason
   * why its findings are acceptable there. A blank reason is refused at once.
   * To acknowledge a rule on one object only, use `Guardrails.acknowledge`.
   * @default - no rule is acknowledged for the whole scope
   */
  readonly acknowledgements?: { [ruleId: string]: string };

  /**
   * Print the warning-level findings to standard error at each synth.
   * Warnings never fail the synth, whatever this says.
   * @default true
   */
  readonly reportWarnings?: boolean;
}

/*
 * The rules and the engine are loaded when first needed (a rule id to check, a synth to validate),
 * not when the library is required: most of the guardrails' code is not needed to build constructs.
 */
let ruleIds: ReadonlyArray<string> | undefined;
let knownRules: ReadonlySet<string> | undefined;

/** The ids of every guardrail rule, in the order findings are reported. */
function allRuleIds(): ReadonlyArray<string> {
  if (ruleIds === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    ruleIds = (require('./rules') as typeof Rules).ALL_RULES.map((rule) => rule.id);
  }
  return ruleIds;
}

function isKnownRule(ruleId: string): boolean {
  knownRules = knownRules ?? new Set(allRuleIds());
  return knownRules.has(ruleId);
}

/** The rule engine. */
function engine(): typeof Engine {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('./engine');
}

/** The protections set on each scope, so that a scope is protected once. */
const protections = new WeakMap<IConstruct, Guardrails>();

/** A fresh per-synth store of the JSON of each ApiObject: `toJson()` runs once per object per synth. */
function newJsonStore(): Map<IConstruct, Manifest> {
  return new Map();
}

/**
 * The guardrail rules, run at synth time over every ApiObject of a scope: a Chart, or the whole
 * App. Objects written by hand with `ApiObject`, cdk8s-plus objects and imported CRD objects are
 * checked like the objects of this library's constructs.
 *
 * A finding at error level fails the synth, before any YAML is written, with one message that
 * lists each finding with the construct path of its object, the rule, what is wrong, why the rule
 * exists and how to fix it. Warnings do not fail the synth; they are printed to standard error.
 *
 * Cross-object rules (a Service that selects no pod, a missing ServiceAccount, …) look at the
 * objects of the protected scope only: protect the scope that holds the objects that belong
 * together, the App when charts refer to each other.
 *
 * @example
 * const app = new App();
 * const chart = new Chart(app, 'shop', { namespace: 'shop' });
 * Guardrails.protect(app);
 */
export class Guardrails {
  /**
   * Protects a scope: at every synth, every guardrail rule runs over every ApiObject in it.
   * A scope is protected once; protecting it again is an error.
   *
   * @param scope the Chart or App to protect (any construct works: its ApiObjects are checked)
   * @param options acknowledgements for the whole scope and how warnings are reported
   */
  public static protect(scope: IConstruct, options: GuardrailsOptions = {}): Guardrails {
    if (protections.has(scope)) {
      fail(scope, 'scope', 'the guardrails already protect this scope', scope.node.path,
        'call Guardrails.protect once per scope and pass every acknowledgement in that call');
    }
    const acknowledgements = checkedAcknowledgements(scope, options.acknowledgements ?? {});
    const guardrails = new Guardrails(scope, acknowledgements, options.reportWarnings ?? true);
    protections.set(scope, guardrails);
    return guardrails;
  }

  /**
   * Acknowledges one rule on an object with a written reason: the rule's findings on it are left
   * out, at synth, in the `cdk8s synth --validate` plugin and in `cdk8s-golden check`. It writes
   * the annotation `ack.cdk8s-golden.io/<rule-id>: <reason>` on the ApiObject, or on every
   * ApiObject under the construct when it is not one itself (e.g. a WebService).
   *
   * @param target an ApiObject, a cdk8s-plus object or any construct holding ApiObjects
   * @param ruleId the id of the rule to acknowledge, e.g. `RuleId.REPLICAS` or `RuleId.PSS_RUN_AS_USER`
   * @param reason why the finding is acceptable here; a blank reason is refused
   */
  public static acknowledge(target: IConstruct, ruleId: string, reason: string): void {
    assertKnownRule(target, 'ruleId', ruleId);
    assertWrittenReason(target, 'reason', ruleId, reason);
    const objects = apiObjectsOf(target);
    if (objects.length === 0) {
      fail(target, 'target', 'there is no ApiObject in this construct to acknowledge a rule on', target.node.path,
        'acknowledge the rule on the construct that holds the Kubernetes object');
    }
    for (const object of objects) {
      object.metadata.addAnnotation(acknowledgementKey(ruleId), reason);
    }
  }

  /** The ids of every guardrail rule, in the order findings are reported. */
  public static ruleIds(): string[] {
    return [...allRuleIds()];
  }

  /** The protected scope. */
  public readonly scope: IConstruct;

  private readonly acknowledgements: ReadonlyMap<string, string>;
  private readonly reportWarnings: boolean;
  private readonly jsonOf: () => Map<IConstruct, Manifest>;

  private constructor(scope: IConstruct, acknowledgements: ReadonlyMap<string, string>, reportWarnings: boolean) {
    this.scope = scope;
    this.acknowledgements = acknowledgements;
    this.reportWarnings = reportWarnings;
    // Registered before the validation below, so that the per-synth store is fresh when it runs.
    this.jsonOf = synthIndex(scope, newJsonStore);
    scope.node.addValidation({ validate: () => this.validate() });
  }

  private validate(): string[] {
    // Under GoldenApp, the guardrails run after every other validation, and the JSON they compute
    // is written out as is (see SynthSession): toJson() runs once per object per synth.
    const session = synthSessionOf(this.scope);
    const token = session?.defer(this.scope, () => this.check(session.json));
    return token !== undefined ? [token] : this.check(this.jsonOf());
  }

  private check(store: Map<IConstruct, Manifest>): string[] {
    const objects = apiObjectsOf(this.scope);
    const manifests = objects.map((object) => {
      let json = store.get(object);
      if (json === undefined) {
        json = object.toJson() as Manifest;
        store.set(object, json);
      }
      return json;
    });
    const errors: LocatedFinding[] = [];
    const warnings: LocatedFinding[] = [];
    engine().checkEachManifest(manifests, { declaredListeners: declaredListeners(objects) }).forEach((findings, i) => {
      for (const finding of findings) {
        if (this.acknowledgements.has(finding.rule)) {
          continue;
        }
        (finding.severity === 'error' ? errors : warnings).push({ path: objects[i].node.path, finding });
      }
    });
    if (warnings.length > 0 && this.reportWarnings) {
      process.stderr.write(synthWarningMessage(this.scope.node.path, warnings));
    }
    return errors.length > 0 ? [synthErrorMessage(errors)] : [];
  }
}

/**
 * The Gateway listeners the platform declared for the charts of these objects
 * (`PlatformDefaults.gateway` with a `sectionName`), each once.
 */
function declaredListeners(objects: ReadonlyArray<ApiObject>): DeclaredListener[] {
  const declared = new Map<string, DeclaredListener>();
  const seen = new Set<IConstruct>();
  for (const object of objects) {
    const chart = Chart.of(object);
    if (seen.has(chart)) {
      continue;
    }
    seen.add(chart);
    const gateway = PlatformDefaults.of(chart).gateway;
    if (gateway?.sectionName !== undefined) {
      const listener = { namespace: gateway.namespace, name: gateway.name, sectionName: gateway.sectionName };
      declared.set(JSON.stringify(listener), listener);
    }
  }
  return [...declared.values()];
}

/** The ApiObjects of a construct: itself, or every ApiObject under it, in construct-tree order. */
function apiObjectsOf(scope: IConstruct): ApiObject[] {
  return scope.node.findAll().filter((c): c is ApiObject => ApiObject.isApiObject(c));
}

function checkedAcknowledgements(scope: IConstruct, acknowledgements: { [ruleId: string]: string }): Map<string, string> {
  const checked = new Map<string, string>();
  for (const [ruleId, reason] of Object.entries(acknowledgements)) {
    assertKnownRule(scope, `acknowledgements.${ruleId}`, ruleId);
    assertWrittenReason(scope, `acknowledgements.${ruleId}`, ruleId, reason);
    checked.set(ruleId, reason);
  }
  return checked;
}

function assertKnownRule(scope: IConstruct, field: string, ruleId: unknown): void {
  if (typeof ruleId !== 'string' || !isKnownRule(ruleId)) {
    fail(scope, field, 'no guardrail rule has this id', ruleId,
      "use a rule id listed in docs/guardrails.md, such as 'image-tag' or 'pss-run-as-non-root'");
  }
}

function assertWrittenReason(scope: IConstruct, field: string, ruleId: string, reason: unknown): void {
  if (typeof reason !== 'string' || !isWrittenReason(reason)) {
    fail(scope, field, `an acknowledgement of '${ruleId}' needs a written reason`, reason,
      'write why the finding is acceptable here, so that a reviewer can tell later whether it still holds');
  }
}
