// End to end, as an app team consumes the library: the packed npm tarball in a fresh cdk8s app.
//
//   npx projen e2e        (part of `npx projen integ`, so of the README's second command and .ci/run)
//
// From the repository root, with lib/ built by jsii (`npx projen compile`):
//   1. `npm pack` the library into a temporary folder;
//   2. create the README's quickstart app there (`npm init -y`, the README's two `npm install`
//      commands exactly as written, from the registry, with only `cdk8s-golden` replaced by the
//      packed tarball: so the newest packages a newcomer gets are the ones tested, and a drift such
//      as a TypeScript major without the compiler API fails here first), its cdk8s.yaml, tsconfig.json
//      and main.ts copied from README.md, and run `npx cdk8s synth`;
//   3. extend main.ts with the README's WebService, InternalApi (+ RBAC grants), CanaryRelease and
//      SecureNamespace snippets, copied from README.md at run time, and run `npx cdk8s synth`;
//   4. add the GoldenValidation lines of docs/guardrails.md to cdk8s.yaml and run
//      `npx cdk8s synth --validate`: it must pass and write the same YAML;
//   5. check dist/ with `npx cdk8s-golden check dist/` (exit 0), and a bad manifest (exit 1).
// Every step prints what it does; any failure prints the command's output and exits non-zero. The
// temporary folder is removed at the end, whatever happened (E2E_KEEP=1 keeps it to debug).
//
// Where the app departs from the README, and why:
//   - the snippets are fragments: each runs in its own block, after a line or two of scaffolding
//     (SCAFFOLD below) that declares the chart or construct the README's prose refers to.
//   - the cdk8s-cli upgrade check (a request to the registry at every command) is off:
//     CDK8S_CHECK_UPGRADE=false.
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { blocksUnder, CodeBlock, codeBlocks } from '../util/markdown';

const REPO = path.resolve(__dirname, '..', '..');
const README = path.join(REPO, 'README.md');
const GUARDRAILS_DOC = path.join(REPO, 'docs', 'guardrails.md');
const started = Date.now();

/**
 * The README sections whose ```ts blocks go into the app, in order, each in its own block after
 * its scaffolding. `chart` in the scaffolding of the InternalApi section is the quickstart's chart
 * 'shop' (namespace shop), whose WebService is the `storefront` that section's prose refers to.
 */
const SCAFFOLD: ReadonlyArray<{ heading: string; first?: boolean; imports?: string[]; lines: string[] }> = [
  { heading: 'WebService', lines: ["const chart = new Chart(app, 'web', { namespace: 'web' });"] },
  {
    heading: 'InternalApi',
    lines: [
      "const storefront = chart.node.findChild('storefront') as WebService; // the quickstart's",
      "const payments = new Chart(app, 'payments', { namespace: 'payments' });",
    ],
  },
  // The first RBAC block grants on `orders`, declared by the InternalApi block: same scope.
  { heading: 'RBAC: least privilege by intent', first: true, imports: ['ApiResource'], lines: [] },
  { heading: 'CanaryRelease: releases as code', lines: ["const chart = new Chart(app, 'canary', { namespace: 'canary' });"] },
  { heading: 'SecureNamespace', lines: ["const platformChart = new Chart(app, 'platform');"] },
];

function log(message: string): void {
  const seconds = ((Date.now() - started) / 1000).toFixed(1).padStart(5);
  console.log(`[e2e ${seconds}s] ${message}`);
}

class E2eError extends Error {}

function fail(message: string): never {
  throw new E2eError(message);
}

/** The environment of every child: no npm_* variables of a parent npm/npx (they would point npm at this repository). */
function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) && !/^npm_config_(cache|registry|userconfig|globalconfig)$/i.test(key)) continue;
    if (key === 'INIT_CWD') continue;
    env[key] = value;
  }
  return { ...env, CDK8S_CHECK_UPGRADE: 'false', ...extra };
}

function run(command: string, args: string[], cwd: string, options: { status?: number; quiet?: boolean } = {}): SpawnSyncReturns<string> {
  const wanted = options.status ?? 0;
  log(`$ ${[command, ...args].join(' ')}${cwd === REPO ? '' : `   (in ${path.basename(cwd)}/)`}`);
  const result = spawnSync(command, args, { cwd, env: childEnv(), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  const output = `${result.stdout ?? ''}${result.stderr ?? ''}`;
  if (result.error || result.status !== wanted) {
    console.log(output.trimEnd());
    fail(`\`${command} ${args.join(' ')}\` exited with ${result.status ?? result.signal ?? result.error?.message}, expected ${wanted}`);
  }
  if (!options.quiet) {
    const shown = output.split('\n').filter((l) => l.trim() && !/npm warn (Unknown (user|env) config|EBADENGINE|install-scripts)|^npm warn\s+(current|required|package):|^npm warn }/.test(l));
    for (const line of shown.slice(0, 40)) console.log(`    ${line}`);
    if (shown.length > 40) console.log(`    … ${shown.length - 40} more lines`);
  }
  return result;
}

function checkLibIsBuilt(): void {
  const assembly = path.join(REPO, '.jsii');
  if (!fs.existsSync(assembly) || !fs.existsSync(path.join(REPO, 'lib', 'index.js'))) {
    fail('lib/ is not built: run `npx projen compile` (or `npx jsii --silence-warnings=reserved-word`) first');
  }
  const builtAt = fs.statSync(assembly).mtimeMs;
  const newer: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (file.endsWith('.ts') && fs.statSync(file).mtimeMs > builtAt) newer.push(path.relative(REPO, file));
    }
  };
  walk(path.join(REPO, 'src'));
  if (newer.length > 0) {
    fail(`lib/ is older than ${newer.slice(0, 3).join(', ')}${newer.length > 3 ? ', …' : ''}: run \`npx projen compile\` first`);
  }
}

/** The arguments of an `npm install` line of the README, as written, but the library's own name replaced by the tarball. */
function installArgs(line: string, tarball: string): string[] {
  return line.replace(/^npm install\s+/, '').split(/\s+/).filter(Boolean).map((arg) => {
    const name = arg.replace(/^(@?[^@]+)@.*$/, '$1');
    return name === 'cdk8s-golden' ? tarball : arg;
  });
}

/** The versions npm installed in the app, for the log: what a newcomer gets today. */
function installedVersions(app: string, names: string[]): string {
  return names.map((name) => {
    const file = path.join(app, 'node_modules', name, 'package.json');
    return `${name}@${fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).version : 'missing'}`;
  }).join(', ');
}

/** The quickstart's main.ts with the README's construct snippets added before `app.synth();`. */
function composeApp(quickstart: string, blocks: readonly CodeBlock[]): string {
  const imports = new Map<string, Set<string>>();
  const addImports = (code: string): string => code.replace(/^import\s*\{([^}]*)\}\s*from\s*'([^']+)';?[ \t]*\n/gm, (_all, names: string, from: string) => {
    const set = imports.get(from) ?? new Set<string>();
    names.split(',').map((n) => n.trim()).filter(Boolean).forEach((n) => set.add(n));
    imports.set(from, set);
    return '';
  });
  const body = addImports(quickstart);
  const synth = body.lastIndexOf('app.synth();');
  if (synth < 0 || body.indexOf('app.synth();') !== synth) fail("README.md: the quickstart's main.ts should call app.synth() exactly once");
  const sections: string[] = [];
  for (const scaffold of SCAFFOLD) {
    const found = blocksUnder(blocks, scaffold.heading, 'ts');
    const chosen = scaffold.first ? found.slice(0, 1) : found;
    chosen.forEach((block, index) => {
      if (/^import\b/m.test(block.code.replace(/^import\s*\{[^}]*\}\s*from\s*'[^']+';?[ \t]*$/gm, ''))) {
        fail(`README.md:${block.line}: an import this script cannot merge (only \`import { … } from '…';\`)`);
      }
      const code = addImports(block.code);
      (scaffold.imports ?? []).forEach((n) => imports.get('cdk8s-golden')!.add(n));
      // The second and later blocks of a section get a chart (and namespace) of their own: each
      // README block stands alone, and may reuse the names of the one before.
      const lines = index === 0 ? scaffold.lines : scaffold.lines.map((l) => l.replace(
        /new Chart\(app, '([^']+)', \{ namespace: '([^']+)' \}\)/, (_all, id: string, ns: string) => `new Chart(app, '${id}-${index + 1}', { namespace: '${ns}-${index + 1}' })`));
      const indented = [...lines, ...code.trimEnd().split('\n')].map((l) => (l ? `  ${l}` : l));
      // A block joins the previous one's scope when it has no scaffolding of its own.
      if (scaffold.lines.length === 0 && sections.length > 0) {
        sections[sections.length - 1] = sections[sections.length - 1].replace(/\n}\n$/, `\n  // README.md:${block.line} (${scaffold.heading})\n${indented.join('\n')}\n}\n`);
      } else {
        sections.push(`// README.md:${block.line} (${scaffold.heading})\n{\n${indented.join('\n')}\n}\n`);
      }
    });
  }
  const header = [...imports].map(([from, names]) => `import { ${[...names].sort().join(', ')} } from '${from}';`).join('\n');
  return `${header}\n${body.slice(0, synth)}${sections.join('\n')}\n${body.slice(synth)}`;
}

/** The manifests of dist/ (with validations, cdk8s-cli also writes construct-metadata.json there). */
function readDist(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of fs.readdirSync(dir).sort().filter((n) => n.endsWith('.k8s.yaml'))) {
    files.set(name, fs.readFileSync(path.join(dir, name), 'utf8'));
  }
  return files;
}

function main(): void {
  log('end-to-end test of the packed library in a fresh cdk8s app');
  checkLibIsBuilt();
  const readme = codeBlocks(README);
  const quick = 'Quickstart in an app repository';
  const [installSh] = blocksUnder(readme, quick, 'sh');
  const [cdk8sYaml] = blocksUnder(readme, quick, 'yaml');
  const [mainTs] = blocksUnder(readme, quick, 'ts');
  const [tsconfigJson] = blocksUnder(readme, quick, 'json');
  if (!tsconfigJson) fail('README.md: the quickstart has no ```json block for tsconfig.json');
  const validation = codeBlocks(GUARDRAILS_DOC).find((b) => b.lang === 'yaml' && b.code.includes('class: GoldenValidation'));
  if (!validation) fail('docs/guardrails.md: no ```yaml block with `class: GoldenValidation`');

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'cdk8s-golden-e2e-'));
  try {
    // 1. The tarball, as `npm publish` would upload it.
    const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', work], REPO, { quiet: true }).stdout);
    const tarball = path.join(work, packed[0].filename);
    log(`packed ${packed[0].filename}: ${packed[0].entryCount} files, ${(packed[0].size / 1024).toFixed(0)} KiB`);
    for (const must of ['lib/index.js', 'lib/cli/main.js', '.jsii', 'README.md']) {
      if (!packed[0].files.some((f: { path: string }) => f.path === must)) fail(`the tarball has no ${must}`);
    }

    // 2. The quickstart app, exactly as the README writes it.
    const app = path.join(work, 'storefront');
    fs.mkdirSync(app);
    run('npm', ['init', '-y'], app, { quiet: true });
    const installs = installSh.code.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('npm install'));
    if (installs.length === 0) fail(`README.md:${installSh.line}: the quickstart has no \`npm install\` line`);
    for (const line of installs) {
      run('npm', ['install', ...installArgs(line, tarball), '--no-audit', '--no-fund', '--loglevel=error'], app);
    }
    log(`installed ${installedVersions(app, ['cdk8s', 'constructs', 'cdk8s-plus-30', 'cdk8s-cli', 'ts-node', 'typescript', '@types/node'])}`);
    fs.writeFileSync(path.join(app, 'cdk8s.yaml'), cdk8sYaml.code);
    fs.writeFileSync(path.join(app, 'main.ts'), mainTs.code);
    fs.writeFileSync(path.join(app, 'tsconfig.json'), tsconfigJson.code);
    log(`README.md:${mainTs.line}: the quickstart's main.ts, cdk8s.yaml and tsconfig.json (README.md:${tsconfigJson.line})`);
    run('npx', ['cdk8s', 'synth'], app);
    if (!fs.existsSync(path.join(app, 'dist', 'shop.k8s.yaml'))) fail('the quickstart did not write dist/shop.k8s.yaml, as the README says');

    // 3. Every construct, as the README shows it.
    const full = composeApp(mainTs.code, readme);
    fs.writeFileSync(path.join(app, 'main.ts'), full);
    log(`main.ts: the quickstart plus the README's ${SCAFFOLD.map((s) => s.heading).join(', ')} snippets (${full.split('\n').length} lines)`);
    const synth = run('npx', ['cdk8s', 'synth'], app, { quiet: true });
    if (!/dist\/\S+\.k8s\.yaml/.test(synth.stdout)) fail(`cdk8s synth wrote no manifest:\n${synth.stdout}${synth.stderr}`);
    // The quickstart's tsconfig.json type-checks the app, and Node's globals (`process`) with it.
    fs.writeFileSync(path.join(app, 'node-globals.ts'), 'export const outdir: string | undefined = process.env.CDK8S_OUTDIR;\n');
    run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json'], app);
    fs.rmSync(path.join(app, 'node-globals.ts'));
    log("tsc --noEmit with the quickstart's tsconfig.json: main.ts and a file that reads process.env compile");
    const plain = readDist(path.join(app, 'dist'));
    log(`cdk8s synth wrote ${[...plain.keys()].join(', ')}`);
    for (const kind of ['Deployment', 'HTTPRoute', 'Namespace', 'ResourceQuota', 'Role']) {
      if (![...plain.values()].some((y) => y.includes(`\nkind: ${kind}\n`))) fail(`no ${kind} in the synthesized YAML`);
    }

    // 4. The validation plugin, configured as docs/guardrails.md says, with the installed version.
    const version = JSON.parse(fs.readFileSync(path.join(app, 'node_modules', 'cdk8s-golden', 'package.json'), 'utf8')).version;
    const validations = validation.code.replace(/^(\s*version:\s*)\S+.*$/m, `$1${version}`);
    fs.writeFileSync(path.join(app, 'cdk8s.yaml'), cdk8sYaml.code + validations);
    log(`cdk8s.yaml: + docs/guardrails.md:${validation.line} (version ${version})`);
    const validated = run('npx', ['cdk8s', 'synth', '--validate'], app, { quiet: true });
    const report = `${validated.stdout}${validated.stderr}`;
    if (!report.includes('Validations ended succesfully') || !/GoldenValidation|cdk8s-golden/.test(report)) {
      console.log(report);
      fail('cdk8s synth --validate did not report a passing GoldenValidation');
    }
    report.split('\n').filter((l) => /Validation Report|Summary|Status|Plugin|Total|Rules|Objects|Errors|Warnings|Validations ended/i.test(l))
      .forEach((l) => console.log(`    ${l.trim()}`));
    const validatedDist = readDist(path.join(app, 'dist'));
    if ([...plain].some(([file, yaml]) => validatedDist.get(file) !== yaml) || validatedDist.size !== plain.size) {
      fail('cdk8s synth --validate wrote different YAML from cdk8s synth');
    }
    log('synth --validate passed and wrote byte-identical YAML');

    // 5. The command line on the output, and on a manifest it must refuse.
    run('npx', ['cdk8s-golden', 'check', 'dist/'], app);
    const findings = JSON.parse(run('npx', ['cdk8s-golden', 'check', '--format', 'json', 'dist/'], app, { quiet: true }).stdout);
    const errors = findings.filter((f: { severity: string }) => f.severity === 'error');
    if (errors.length > 0) fail(`cdk8s-golden check --format json: ${errors.length} error-level findings`);
    log(`cdk8s-golden check dist/: exit 0, ${findings.length} findings, none at error level`);
    fs.writeFileSync(path.join(app, 'bad.yaml'), 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: debug\nspec:\n  containers:\n    - name: shell\n      image: busybox\n');
    const bad = run('npx', ['cdk8s-golden', 'check', 'bad.yaml'], app, { status: 1, quiet: true });
    if (!bad.stdout.includes('image-tag')) fail(`cdk8s-golden check bad.yaml did not report image-tag:\n${bad.stdout}`);
    log('cdk8s-golden check bad.yaml: exit 1 with the image-tag finding');
  } finally {
    if (process.env.E2E_KEEP) log(`kept ${work}`);
    else fs.rmSync(work, { recursive: true, force: true });
  }
  log('passed');
}

try {
  main();
} catch (e) {
  console.error(`[e2e] FAILED: ${e instanceof E2eError ? e.message : (e as Error).stack}`);
  process.exitCode = 1;
}
