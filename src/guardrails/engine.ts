import { acknowledgementsOf, isWrittenReason } from './acknowledgement';
import { buildContext } from './context';
import { Manifest, groupOf, isPlainObject, kindOf, nameOf } from './manifest';
import { DeclaredListener, Rule, RuleContext, Severity, checkInScope, isInScope } from './rule';
import { ALL_RULES } from './rules';
import { ACKNOWLEDGEMENT_PREFIX } from '../conventions/acknowledgements';
import { RuleId } from '../conventions/rule-ids';

/** One problem found on one object by one rule. */
export interface Finding {
  /** The rule id, e.g. `image-tag` or `pss-privileged`. */
  readonly rule: string;
  /** The rule's severity. */
  readonly severity: Severity;
  /** The object's kind. */
  readonly kind: string;
  /** The object's metadata.name ('' when unset). */
  readonly name: string;
  /** The object's namespace: '' for cluster-scoped kinds, 'default' when unset. */
  readonly namespace: string;
  /** What is wrong, naming the container or field and the offending value. */
  readonly message: string;
  /** Why the rule exists. */
  readonly why: string;
  /** How to fix it. */
  readonly fix: string;
}

/** Options of `checkManifests`. */
export interface CheckOptions {
  /**
   * The rules to run.
   * @default - every rule of ALL_RULES
   */
  readonly rules?: ReadonlyArray<Rule>;
  /**
   * The Gateway listeners the platform declared (`PlatformDefaults.gateway`), which routes to that
   * Gateway must name; the synth-time gate knows them, plain YAML does not.
   * @default - none: routes are compared with the Gateways of the input only
   */
  readonly declaredListeners?: ReadonlyArray<DeclaredListener>;
}

/** The rule that reports an acknowledgement without a written reason. */
export const ACK_REASON_RULE = {
  id: RuleId.ACK_REASON,
  severity: 'error' as Severity,
  why: 'An acknowledgement silences a rule on an object; without a reason nobody can later tell whether it still holds.',
  fix: `Write why the finding is acceptable as the value of the ${ACKNOWLEDGEMENT_PREFIX}<rule-id> annotation.`,
};

/**
 * Runs the guardrail rules over a set of plain Kubernetes objects. Entries that are not objects
 * or have no kind are skipped. Cross-object rules look only inside the object's namespace.
 *
 * An object annotated `ack.cdk8s-golden.io/<rule-id>: <reason>` has that rule's findings
 * acknowledged: they are left out. An acknowledgement with a blank reason is itself a finding.
 *
 * Findings come in a deterministic order: by position of the object in the input, then by the
 * order of the rules, then in the order the rule reports them.
 */
export function checkManifests(manifests: ReadonlyArray<unknown>, options: CheckOptions = {}): Finding[] {
  return checkEachManifest(manifests, options).flat();
}

/**
 * Like `checkManifests`, but returns the findings of each input entry at its position (an empty
 * list for entries that are not objects or have no kind), so a caller can map a finding back to
 * where the object came from: a construct, a file. Cross-object rules still see every object.
 */
export function checkEachManifest(manifests: ReadonlyArray<unknown>, options: CheckOptions = {}): Finding[][] {
  const rules = options.rules ?? ALL_RULES;
  const objects: Manifest[] = manifests.filter((m): m is Manifest => isPlainObject(m) && kindOf(m) !== '');
  const context = buildContext(objects, options.declaredListeners);
  const rulesFor = scopedRules(rules, context);
  return manifests.map((entry) => (isPlainObject(entry) && kindOf(entry) !== '' ? checkObject(entry, rulesFor(entry), context) : []));
}

/** A rule in scope of an object, with the function that checks an object in its scope. */
interface ScopedRule {
  readonly rule: Rule;
  readonly check: Rule['check'];
}

/**
 * The rules that can report something on an object, in order: the rules whose scope (`appliesTo`:
 * kinds, API group, pod template) leaves the object out are not called. Computed once per kind,
 * API group and presence of a pod template.
 */
function scopedRules(rules: ReadonlyArray<Rule>, context: RuleContext): (object: Manifest) => ReadonlyArray<ScopedRule> {
  const lists = new Map<string, ReadonlyArray<ScopedRule>>();
  return (object) => {
    const hasTemplate = context.podTemplateOf(object) !== undefined;
    const listKey = `${hasTemplate ? '+' : '-'}${groupOf(object)}/${kindOf(object)}`;
    let list = lists.get(listKey);
    if (!list) {
      list = rules.filter((rule) => isInScope(rule.appliesTo, object, context)).map((rule) => ({ rule, check: checkInScope(rule) }));
      lists.set(listKey, list);
    }
    return list;
  };
}

/** The prefix of the message of a rule that failed on a value of an unexpected type. */
const COULD_NOT_CHECK = 'the rule could not check this object';

/**
 * The messages of one rule on one object. A rule that fails on a value of an unexpected type (a
 * map where text is expected, a map whose `toString` key is no function) reports that as its
 * finding, at error level whatever the rule's severity: the object is not passed unchecked, and
 * the other rules and objects are still checked.
 */
function checkedBy({ check }: ScopedRule, object: Manifest, context: RuleContext): string[] {
  try {
    return check(object, context);
  } catch (e) {
    const reason = e instanceof Error ? `${e.name}: ${e.message.split('\n')[0]}` : String(e);
    return [`${COULD_NOT_CHECK} (${reason}); a field holds a value of an unexpected type`];
  }
}

function checkObject(object: Manifest, rules: ReadonlyArray<ScopedRule>, context: RuleContext): Finding[] {
  const findings: Finding[] = [];
  const kind = kindOf(object);
  const name = nameOf(object);
  const namespace = context.namespaceOf(object);
  const acks = acknowledgementsOf(object);
  for (const [rule, reason] of acks) {
    if (!isWrittenReason(reason)) {
      const r = ACK_REASON_RULE;
      findings.push({ rule: r.id, severity: r.severity, kind, name, namespace, message: `acknowledgement of ${rule} has no written reason`, why: r.why, fix: r.fix });
    }
  }
  // Indexed loops: this runs once per object and rule, mostly before the JIT has warmed up.
  const acknowledged = acks.size > 0;
  for (let r = 0; r < rules.length; r++) {
    const rule = rules[r].rule;
    if (acknowledged) {
      const ack = acks.get(rule.id);
      if (ack !== undefined && isWrittenReason(ack)) {
        continue;
      }
    }
    const messages = checkedBy(rules[r], object, context);
    for (let m = 0; m < messages.length; m++) {
      const severity = messages[m].startsWith(COULD_NOT_CHECK) ? 'error' : rule.severity;
      findings.push({ rule: rule.id, severity, kind, name, namespace, message: messages[m], why: rule.why, fix: rule.fix });
    }
  }
  return findings;
}
