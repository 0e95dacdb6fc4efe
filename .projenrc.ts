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

  cdk8sVersion: '2.68.12',
  constructsVersion: '10.3.0',
  peerDeps: ['cdk8s-plus-30@^2.4.10'],
  // The command line reads YAML (js-yaml parses ~7x faster than yaml on 10,000 documents);
  // jsii packages ship their non-jsii dependencies bundled.
  bundledDeps: ['js-yaml@^4.1.0'],
  devDeps: [
    'cdk8s-plus-30@2.4.10',
    'cdk8s-cli@^2.207.0',
    // Gateway API schemas for tests (0.5.x: the last release that runs on Node 20).
    '@kubernetes-models/gateway-api@0.5.1',
    'fast-check@^4.3.0',
    'kubernetes-models@^4.5.1',
    '@types/js-yaml@^4.0.9',
    'yaml@^2.6.0',
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

project.synth();
