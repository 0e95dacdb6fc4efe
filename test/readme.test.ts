import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import * as library from '../src';
import { CodeBlock, codeBlocks } from './util/markdown';

// Every ```ts block of README.md and docs/*.md type-checks against the library's source.
//
// The convention, for whoever writes a snippet:
// - A block is a module of its own: it imports what it uses (`from 'cdk8s-golden'` is checked
//   against src/), and may declare names that other blocks declare too.
// - A block without any import line sees every export of the library, and of 'cdk8s' `App`,
//   `Chart` and `ApiObject` (a short fragment such as `orders.grantReadSecret('…')`).
// - These names exist without a declaration, because the prose around the snippets uses them
//   (a block that declares one of them shadows it):
//     app            an App
//     chart          a Chart with a namespace
//     payments       a Chart with namespace 'payments'
//     platformChart  a Chart without namespace, for cluster-wide objects
//     teamChart      a Chart of one team
//     storefront     a WebService
//     orders, ops    InternalApis
// - Checked with the compiler options of the repository's tsconfig.json, except the unused-name
//   checks (noUnusedLocals, noUnusedParameters): a fragment may import a name that only its
//   comment uses, and leaves most of the names above unused.
// An error fails the test with the Markdown file and line of the offending code.

const REPO = path.join(__dirname, '..');
const DOCS = ['README.md', ...fs.readdirSync(path.join(REPO, 'docs')).filter((f) => f.endsWith('.md')).sort().map((f) => `docs/${f}`)];
const SRC = path.join(REPO, 'src', 'index');

const PREAMBLE = `// The names the prose around the snippets refers to (see test/readme.test.ts).
declare const app: import('cdk8s').App;
declare const chart: import('cdk8s').Chart;
declare const payments: import('cdk8s').Chart;
declare const platformChart: import('cdk8s').Chart;
declare const teamChart: import('cdk8s').Chart;
declare const storefront: import(${JSON.stringify(SRC)}).WebService;
declare const orders: import(${JSON.stringify(SRC)}).InternalApi;
declare const ops: import(${JSON.stringify(SRC)}).InternalApi;
`;

/** A snippet as the compiler sees it: a virtual file beside the Markdown, and how many lines come before the block's code. */
interface Snippet {
  readonly block: CodeBlock;
  readonly fileName: string;
  readonly text: string;
  readonly offset: number;
}

function snippet(block: CodeBlock, libraryExports: readonly string[]): Snippet {
  const code = block.code.replace(/from\s+'cdk8s-golden'/g, `from ${JSON.stringify(SRC)}`);
  const header = /^\s*import\b/m.test(code) ? [] : [
    `import { ${libraryExports.join(', ')} } from ${JSON.stringify(SRC)};`,
    "import { ApiObject, App, Chart } from 'cdk8s';",
  ];
  const relative = path.relative(REPO, block.file).replace(/[^A-Za-z0-9]/g, '_');
  return {
    block,
    fileName: path.join(REPO, `${relative}.line${block.line}.snippet.ts`),
    text: [...header, code, 'export {};', ''].join('\n'),
    offset: header.length,
  };
}

/** Type-checks the blocks in one program; returns each block's errors as `file:line: TSnnnn message`. */
export function checkBlocks(blocks: readonly CodeBlock[]): Map<CodeBlock, string[]> {
  const config = ts.getParsedCommandLineOfConfigFile(path.join(REPO, 'tsconfig.json'), {}, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n')); },
  })!;
  const options: ts.CompilerOptions = {
    ...config.options,
    noEmit: true,
    noUnusedLocals: false,
    noUnusedParameters: false,
    rootDir: undefined,
    outDir: undefined,
    declaration: false,
  };
  // The library's value exports, for blocks without imports.
  const libraryExports = Object.keys(library).filter((n) => n !== '__esModule').sort();
  const snippets = blocks.map((b) => snippet(b, libraryExports));
  const preambleFile = path.join(REPO, 'readme-snippets.preamble.d.ts');
  const virtual = new Map<string, string>([[preambleFile, PREAMBLE], ...snippets.map((s): [string, string] => [s.fileName, s.text])]);
  const host = ts.createCompilerHost(options, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError, shouldCreate) => {
    const text = virtual.get(path.resolve(fileName));
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    return getSourceFile(fileName, languageVersion, onError, shouldCreate);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => virtual.has(path.resolve(fileName)) || fileExists(fileName);
  const readFile = host.readFile.bind(host);
  host.readFile = (fileName) => virtual.get(path.resolve(fileName)) ?? readFile(fileName);

  const program = ts.createProgram({ rootNames: [...virtual.keys()], options, host });
  const result = new Map<CodeBlock, string[]>();
  for (const s of snippets) {
    const source = program.getSourceFile(s.fileName)!;
    const diagnostics = [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)];
    result.set(s.block, diagnostics.map((d) => {
      const line = d.start === undefined ? 0 : source.getLineAndCharacterOfPosition(d.start).line - s.offset;
      const where = `${path.relative(REPO, s.block.file)}:${s.block.line + Math.max(line, 0)}`;
      return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
    }));
  }
  const preamble = program.getSemanticDiagnostics(program.getSourceFile(preambleFile));
  if (preamble.length > 0) {
    throw new Error(`the snippet preamble does not compile: ${preamble.map((d) => ts.flattenDiagnosticMessageText(d.messageText, ' ')).join('; ')}`);
  }
  return result;
}

describe('the TypeScript in the docs compiles', () => {
  const blocks = DOCS.flatMap((doc) => codeBlocks(path.join(REPO, doc))).filter((b) => b.lang === 'ts' || b.lang === 'typescript');
  // A block with a known mistake, to prove that errors are found and located.
  const probe: CodeBlock = {
    file: path.join(REPO, 'PROBE.md'),
    lang: 'ts',
    line: 40,
    heading: 'probe',
    code: "import { WebService } from 'cdk8s-golden';\n\nnew WebService(chart, 'web', { imagee: 'nginx:1.27.3' });\n",
  };
  let errors: Map<CodeBlock, string[]>;

  beforeAll(() => {
    errors = checkBlocks([...blocks, probe]);
  }, 120_000);

  test('finds the blocks', () => {
    expect(blocks.filter((b) => b.file.endsWith('README.md')).length).toBeGreaterThanOrEqual(8);
  });

  test('reports an error at the line of the Markdown file that has it', () => {
    expect(errors.get(probe)).toEqual([expect.stringMatching(/^PROBE\.md:42: TS2561 .*'imagee' does not exist in type 'WebServiceProps'/)]);
  });

  test.each(blocks.map((b) => [`${path.relative(REPO, b.file)}:${b.line} (${b.heading})`, b] as const))('%s', (_name, block) => {
    expect(errors.get(block)).toEqual([]);
  });
});
