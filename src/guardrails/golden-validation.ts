import { isWrittenReason } from './acknowledgement';
import type * as Engine from './engine';
import type { Manifest } from './manifest';
import type * as ManifestFiles from './manifest-files';
import type * as Rules from './rules';
import { formatValue } from '../private/errors';

/**
 * Properties of `GoldenValidation`: the `properties:` of its entry under `validations:` in
 * `cdk8s.yaml`, which cdk8s-cli passes to the constructor.
 */
export interface GoldenValidationProps {
  /**
   * Rules acknowledged for every manifest of the app: rule id → the written reason.
   * To acknowledge a rule on one object only, use `Guardrails.acknowledge` or the annotation
   * `ack.cdk8s-golden.io/<rule-id>: <reason>`.
   * @default - no rule is acknowledged for the whole app
   */
  readonly acknowledgements?: { [ruleId: string]: string };
}

/**
 * The parts of cdk8s-cli's `ValidationContext` this plugin uses (cdk8s-cli is not a jsii
 * library, so its types cannot appear in this library's API).
 */
interface CliValidationContext {
  readonly manifests: ReadonlyArray<string>;
  readonly report: {
    addViolation(violation: {
      ruleName: string;
      recommendation: string;
      fix: string;
      violatingResources: ViolatingResource[];
    }): void;
    submit(status: 'success' | 'failure', metadata?: { [key: string]: string }): void;
  };
}

/** One object in a violation of cdk8s-cli's report. */
interface ViolatingResource {
  readonly resourceName: string;
  readonly locations: string[];
  readonly manifestPath: string;
}

/* The rules, the engine and the YAML reader are loaded when first needed, not with the library. */
let knownRules: ReadonlySet<string> | undefined;

/** The ids of every rule. */
function knownRuleIds(): ReadonlySet<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  knownRules = knownRules ?? new Set((require('./rules') as typeof Rules).ALL_RULES.map((rule) => rule.id));
  return knownRules;
}

/**
 * A cdk8s-cli validation plugin that runs every guardrail rule on the synthesized manifests of
 * `cdk8s synth --validate` (the default of `cdk8s synth` when `cdk8s.yaml` lists validations).
 * Findings at error level fail the validation; warnings are listed in the report, which passes.
 *
 * In `cdk8s.yaml` (the package path must start with `./`, the version must be exact):
 *
 * ```yaml
 * validations:
 *   - package: ./node_modules/cdk8s-golden
 *     version: 1.0.0
 *     class: GoldenValidation
 * ```
 */
export class GoldenValidation {
  private readonly acknowledgements: ReadonlyMap<string, string>;

  /**
   * @param props the `properties:` of the entry in `cdk8s.yaml`; invalid ones are refused at once
   */
  constructor(props: GoldenValidationProps = {}) {
    this.acknowledgements = checkedAcknowledgements(props?.acknowledgements ?? {});
  }

  /**
   * Runs the rules over every manifest of the context together (cross-object rules see the whole
   * app), adds one violation per rule to the context's report, and submits it: `failure` when a
   * finding is at error level, else `success`. cdk8s-cli calls this; its signature is cdk8s-cli's
   * `Validation.validate(context: ValidationContext): Promise<void>`.
   *
   * @param context cdk8s-cli's `ValidationContext`
   */
  public async validate(context: any): Promise<void> {
    const cli = context as CliValidationContext;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { readManifests } = require('./manifest-files') as typeof ManifestFiles;
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { checkEachManifest } = require('./engine') as typeof Engine;
    // cdk8s writes only ApiObjects (each with a kind); an app without any is no mistake to report here.
    const sourced = readManifests(cli.manifests, undefined, { allowEmpty: true });
    // cdk8s-cli finds a resource's construct path in construct-metadata.json, which is keyed by
    // metadata.name alone (the last object of a name wins), and overwrites any constructPath the
    // plugin gives. All objects of a golden workload share its name, so for a shared name the
    // path it would show is another object's: such a resource is named `Kind/name`, which has no
    // entry, and the report shows no path instead of a wrong one (docs/guardrails.md).
    const namesInUse = new Map<string, number>();
    for (const { manifest } of sourced) {
      const name = (manifest as Manifest | null | undefined)?.metadata?.name;
      if (typeof name === 'string') {
        namesInUse.set(name, (namesInUse.get(name) ?? 0) + 1);
      }
    }
    const resourceName = (kind: string, name: string) => ((namesInUse.get(name) ?? 0) > 1 ? `${kind}/${name}` : name);
    const byRule = new Map<string, { finding: Engine.Finding; resources: Map<number, ViolatingResource> }>();
    let errors = 0;
    let warnings = 0;
    checkEachManifest(sourced.map((s) => s.manifest)).forEach((findings, i) => {
      for (const finding of findings) {
        if (this.acknowledgements.has(finding.rule)) {
          continue;
        }
        if (finding.severity === 'error') {
          errors++;
        } else {
          warnings++;
        }
        const ruleName = `${finding.rule} [${finding.severity}]`;
        let entry = byRule.get(ruleName);
        if (!entry) {
          entry = { finding, resources: new Map() };
          byRule.set(ruleName, entry);
        }
        // One resource per object; every location names the object's kind, name and namespace.
        let resource = entry.resources.get(i);
        if (!resource) {
          resource = { resourceName: resourceName(finding.kind, finding.name), locations: [], manifestPath: sourced[i].file };
          entry.resources.set(i, resource);
        }
        resource.locations.push(`${finding.kind} ${finding.name}${finding.namespace === '' ? '' : ` (namespace ${finding.namespace})`}: ${finding.message}`);
      }
    });
    for (const [ruleName, { finding, resources }] of byRule) {
      cli.report.addViolation({
        ruleName,
        recommendation: finding.why,
        fix: finding.fix,
        violatingResources: [...resources.values()],
      });
    }
    cli.report.submit(errors > 0 ? 'failure' : 'success', {
      rules: String(knownRuleIds().size),
      objects: String(sourced.length),
      errors: String(errors),
      warnings: String(warnings),
    });
  }
}

function checkedAcknowledgements(acknowledgements: { [ruleId: string]: string }): Map<string, string> {
  const checked = new Map<string, string>();
  for (const [ruleId, reason] of Object.entries(acknowledgements)) {
    if (!knownRuleIds().has(ruleId)) {
      throw new Error(`[GoldenValidation] acknowledgements: no guardrail rule has this id, got ${formatValue(ruleId)}; `
        + "use a rule id listed in docs/guardrails.md, such as 'image-tag' or 'pss-run-as-non-root'");
    }
    if (typeof reason !== 'string' || !isWrittenReason(reason)) {
      throw new Error(`[GoldenValidation] acknowledgements.${ruleId}: an acknowledgement of '${ruleId}' needs a written reason, got ${formatValue(reason)}; `
        + 'write why the finding is acceptable in the whole app, so that a reviewer can tell later whether it still holds');
    }
    checked.set(ruleId, reason);
  }
  return checked;
}
