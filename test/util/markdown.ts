import * as fs from 'fs';

/** A fenced code block of a Markdown file. */
export interface CodeBlock {
  /** The Markdown file it was read from. */
  readonly file: string;
  /** The info string's first word (`ts`, `yaml`, `sh`, …), or '' for a bare fence. */
  readonly lang: string;
  /** The 1-based line number, in the Markdown file, of the block's first line of code. */
  readonly line: number;
  /** The code, without the fences and without the indentation of the fence. */
  readonly code: string;
  /** The text of the nearest heading above the block ('' before the first heading). */
  readonly heading: string;
}

const FENCE = /^(\s*)(```+)\s*([^\s`]*)[^`]*$/;

/** Every fenced code block of a Markdown file, in order (fences nested in lists included). */
export function codeBlocks(file: string): CodeBlock[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks: CodeBlock[] = [];
  let heading = '';
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]);
    if (!open) {
      const h = /^#{1,6}\s+(.*?)\s*$/.exec(lines[i]);
      if (h) heading = h[1];
      continue;
    }
    const [, indent, ticks, lang] = open;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      if (lines[j].trim() === ticks) break;
      body.push(lines[j].startsWith(indent) ? lines[j].slice(indent.length) : lines[j].trimStart());
    }
    if (j === lines.length) {
      throw new Error(`${file}:${i + 1}: the code fence is never closed`);
    }
    blocks.push({ file, lang, line: i + 2, code: body.join('\n') + '\n', heading });
    i = j;
  }
  return blocks;
}

/** The blocks of one language under one heading; throws when there are none, so a renamed section fails loudly. */
export function blocksUnder(blocks: readonly CodeBlock[], heading: string, lang: string): CodeBlock[] {
  const found = blocks.filter((b) => b.heading === heading && b.lang === lang);
  if (found.length === 0) {
    const file = blocks[0]?.file ?? 'the Markdown file';
    throw new Error(`${file}: no \`\`\`${lang} block under the heading '${heading}' (was the section renamed?)`);
  }
  return found;
}
