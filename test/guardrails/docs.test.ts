import * as fs from 'fs';
import * as path from 'path';
import { RuleId } from '../../src/conventions/rule-ids';
import { ACK_REASON_RULE } from '../../src/guardrails/engine';
import { Rule } from '../../src/guardrails/rule';
import { ALL_RULES, PSS_BASELINE_RULES, PSS_RESTRICTED_ONLY_RULES } from '../../src/guardrails/rules';

// docs/guardrails.md lists every rule in a table generated from the rules themselves, between two
// markers. This test fails when the table is stale; `UPDATE_RULE_TABLE=1 npx jest test/guardrails/docs.test.ts`
// rewrites it (then review the diff like any other change).

const DOC = path.join(__dirname, '..', '..', 'docs', 'guardrails.md');
const BEGIN = '<!-- rule-table:begin (generated from src/guardrails/rules by test/guardrails/docs.test.ts) -->';
const END = '<!-- rule-table:end -->';

function source(rule: Rule): string {
  if (PSS_BASELINE_RULES.includes(rule)) {
    return 'PSS baseline';
  }
  return PSS_RESTRICTED_ONLY_RULES.includes(rule) ? 'PSS restricted' : 'linters, cross-object';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** The Markdown table of every rule: id, severity, origin, why, fix. */
export function ruleTable(): string {
  const rows = [...ALL_RULES, { ...ACK_REASON_RULE, check: () => [] }].map((rule) => {
    const origin = rule.id === ACK_REASON_RULE.id ? 'acknowledgements' : source(rule);
    return `| \`${rule.id}\` | ${rule.severity} | ${origin} | ${cell(rule.why)} | ${cell(rule.fix)} |`;
  });
  return ['| id | severity | from | why | fix |', '| --- | --- | --- | --- | --- |', ...rows].join('\n');
}

describe('docs/guardrails.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);

  test('holds the rule table generated from the rules', () => {
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    const expected = `${BEGIN}\n${ruleTable()}\n${END}`;
    const actual = doc.slice(begin, end + END.length);
    if (actual !== expected && process.env.UPDATE_RULE_TABLE === '1') {
      fs.writeFileSync(DOC, doc.slice(0, begin) + expected + doc.slice(end + END.length));
      return;
    }
    expect(actual).toEqual(expected);
  });

  test('lists every rule id, and only those', () => {
    const listed = [...doc.slice(begin, end).matchAll(/^\| `([a-z0-9-]+)` \|/gm)].map((m) => m[1]);
    expect(listed).toEqual([...ALL_RULES.map((rule) => rule.id), ACK_REASON_RULE.id]);
    // every id a platform team can name in code (RuleId), in the same order
    expect(listed).toEqual(Object.values(RuleId));
  });

  test('gives the exact cdk8s.yaml lines the integration test uses', () => {
    // the same keys as CDK8S_YAML in golden-validation.integ.test.ts, with a real version
    expect(doc).toContain([
      'validations:',
      '  - package: ./node_modules/cdk8s-golden',
      '    version: 1.2.3  # the exact version of cdk8s-golden installed in the app',
      '    class: GoldenValidation',
    ].join('\n'));
  });
});
