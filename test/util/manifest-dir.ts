import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { stringify } from 'yaml';

/** A temporary folder of manifest files, made anew before each test of the describe block that calls this and removed after it. */
export interface ManifestDir {
  /** The folder of the current test. */
  readonly dir: string;
  /** Writes the manifests to `file` (under the folder) as multi-document YAML; returns its path. */
  write(file: string, manifests: any[]): string;
}

/** Registers the folder's beforeEach and afterEach in the calling describe block. */
export function manifestDir(prefix: string): ManifestDir {
  let dir = '';
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));
  return {
    get dir() {
      return dir;
    },
    write(file: string, manifests: any[]): string {
      const full = path.join(dir, file);
      fs.mkdirSync(path.dirname(full), { recursive: true });
      fs.writeFileSync(full, manifests.map((m) => stringify(m)).join('---\n'));
      return full;
    },
  };
}
