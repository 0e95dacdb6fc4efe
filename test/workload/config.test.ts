import { createHash } from 'crypto';
import { Testing } from 'cdk8s';
import { Construct } from 'constructs';
import { resolveConfig } from '../../src/workload/config';

const KEY_FIX = "use letters, digits, '-', '_' and '.', such as 'app.yaml'";

function webScope(): Construct {
  const chart = Testing.chart();
  return new Construct(chart, 'web');
}

describe('resolveConfig', () => {
  test('names the ConfigMap after the workload and a 10-digit hash of the content', () => {
    // GIVEN
    const config = { 'app.yaml': 'port: 8080\n' };
    // WHEN
    const content = resolveConfig(webScope(), 'web', config);
    // THEN
    const expected = createHash('sha256').update(JSON.stringify(config)).digest('hex').slice(0, 10);
    expect(content).toEqual({ name: `web-config-${expected}`, data: config, hash: expected });
    expect(content.hash).toMatch(/^[0-9a-f]{10}$/);
  });

  test('sorts the files, so the order they were given in does not matter', () => {
    // GIVEN
    const a = { 'z.yaml': '1', 'a.yaml': '2', 'm.properties': '3' };
    const b = { 'a.yaml': '2', 'm.properties': '3', 'z.yaml': '1' };
    // WHEN
    const ca = resolveConfig(webScope(), 'web', a);
    const cb = resolveConfig(webScope(), 'web', b);
    // THEN
    expect(Object.keys(ca.data)).toEqual(['a.yaml', 'm.properties', 'z.yaml']);
    expect(ca).toEqual(cb);
  });

  test('a change of content is a new name', () => {
    // GIVEN
    const before = resolveConfig(webScope(), 'web', { 'app.yaml': 'level: info' });
    // WHEN
    const after = resolveConfig(webScope(), 'web', { 'app.yaml': 'level: debug' });
    // THEN
    expect(after.name).not.toBe(before.name);
    expect(after.hash).not.toBe(before.hash);
  });

  test('a renamed file with the same content is a new name', () => {
    // GIVEN
    const before = resolveConfig(webScope(), 'web', { 'a.yaml': 'x' });
    // WHEN
    const after = resolveConfig(webScope(), 'web', { 'b.yaml': 'x' });
    // THEN
    expect(after.hash).not.toBe(before.hash);
  });

  test('the hash does not depend on the workload name', () => {
    // GIVEN
    const config = { 'app.yaml': 'x' };
    // WHEN
    const web = resolveConfig(webScope(), 'web', config);
    const api = resolveConfig(webScope(), 'api', config);
    // THEN
    expect(web.hash).toBe(api.hash);
    expect([web.name, api.name]).toEqual([`web-config-${web.hash}`, `api-config-${web.hash}`]);
  });

  test('does not change the map it was given', () => {
    // GIVEN
    const config = { 'z.yaml': '1', 'a.yaml': '2' };
    // WHEN
    resolveConfig(webScope(), 'web', config);
    // THEN
    expect(Object.keys(config)).toEqual(['z.yaml', 'a.yaml']);
  });

  test.each(['app.yaml', 'a', '.env', '_x', 'A-Z_0.9', 'x'.repeat(253)])('accepts the file name %p', (key) => {
    // GIVEN / WHEN
    const content = resolveConfig(webScope(), 'web', { [key]: 'v' });
    // THEN
    expect(content.data).toEqual({ [key]: 'v' });
  });

  test('accepts empty files and unicode content', () => {
    // GIVEN
    const config = { 'empty.txt': '', 'greeting.txt': 'grüße, 世界 🌍' };
    // WHEN
    const content = resolveConfig(webScope(), 'web', config);
    // THEN
    expect(content.data).toEqual(config);
  });

  test.each([
    ['.', "'.'"],
    ['..', "'..'"],
    ['', "''"],
    ['conf/app.yaml', "'conf/app.yaml'"],
    ['app yaml', "'app yaml'"],
    ['äpp.yaml', "'äpp.yaml'"],
    ['app:yaml', "'app:yaml'"],
    ['x'.repeat(254), `'${'x'.repeat(78)}…`],
  ])('refuses the file name %p', (key, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', { 'ok.yaml': 'x', [key]: 'v' }))
      .toThrow(new Error(`[test/web] config: has a key that is not a valid file name, got ${shown}; ${KEY_FIX}`));
  });

  test('refuses an empty map', () => {
    // GIVEN / WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', {}))
      .toThrow(new Error('[test/web] config: must hold at least one file, got {}; add a file such as { "app.yaml": "…" } or leave config out'));
  });

  test.each([
    [null, 'null'],
    [undefined, 'undefined'],
    ['app.yaml', "'app.yaml'"],
    [['app.yaml'], '["app.yaml"]'],
  ])('refuses %p, which is not a map', (config, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', config))
      .toThrow(new Error(`[test/web] config: must be a map of strings to strings, got ${shown}; pass an object such as { key: 'value' }`));
  });

  test.each([
    [42, '42'],
    [null, 'null'],
    [{ nested: 'x' }, '{"nested":"x"}'],
    [Buffer.from('x'), '{"type":"Buffer","data":[120]}'],
  ])('refuses file content %p, which is not a string', (value, shown) => {
    // GIVEN / WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', { 'app.yaml': value }))
      .toThrow(new Error(`[test/web] config.app.yaml: must be a string, got ${shown}; quote the value (Kubernetes labels, annotations and env values are strings)`));
  });

  test('accepts content up to 1 MiB (1,048,576 bytes), names and values together', () => {
    // GIVEN: an 8-byte name and 1,048,568 bytes of content
    const config = { 'big.json': 'x'.repeat(1_048_568) };
    // WHEN
    const content = resolveConfig(webScope(), 'web', config);
    // THEN
    expect(content.data['big.json']).toHaveLength(1_048_568);
  });

  test('refuses content over 1 MiB', () => {
    // GIVEN
    const config = { 'big.json': 'x'.repeat(1_048_569) };
    // WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', config))
      .toThrow(new Error("[test/web] config: is larger than the 1 MiB (1,048,576 bytes) a ConfigMap can hold, got '1048577 bytes'; keep large files in the image or a volume"));
  });

  test('counts bytes, not characters', () => {
    // GIVEN: 524,286 two-byte characters and a 5-byte name
    const config = { 'a.txt': 'é'.repeat(524_286) };
    // WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', config))
      .toThrow(new Error("[test/web] config: is larger than the 1 MiB (1,048,576 bytes) a ConfigMap can hold, got '1048577 bytes'; keep large files in the image or a volume"));
  });

  // Known issue (see report): the API server refuses ConfigMap keys that start with '..' (kubelet's atomic
  // writer uses them); only '.' and '..' themselves are refused here.
  test('refuses a file name starting with ..', () => {
    // GIVEN / WHEN / THEN
    expect(() => resolveConfig(webScope(), 'web', { '..data': 'x' }))
      .toThrow(new Error(`[test/web] config: has a key that is not a valid file name, got '..data'; ${KEY_FIX}`));
  });

  // Known issue (see report): a '__proto__' key (from JSON.parse) is lost when the sorted copy is built with `sorted[key] = …`.
  test('keeps a file named __proto__', () => {
    // GIVEN
    const config = JSON.parse('{"__proto__": "x", "a.yaml": "y"}');
    // WHEN
    const content = resolveConfig(webScope(), 'web', config);
    // THEN
    expect(Object.keys(content.data)).toEqual(['__proto__', 'a.yaml']);
  });
});
