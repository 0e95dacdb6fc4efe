import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

// GitOps (docs/gitops.md), the part that needs whole processes: each example app, run as
// `npx projen synth:example` runs it, synthesizes byte-identical YAML from two processes that
// differ in time zone, locale and environment. The rest is in gitops.test.ts.

const REPO = path.join(__dirname, '..');
const EXAMPLES = ['web-service', 'internal-apis', 'platform-profile', 'canary-rollout', 'gateway-api', 'workload-shapes', 'pod-composition'];

/** Runs an example's main.ts as `npx projen synth:example` does, into `outdir`, with extra environment. */
function synthExample(example: string, outdir: string, env: Record<string, string>): Map<string, Buffer> {
  const result = spawnSync(process.execPath, ['-r', 'ts-node/register', 'main.ts'], {
    cwd: path.join(REPO, 'examples', example),
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      TS_NODE_PROJECT: path.join(REPO, 'examples', 'tsconfig.json'),
      TS_NODE_TRANSPILE_ONLY: 'true',
      CDK8S_OUTDIR: outdir,
      ...env,
    },
  });
  if (result.status !== 0) throw new Error(`examples/${example}/main.ts exited with ${result.status ?? result.error?.message}:\n${result.stderr}`);
  return new Map(fs.readdirSync(outdir).sort().map((f) => [f, fs.readFileSync(path.join(outdir, f))]));
}

describe('nothing generated or time-dependent', () => {
  let work: string;
  beforeAll(() => { work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-golden-gitops-')); });
  afterAll(() => fs.rmSync(work, { recursive: true, force: true }));

  test.each(EXAMPLES)('examples/%s: byte-identical YAML from two processes with another time zone, locale and environment', (example) => {
    // GIVEN two runs, seconds apart, that differ in everything but the code
    const first = synthExample(example, path.join(work, example, 'a'), {
      TZ: 'UTC', LANG: 'C', LC_ALL: 'C', HOSTNAME: 'ci-runner-1', USER: 'ci', GITOPS_RUN: 'first',
    });
    const second = synthExample(example, path.join(work, example, 'b'), {
      TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8', HOSTNAME: 'laptop', USER: 'dev', GITOPS_RUN: 'second', CI: '',
    });
    // THEN
    expect([...second.keys()]).toEqual([...first.keys()]);
    expect(first.size).toBeGreaterThan(0);
    for (const [file, bytes] of first) {
      expect({ file, same: bytes.equals(second.get(file)!) }).toEqual({ file, same: true });
    }
  }, 120_000);

});
