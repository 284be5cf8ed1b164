// docs/corpus.md's Limits table must say what the code does: its values are
// the constants of src/core/limits.ts and its messages are the code's own.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/core/import/decode.ts';
import { overLimits, type HtmlNode } from '../../src/core/import/html.ts';
import { timeLimitReason } from '../../src/core/import/prepare-queue.ts';
import { JsonlLineReader } from '../../src/core/jsonl.ts';
import {
  formatMb,
  HTML_TIME_LIMIT_MS,
  MAX_ARTICLE_BYTES,
  MAX_HTML_DEPTH,
  MAX_HTML_ELEMENTS,
  MAX_OPEN_BYTES,
} from '../../src/core/limits.ts';

/** A chain of `depth` nested elements, or `width` siblings under one. */
function tree(depth: number, width = 0): HtmlNode {
  const el = (first: HtmlNode | null, next: HtmlNode | null = null): HtmlNode => ({
    nodeType: 1,
    nodeName: 'DIV',
    textContent: null,
    firstChild: first,
    nextSibling: next,
  });
  let children: HtmlNode | null = null;
  for (let i = 0; i < width; i++) children = el(null, children);
  let n = el(children);
  for (let i = 1; i < depth; i++) n = el(n);
  return n;
}

describe('docs/corpus.md, Limits', () => {
  it('gives the values and messages of the code', async () => {
    const doc = await readFile(new URL('../../docs/corpus.md', import.meta.url), 'utf8');
    const table = doc.slice(doc.indexOf('## Limits'), doc.indexOf('## The sample corpus'));
    const row = (name: string): string => table.split('\n').find((l) => l.startsWith(`| ${name}`))!;

    expect(row('file size')).toContain(`| ${formatMb(MAX_OPEN_BYTES)} `);
    expect(row('line length')).toContain(`| ${formatMb(MAX_OPEN_BYTES)} `);
    expect(row('article size')).toContain(`| ${formatMb(MAX_ARTICLE_BYTES)} `);
    expect(row('nesting depth')).toContain(`| ${MAX_HTML_DEPTH} levels`);
    expect(row('element count')).toContain(`| ${MAX_HTML_ELEMENTS.toLocaleString('en')} elements`);
    expect(row('time')).toContain(`| ${HTML_TIME_LIMIT_MS / 1000} s `);

    const big = decodeBytes(new Uint8Array(Math.round(25.3 * 1024 * 1024)));
    expect(big.ok).toBe(false);
    if (!big.ok) expect(row('article size')).toContain(`\`${big.reason}\``);
    expect(row('nesting depth')).toContain(`\`${overLimits(tree(MAX_HTML_DEPTH + 1))}\``);
    expect(row('element count')).toContain(`\`${overLimits(tree(1, MAX_HTML_ELEMENTS))}\``);
    expect(row('time')).toContain(`\`${timeLimitReason(HTML_TIME_LIMIT_MS)}\``);
    // The line message, made with a small limit, then with the real one's figure.
    const reader = new JsonlLineReader(1000);
    reader.push(new Uint8Array(1001).fill(0x78));
    const message = reader
      .error!.message.replace('line 1 ', 'line N ')
      .replace(formatMb(1000), formatMb(MAX_OPEN_BYTES));
    expect(row('line length')).toContain(`\`${message}\``);
  });
});
