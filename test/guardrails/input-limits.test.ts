import * as fs from 'fs';
import * as path from 'path';
import { MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_FULL_READER_BYTES, MAX_INPUT_BYTES, allowedAliasRatio, formatBytes } from '../../src/guardrails/input-limits';

describe('input limits', () => {
  test('the numbers docs/guardrails.md states', () => {
    // THEN
    expect([MAX_INPUT_BYTES, MAX_DOCUMENT_BYTES, MAX_FULL_READER_BYTES, MAX_DEPTH]).toEqual([104_857_600, 16_777_216, 8_388_608, 100]);
  });

  test('docs/guardrails.md states each limit with its number', () => {
    // GIVEN
    const docs = fs.readFileSync(path.join(__dirname, '..', '..', 'docs', 'guardrails.md'), 'utf8');
    // THEN
    expect(docs).toContain(`| all input together (files and standard input) | ${formatBytes(MAX_INPUT_BYTES)} |`);
    expect(docs).toContain(`| one YAML document (text between two \`---\` lines), one JSON file | ${formatBytes(MAX_DOCUMENT_BYTES)} |`);
    expect(docs).toContain(`| ${formatBytes(MAX_FULL_READER_BYTES)} in all |`);
    expect(docs).toContain(`| nesting of maps and lists | ${MAX_DEPTH} levels |`);
    expect(docs).toContain('at most 99 % of the nodes may come from aliases up to 400,000 nodes, falling linearly to 10 % at 4,000,000');
  });

  test('aliases may make 99 % of a document up to 400,000 nodes, 10 % from 4,000,000, linear in between (go-yaml v2)', () => {
    // WHEN / THEN
    expect(allowedAliasRatio(1_000)).toBe(0.99);
    expect(allowedAliasRatio(400_000)).toBe(0.99);
    expect(allowedAliasRatio(2_200_000)).toBeCloseTo(0.545, 10);
    expect(allowedAliasRatio(4_000_000)).toBe(0.10);
    expect(allowedAliasRatio(40_000_000)).toBe(0.10);
  });

  test('sizes are written in MiB when whole', () => {
    // WHEN / THEN
    expect(formatBytes(MAX_INPUT_BYTES)).toBe('100 MiB');
    expect(formatBytes(1000)).toBe('1000 bytes');
  });
});
