import { labelsOf, textOf } from '../../src/guardrails/manifest';

describe('textOf', () => {
  test('strings as they are, other scalars as String gives them, maps and lists as JSON', () => {
    // WHEN / THEN
    expect(textOf('web')).toBe('web');
    expect(textOf(3)).toBe('3');
    expect(textOf(true)).toBe('true');
    expect(textOf(null)).toBe('null');
    expect(textOf(undefined)).toBe('undefined');
    expect(textOf({ nested: 'map' })).toBe('{"nested":"map"}');
    expect(textOf(['a', 1])).toBe('["a",1]');
  });

  test('never throws on a map whose toString and valueOf keys hold no function (valid YAML: {toString: 1})', () => {
    // GIVEN
    const hostile = { toString: 1, valueOf: 2 };
    // WHEN / THEN
    expect(() => String(hostile)).toThrow(TypeError);
    expect(textOf(hostile)).toBe('{"toString":1,"valueOf":2}');
  });
});

describe('labelsOf', () => {
  test('labels as text, whatever their values hold', () => {
    // WHEN / THEN
    expect(labelsOf({ labels: { app: 'web', replicas: 3, odd: { toString: 1 } } })).toEqual({ app: 'web', replicas: '3', odd: '{"toString":1}' });
    expect(labelsOf(undefined)).toEqual({});
  });
});
