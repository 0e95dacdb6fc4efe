// The newest end of the peer range: the tests whose outcome depends on cdk8s, constructs and
// cdk8s-plus-30, run against the newest 2.x / 10.x releases of the registry.
//
//   npx projen integ      (this is its last step; needs the registry)
//
// The repository's own node_modules hold the oldest supported versions (the devDependencies pin
// the lower bounds of the peer ranges, and test/peer-range/peers.test.ts checks that). This
// script installs the newest releases within the peer ranges into .tmp/newest-peers/, and runs
// jest with a config that maps every `require` of those three packages (ours and cdk8s-plus-30's
// own) to that folder. GoldenApp's byte-identical output, the snapshots of every construct and
// example, the YAML writer and the synth-time guardrails are then checked against what a new app
// installs today. test/peer-range/peers.test.ts checks that the mapping took effect.
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

const REPO = path.resolve(__dirname, '..', '..');
const DIR = path.join(REPO, '.tmp', 'newest-peers');
const PEERS = ['cdk8s', 'constructs', 'cdk8s-plus-30'];
const TESTS = [
  'test/peer-range/', 'test/golden-app.test.ts', 'test/examples.test.ts', 'test/gitops.test.ts', 'test/private/',
  'test/web-service.test.ts', 'test/internal-api.test.ts', 'test/canary-release.test.ts', 'test/secure-namespace.test.ts',
  'test/guardrails/guardrails.test.ts',
];

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): void {
  console.log(`[newest-peers] $ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, stdio: 'inherit', timeout: 600_000 });
  if (result.status !== 0) {
    console.error(`[newest-peers] FAILED: \`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal ?? result.error?.message}`);
    process.exit(1);
  }
}

function main(): void {
  const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  fs.rmSync(DIR, { recursive: true, force: true });
  fs.mkdirSync(DIR, { recursive: true });
  fs.writeFileSync(path.join(DIR, 'package.json'), JSON.stringify({ name: 'newest-peers', private: true }));
  // The peer ranges as package.json declares them: npm picks the newest release of each.
  run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', ...PEERS.map((p) => `${p}@${pkg.peerDependencies[p]}`)], DIR);
  const versions = Object.fromEntries(PEERS.map((p) => [p, JSON.parse(fs.readFileSync(path.join(DIR, 'node_modules', p, 'package.json'), 'utf8')).version]));
  console.log(`[newest-peers] newest within the peer ranges: ${PEERS.map((p) => `${p}@${versions[p]}`).join(', ')}`);

  const config = {
    ...pkg.jest,
    rootDir: REPO,
    moduleNameMapper: { [`^(${PEERS.join('|')})(/.*)?$`]: `${path.join(DIR, 'node_modules')}/$1$2` },
  };
  const configFile = path.join(DIR, 'jest.config.json');
  fs.writeFileSync(configFile, JSON.stringify(config, null, 2));
  run(process.execPath, [require.resolve('jest/bin/jest', { paths: [REPO] }), '--ci', '--config', configFile, ...TESTS], REPO,
    { ...process.env, GOLDEN_PEER_VERSIONS: JSON.stringify(versions) });
  console.log('[newest-peers] passed');
}

main();
