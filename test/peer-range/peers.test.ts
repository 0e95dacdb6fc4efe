import * as fs from 'fs';
import * as path from 'path';

// Which end of the peer range the tests run on. In the unit layer: the oldest supported versions,
// which the devDependencies pin to the lower bounds of the peer ranges. Under
// test/peer-range/newest.ts: the newest releases it installed (GOLDEN_PEER_VERSIONS).

const REPO = path.join(__dirname, '..', '..');
const PKG = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const PEERS = ['cdk8s', 'constructs', 'cdk8s-plus-30'];

function loadedVersion(name: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`${name}/package.json`).version;
}

describe('the peer range', () => {
  test('the devDependencies pin the oldest version of each peer range', () => {
    for (const name of PEERS) {
      expect({ name, pinned: PKG.devDependencies[name] }).toEqual({ name, pinned: PKG.peerDependencies[name].replace(/^\^/, '') });
    }
  });

  test('the tests load the versions of the end of the range they are run for', () => {
    const newest = process.env.GOLDEN_PEER_VERSIONS;
    const expected: Record<string, string> = newest ? JSON.parse(newest) : Object.fromEntries(PEERS.map((p) => [p, PKG.devDependencies[p]]));
    for (const name of PEERS) {
      expect({ name, version: loadedVersion(name) }).toEqual({ name, version: expected[name] });
    }
  });
});
