import { Exposure } from '../../src/network/exposure';

describe('Exposure', () => {
  test('two ways in, each recognised as an Exposure, by kind', () => {
    // GIVEN / WHEN / THEN
    expect(Exposure.INGRESS.kind).toBe('ingress');
    expect(Exposure.GATEWAY.kind).toBe('gateway');
    expect(Exposure.isExposure(Exposure.INGRESS)).toBe(true);
    expect(Exposure.isExposure(Exposure.GATEWAY)).toBe(true);
  });

  test('a look-alike from JavaScript is no Exposure', () => {
    expect(Exposure.isExposure({ kind: 'gateway' })).toBe(false);
    expect(Exposure.isExposure('gateway')).toBe(false);
    expect(Exposure.isExposure(undefined)).toBe(false);
  });

  test('the brand does not show in JSON', () => {
    expect(JSON.stringify(Exposure.GATEWAY)).toBe('{"kind":"gateway"}');
  });
});
