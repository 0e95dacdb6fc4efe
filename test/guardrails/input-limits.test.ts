import { MAX_DEPTH, MAX_DOCUMENT_BYTES, MAX_FULL_READER_BYTES, MAX_INPUT_BYTES, allowedAliasRatio, formatBytes } from '../../src/guardrails/input-limits';

describe('input limits', () => {
  test('the numbers docs/guardrails.md states', () => {
    // THEN
    expect([MAX_INPUT_BYTES, MAX_DOCUMENT_BYTES, MAX_FULL_READER_BYTES, MAX_DEPTH]).toEqual([104_857_600, 16_777_216, 8_388_608, 100]);
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
