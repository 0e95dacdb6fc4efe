import { cdk8s, javascript } from 'projen';

/**
 * The integration layer: tests that spawn processes (ts-node, cdk8s-cli, helm) or pack the
 * library. `npx projen integ` runs them (and the full property runs, and the end-to-end test);
 * the unit layer (`npx projen test`) runs every other test file.
 */
const INTEGRATION_TESTS = '\\.integ\\.test\\.ts$';

const project = new cdk8s.ConstructLibraryCdk8s({
  name: 'cdk8s-golden',
  description: 'The golden path to Kubernetes for cdk8s: hardened WebService, InternalApi, CanaryRelease and SecureNamespace constructs that pass Pod Security restricted, kube-score, kube-linter and Polaris.',
  keywords: ['cdk8s', 'kubernetes', 'k8s', 'golden-path', 'platform-engineering', 'pod-security', 'hardening'],
  author: 'cdk8s-golden maintainers',
  authorAddress: 'maintainers@cdk8s-golden.dev',
  repositoryUrl: 'https://github.com/cdk8s-golden/cdk8s-golden.git',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  jsiiVersion: '~6.0.0',

  // The jsii languages besides JavaScript. CI generates their bindings with
  // `jsii-pacmak --code-only` (task pacmak:code-only); building and publishing the packages needs
  // registries CI does not reach, so that is left to the release workflow's jobs.
  publishToPypi: { distName: 'cdk8s-golden', module: 'cdk8s_golden' },
  publishToMaven: {
    javaPackage: 'io.github.cdk8s_golden',
    mavenGroupId: 'io.github.cdk8s-golden',
    mavenArtifactId: 'cdk8s-golden',
  },
  publishToNuget: { dotNetNamespace: 'Cdk8sGolden', packageId: 'Cdk8sGolden' },
  publishToGo: { moduleName: 'github.com/cdk8s-golden/cdk8s-golden-go', packageName: 'cdk8sgolden' },

  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  peerDeps: ['cdk8s-plus-30@^2.4.10'],
  // The command line reads YAML as Kubernetes does (YAML 1.1): the `yaml` package's YAML 1.1
  // schema, with js-yaml (about 10x faster) for the documents where both provably agree; see
  // src/guardrails/kubernetes-yaml.ts. jsii packages ship their non-jsii dependencies bundled.
  bundledDeps: ['js-yaml@^4.1.0', 'yaml@^2.6.0'],
  devDeps: [
    'cdk8s-plus-30@2.4.10',
    'cdk8s-cli@^2.207.0',
    // Gateway API schemas for tests (0.5.x: the last release that runs on Node 20).
    '@kubernetes-models/gateway-api@0.5.1',
    // KEDA ScaledObject schema for tests (0.4.2: 2.x needs Node 22).
    '@kubernetes-models/keda@0.4.2',
    // Prometheus Operator ServiceMonitor and PodMonitor schemas for tests (4.4.4: the same
    // base and validate majors as kubernetes-models 4 and keda 0.4; 5.x needs Node 22).
    '@kubernetes-models/prometheus-operator@4.4.4',
    'fast-check@^4.3.0',
    'kubernetes-models@^4.5.1',
    '@types/js-yaml@^4.0.9',
  ],
  bin: { 'cdk8s-golden': 'lib/cli/main.js' },

  jestOptions: {
    // Snapshots are reviewed, never refreshed by a test run: `npx projen test -u` is a conscious act.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // The unit layer (`npx projen test`) leaves out the integration layer's files (see below).
      testPathIgnorePatterns: ['/node_modules/', INTEGRATION_TESTS],
      // Collected in CI only (the test task adds --coverage). Instrumented by babel: V8's coverage
      // made the unit layer about 5 times slower (every test file loads most of src/ and the 3 MB
      // cdk8s-plus module, and V8's counts of each were converted per test file); babel's adds ~20%.
      collectCoverage: false,
      coverageProvider: 'babel',
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
      // jest's default on 2 cores is one worker: files would run one after the other.
      maxWorkers: 2,
    },
  },

  gitignore: ['/examples/*/dist/', '/.tmp/'],
});

// `npm ci` fails on a lock file that lists platform binaries the registry does not serve.
project.package.addField('overrides', { 'unrs-resolver': '1.12.2' });

// What the npm package does not need.
project.npmignore?.exclude('/examples/', '/.ci/', '/.tmp/', '/bench/');

// Examples are part of the product: lint them like the source.
project.eslint?.addLintPattern('examples');

// The first README command: install, then synthesize every example app into YAML (dist/ beside each).
const synthExamples = project.addTask('synth:example', {
  description: 'Synthesize every app in examples/ into examples/<name>/dist',
});
for (const example of ['web-service', 'internal-apis', 'platform-profile', 'canary-rollout', 'gateway-api', 'workload-shapes', 'pod-composition']) {
  synthExamples.exec('ts-node --project ../tsconfig.json main.ts', { cwd: `examples/${example}` });
}

// The API from every jsii language: generate the Python, Java, .NET and Go bindings from the
// assembly (no toolchain or registry needed), after each compile.
const codeOnly = project.addTask('pacmak:code-only', {
  description: 'Generate the Python, Java, .NET and Go bindings (code only, no packaging) into dist/code-only',
  exec: 'jsii-pacmak --code-only --targets python,java,dotnet,go --outdir dist/code-only --no-npmignore --force',
});
// The generated Python must at least parse (python3 is on every machine; the other languages'
// compilers and runtime packages come from registries CI does not reach).
codeOnly.exec('python3 -m compileall -q dist/code-only/python/src');
project.postCompileTask.spawn(codeOnly);
// `package` runs package:js in CI and package-all elsewhere; the real Python, Java, .NET and Go
// packages need pip, Maven, NuGet and Go registries, so locally too `package-all` packs JavaScript
// only. The release workflow runs `projen package:<language>` in jobs that have those toolchains.
const packageAll = project.tasks.tryFind('package-all');
packageAll?.reset();
packageAll?.spawn(project.tasks.tryFind('package:js')!);

// The unit layer, the contributor's loop (`npx projen test`, a few minutes on 2 cores): jest on
// every test file but the integration layer's, with a small property run count; coverage in CI
// only; the type-check of test/ (jest only transpiles it); the linter. In CI the property files
// are left to the integration layer, which runs them at the full count right after.
const IN_CI = 'node -e "if (!process.env.CI) process.exit(1)"';
const NOT_IN_CI = 'node -e "if (process.env.CI) process.exit(1)"';
project.testTask.reset();
project.testTask.exec('jest --ci', { receiveArgs: true, condition: NOT_IN_CI });
project.testTask.exec(`jest --ci --coverage --testPathIgnorePatterns=/node_modules/ --testPathIgnorePatterns=${INTEGRATION_TESTS} --testPathIgnorePatterns=test/property/`, {
  receiveArgs: true,
  condition: IN_CI,
});
project.testTask.exec('tsc --noEmit -p test/tsconfig.json');
project.testTask.spawn(project.tasks.tryFind('eslint')!);

// End to end as an app team consumes the library: npm pack, a fresh cdk8s app from the README,
// cdk8s synth, synth --validate with GoldenValidation, cdk8s-golden check. Needs lib/ (compile).
const e2e = project.addTask('e2e', {
  description: 'Pack the library and synthesize the README app in a fresh cdk8s app (needs lib/: run compile first)',
  exec: 'ts-node --project test/tsconfig.json test/e2e/consumer.ts',
});

// The integration layer (`npx projen integ`, after a compile): the tests that spawn processes or
// run helm, every property at its full run count, the end-to-end test, and the cdk8s-dependent
// tests again on the newest releases within the peer ranges. The README's second
// command (and so .ci/run) runs it after `build`.
const integ = project.addTask('integ', {
  description: 'The integration layer: process spawns, helm, full property runs, end to end (needs lib/: run compile first)',
});
integ.exec(`jest --ci --testPathIgnorePatterns=/node_modules/ --testPathPatterns=${INTEGRATION_TESTS} --testPathPatterns=test/property/`, {
  env: { GOLDEN_PROPERTY_RUNS: '200' },
  receiveArgs: true,
});
integ.spawn(e2e);
// The newest end of the peer range (the unit layer runs on the oldest, which the devDependencies pin).
integ.exec('ts-node --project test/tsconfig.json test/peer-range/newest.ts');

project.synth();
