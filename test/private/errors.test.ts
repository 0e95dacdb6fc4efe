import { Duration, Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { fail, formatValue, problem } from '../../src/private/errors';

describe('formatValue', () => {
  test('a string is shown in single quotes', () => {
    // GIVEN
    const value = 'nginx:latest';
    // WHEN
    const text = formatValue(value);
    // THEN
    expect(text).toBe("'nginx:latest'");
  });

  test('an empty string is shown as two quotes', () => {
    // GIVEN / WHEN
    const text = formatValue('');
    // THEN
    expect(text).toBe("''");
  });

  test('undefined, null, numbers and booleans are shown as JavaScript writes them', () => {
    // GIVEN
    const values: unknown[] = [undefined, null, 0, -1, 1.5, NaN, Infinity, true, false];
    // WHEN
    const texts = values.map(formatValue);
    // THEN
    expect(texts).toEqual(['undefined', 'null', '0', '-1', '1.5', 'NaN', 'Infinity', 'true', 'false']);
  });

  test('a value stays on one line: control characters and the Unicode line and paragraph separators are escaped', () => {
    // GIVEN (a property counterexample: 'x\u2028é' broke the message in two for every line reader)
    const values: unknown[] = ['x\u2028\u2029é', 'a\u0000b\u001bc\u007f\u0085', { 'k\u2028': 'v\u0085' }];
    // WHEN
    const texts = values.map(formatValue);
    // THEN
    expect(texts).toEqual(["'x\\u2028\\u2029é'", "'a\\u0000b\\u001bc\\u007f\\u0085'", '{"k\\u2028":"v\\u0085"}']);
    for (const text of texts) {
      expect(text).toMatch(/^.*$/);
    }
  });

  test('objects and arrays are shown as JSON', () => {
    // GIVEN
    const values: unknown[] = [{ a: 1 }, [1, 'a'], {}, []];
    // WHEN
    const texts = values.map(formatValue);
    // THEN
    expect(texts).toEqual(['{"a":1}', '[1,"a"]', '{}', '[]']);
  });

  test('a Duration is shown as its JSON fields', () => {
    // GIVEN
    const value = Duration.seconds(5);
    // WHEN
    const text = formatValue(value);
    // THEN
    expect(text).toBe('{"amount":5,"unit":{"label":"seconds","inMillis":1000}}');
  });

  test('values JSON cannot write fall back to String()', () => {
    // GIVEN
    const fn = () => 1;
    const symbol = Symbol('x');
    // WHEN
    const texts = [formatValue(fn), formatValue(symbol)];
    // THEN
    expect(texts).toEqual(['() => 1', 'Symbol(x)']);
  });

  test('a value JSON refuses (circular, BigInt) never makes it throw', () => {
    // GIVEN
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    // WHEN
    const text = formatValue(circular);
    // THEN
    expect(text).toBe('[object Object]');
    expect(() => formatValue(BigInt(10))).not.toThrow();
  });

  test('a value of exactly 80 characters is shown whole', () => {
    // GIVEN: 78 characters plus the two quotes
    const value = 'a'.repeat(78);
    // WHEN
    const text = formatValue(value);
    // THEN
    expect(text).toBe(`'${value}'`);
    expect(text).toHaveLength(80);
  });

  test('a longer value is cut to 80 characters ending with an ellipsis', () => {
    // GIVEN: 79 characters plus the two quotes
    const value = 'a'.repeat(79);
    // WHEN
    const text = formatValue(value);
    // THEN
    expect(text).toBe(`'${'a'.repeat(78)}…`);
    expect(text).toHaveLength(80);
  });

  test('a very long JSON value is cut too', () => {
    // GIVEN
    const value = { key: 'x'.repeat(1000) };
    // WHEN
    const text = formatValue(value);
    // THEN
    expect(text).toBe(`{"key":"${'x'.repeat(71)}…`);
    expect(text).toHaveLength(80);
  });

  test('unicode is shown as given', () => {
    // GIVEN
    const value = 'bücher-ünïcødé';
    // WHEN
    const text = formatValue(value);
    // THEN
    expect(text).toBe("'bücher-ünïcødé'");
  });
});

describe('problem', () => {
  test('joins field, problem, value and fix in the one shape', () => {
    // GIVEN / WHEN
    const text = problem('port', 'must be a whole number from 1 to 65535', 0, 'set port to a whole number from 1 to 65535');
    // THEN
    expect(text).toBe('port: must be a whole number from 1 to 65535, got 0; set port to a whole number from 1 to 65535');
  });

  test('quotes a string value', () => {
    // GIVEN / WHEN
    const text = problem('image', 'is not a valid image reference', 'NGINX', 'use lower case');
    // THEN
    expect(text).toBe("image: is not a valid image reference, got 'NGINX'; use lower case");
  });
});

describe('fail', () => {
  test('throws the message prefixed with the construct path', () => {
    // GIVEN
    const chart = Testing.chart();
    const scope = new Construct(chart, 'web');
    // WHEN / THEN
    expect(() => fail(scope, 'image', 'the image must be pinned to a tag or digest', 'nginx:latest', "use an immutable tag such as 'nginx:1.27.3'"))
      .toThrow(new Error("[test/web] image: the image must be pinned to a tag or digest, got 'nginx:latest'; use an immutable tag such as 'nginx:1.27.3'"));
  });

  test('names the deepest construct of a nested path', () => {
    // GIVEN
    const chart = Testing.chart();
    const scope = new Construct(new Construct(chart, 'shop'), 'web');
    // WHEN / THEN
    expect(() => fail(scope, 'replicas', 'must be at least 2', 1, 'set replicas to 2 or more'))
      .toThrow(new Error('[test/shop/web] replicas: must be at least 2, got 1; set replicas to 2 or more'));
  });

  test('throws a plain Error', () => {
    // GIVEN
    const chart = Testing.chart();
    const scope = new Construct(chart, 'web');
    // WHEN
    let thrown: unknown;
    try {
      fail(scope, 'f', 'is wrong', undefined, 'fix it');
    } catch (e) {
      thrown = e;
    }
    // THEN
    expect(thrown).toBeInstanceOf(Error);
    expect((thrown as Error).message).toBe('[test/web] f: is wrong, got undefined; fix it');
  });
});
