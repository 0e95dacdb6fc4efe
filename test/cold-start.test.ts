/**
 * Cold start: of cdk8s-plus-30, the library loads only the modules it uses, the L1 classes
 * (`lib/imports/k8s`) and `Cpu` (`lib/container`). The package root also loads every L2 construct,
 * about 20 ms of a 100 ms require on a 2-CPU VM (bench/README.md, case f).
 */
describe('cold start: what requiring the library loads of cdk8s-plus-30', () => {
  /** Requires the library in a fresh module registry and returns whether the package root loaded. */
  function rootLoaded(then: (lib: any) => void = () => undefined): boolean {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock('cdk8s-plus-30', () => {
        loaded = true;
        return jest.requireActual('cdk8s-plus-30');
      });
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      then(require('../src'));
    });
    jest.dontMock('cdk8s-plus-30');
    return loaded;
  }

  test('require() does not load the package root (its L2 constructs)', () => {
    // GIVEN / WHEN the library is required
    const loaded = rootLoaded();
    // THEN the root of cdk8s-plus-30 did not load
    expect(loaded).toBe(false);
  });

  test('a synth of every construct does not load it either', () => {
    // GIVEN / WHEN a namespace, a WebService, an InternalApi and a CanaryRelease synthesize
    const loaded = rootLoaded((lib) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Testing } = require('cdk8s');
      const chart = Testing.chart();
      new lib.SecureNamespace(chart, 'ns', { name: 'shop' });
      const web = new lib.WebService(chart, 'web', { image: 'ghcr.io/acme/web:1.0.0', port: 8080, host: 'shop.example.com' });
      const api = new lib.InternalApi(chart, 'api', { image: 'ghcr.io/acme/api:1.0.0' });
      api.allowFrom(web);
      new lib.CanaryRelease(chart, 'checkout', { stable: { image: 'ghcr.io/acme/checkout:1.0.0' }, canary: { image: 'ghcr.io/acme/checkout:1.1.0', weight: 10 }, host: 'checkout.example.com' });
      expect(Testing.synth(chart).length).toBeGreaterThan(10);
    });
    // THEN
    expect(loaded).toBe(false);
  });

  test('the check is able to see a load of the package root', () => {
    // GIVEN / WHEN code that imports the root, as a user's app may
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const loaded = rootLoaded(() => require('cdk8s-plus-30'));
    // THEN it is seen
    expect(loaded).toBe(true);
  });
});
