import { cdk8s, javascript } from 'projen';

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
      coveragePathIgnorePatterns: ['/node_modules/', '/test/'],
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
for (const example of ['web-service', 'internal-apis', 'platform-profile', 'canary-rollout']) {
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

// End to end as an app team consumes the library: npm pack, a fresh cdk8s app from the README,
// cdk8s synth, synth --validate with GoldenValidation, cdk8s-golden check. Needs lib/ (compile).
const e2e = project.addTask('e2e', {
  description: 'Pack the library and synthesize the README app in a fresh cdk8s app (needs lib/: run compile first)',
  exec: 'ts-node --project test/tsconfig.json test/e2e/consumer.ts',
});
project.testTask.spawn(e2e);

project.synth();
