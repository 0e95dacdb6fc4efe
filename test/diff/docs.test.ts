import * as fs from 'fs';
import * as path from 'path';
import { DIFF_RULES } from '../../src/diff/rules';

// docs/diff.md lists every diff rule in a table generated from the rules, between two markers.
// `UPDATE_RULE_TABLE=1 npx jest test/diff/docs.test.ts` rewrites it (then review the diff).

const DOC = path.join(__dirname, '..', '..', 'docs', 'diff.md');
const BEGIN = '<!-- diff-rule-table:begin (generated from src/diff/rules by test/diff/docs.test.ts) -->';
const END = '<!-- diff-rule-table:end -->';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

function ruleTable(): string {
  const rows = DIFF_RULES.map((rule) => `| \`${rule.id}\` | ${cell(rule.why)} | ${cell(rule.fix)} | ${cell(rule.source)} |`);
  return ['| id | why | fix | from |', '| --- | --- | --- | --- |', ...rows].join('\n');
}

describe('docs/diff.md', () => {
  const doc = fs.readFileSync(DOC, 'utf8');
  const begin = doc.indexOf(BEGIN);
  const end = doc.indexOf(END);

  test('holds the rule table generated from the rules', () => {
    // GIVEN / WHEN
    const expected = `${BEGIN}\n${ruleTable()}\n${END}`;
    const actual = doc.slice(begin, end + END.length);
    if (actual !== expected && process.env.UPDATE_RULE_TABLE === '1') {
      fs.writeFileSync(DOC, doc.slice(0, begin) + expected + doc.slice(end + END.length));
      return;
    }
    // THEN
    expect(begin).toBeGreaterThan(0);
    expect(actual).toEqual(expected);
  });

  test('every rule id starts with immutable-, prune- or traffic-, and is described in a section', () => {
    // THEN
    for (const rule of DIFF_RULES) {
      expect(rule.id).toMatch(/^(immutable|prune|traffic)-[a-z-]+$/);
      expect(doc).toContain(`- **\`${rule.id}\`**:`);
    }
  });

  test('gives the exact command of the README in the CI recipes', () => {
    // GIVEN
    const readme = fs.readFileSync(path.join(__dirname, '..', '..', 'README.md'), 'utf8');
    // THEN
    expect(readme).toContain('npx cdk8s-golden diff base/dist pr/dist');
    expect(doc.split('run: npx cdk8s-golden diff base/dist pr/dist').length).toBe(2);
    expect(doc.split('    - npx cdk8s-golden diff base/dist pr/dist').length).toBe(2);
  });
});
