/**
 * Cold start: requiring the library must not load the YAML reader, the rule engine or the rules;
 * they load when the guardrails first run (or a rule id is checked).
 */
describe('cold start: what requiring the library loads', () => {
  const LAZY = ['js-yaml', 'yaml', '../../src/guardrails/engine', '../../src/guardrails/rules', '../../src/guardrails/context', '../../src/guardrails/manifest-files',
    '../../src/guardrails/kubernetes-yaml'];

  /** Requires the library in a fresh module registry, runs `then`, and returns which of LAZY loaded. */
  function loadedBy(then: (lib: any) => void = () => undefined): string[] {
    const loaded: string[] = [];
    jest.isolateModules(() => {
      for (const name of LAZY) {
        jest.doMock(name, () => {
          loaded.push(name);
          return jest.requireActual(name);
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      then(require('../../src'));
    });
    for (const name of LAZY) {
      jest.dontMock(name);
    }
    return loaded;
  }

  test('require() loads none of the YAML reader, the engine and the rules', () => {
    // GIVEN / WHEN the library is required
    const loaded = loadedBy();
    // THEN none of them loaded
    expect(loaded).toEqual([]);
  });

  test('a synth with guardrails loads the engine and the rules, not the YAML reader', () => {
    // GIVEN / WHEN a protected chart synthesizes
    const loaded = loadedBy((lib) => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { Testing, ApiObject } = require('cdk8s');
      const chart = Testing.chart();
      lib.Guardrails.protect(chart, { reportWarnings: false });
      new ApiObject(chart, 'config', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' } });
      expect(Testing.synth(chart)).toHaveLength(1);
      expect(lib.Guardrails.ruleIds()).toContain('image-tag');
    });
    // THEN the engine and the rules loaded, and no YAML reader
    expect(loaded).toEqual(expect.arrayContaining(['../../src/guardrails/engine', '../../src/guardrails/rules']));
    expect(loaded).not.toContain('js-yaml');
    expect(loaded).not.toContain('yaml');
    expect(loaded).not.toContain('../../src/guardrails/kubernetes-yaml');
  });
});
