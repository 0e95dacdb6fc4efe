import { isZeroQuantity, resourceQuantity, resourcedContainers } from '../container-fields';
import { quote } from '../manifest';
import { Rule, Severity, scopedRule } from '../rule';

/** What a resource rule requires of every container. */
export interface ResourceRuleOptions {
  /** The rule id, e.g. `RuleId.CPU_LIMIT`. */
  readonly id: string;
  /** The resource, e.g. `cpu` or `memory`. */
  readonly resource: string;
  /** `requests` (set and more than 0) or `limits` (set). */
  readonly field: 'requests' | 'limits';
  /** Severity of every finding. */
  readonly severity: Severity;
  /** Why the rule exists: the failure it prevents. */
  readonly why: string;
}

/**
 * A rule that every container (init containers included, ephemeral containers excluded) sets
 * `resources.<field>.<resource>`; a request must also be more than 0. The cpu and memory rules
 * of each field are made here, so that the pairs cannot drift apart.
 */
export function resourceRule(options: ResourceRuleOptions): Rule {
  const { resource, field } = options;
  const path = `resources.${field}.${resource}`;
  return scopedRule({
    id: options.id,
    severity: options.severity,
    why: options.why,
    fix: `Set ${path} on every container (and init container).`,
    appliesTo: { podTemplate: true },
    check: (_object, _context, template) => {
      const messages: string[] = [];
      for (const ref of resourcedContainers(template)) {
        const value = resourceQuantity(ref, field, resource);
        if (value === undefined) {
          messages.push(`${ref.label}: ${path} is unset`);
        } else if (field === 'requests' && isZeroQuantity(value)) {
          messages.push(`${ref.label}: ${path} is ${quote(value)}, expected more than 0`);
        }
      }
      return messages;
    },
  });
}
