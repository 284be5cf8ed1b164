/**
 * `stance prepare FILE...`: the app's import and cleanup for scripts. Each
 * article becomes one JSON line with its cleaned text, its tokens and its
 * metadata (including what cleanup removed), with the same code-point
 * offsets and SHA-256 document id the app gives it.
 */
import { describeError } from '../core/errors.ts';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseHTML } from 'linkedom';
import { buildDocumentRecord } from '../core/document.ts';
import type { HtmlDocument } from '../core/import/html.ts';
import { fileKind, prepareArticle } from '../core/import/prepare.ts';
import { tokenize } from '../core/tokenize.ts';
import type { CliCommand, CliIo } from './io.ts';

const usage = `usage: stance prepare [--raw] FILE...

Imports articles (.txt in UTF-8, UTF-16 with BOM or Windows-1256; .html and
.htm through article extraction) with the app's cleanup, and writes one JSON
line per article to stdout:

  {"text": "...", "tokens": [{"text", "start", "end", "id"}, ...],
   "meta": {"doc_id", "title", "date", "author", "source", "file", "removed": [...]}}

text      the cleaned text (NFC, page chrome removed); --raw keeps the text
          as decoded instead
tokens    Arabic-aware tokens; start/end are Unicode code-point offsets
          (Python str indexes), end exclusive
doc_id    SHA-256 (hex) of text: the id the app gives the same article
date      ISO 8601 when the page has one, else null
source    the outlet, when detected, else null
removed   what cleanup removed: {"rule", "reason", "text", "line"}

A file that cannot be imported is reported on stderr as "FILE: reason"; the
others are still written, and the exit code is 1.
`;

function parseHtml(html: string): HtmlDocument {
  return parseHTML(html).document as unknown as HtmlDocument;
}

async function prepareOne(path: string, raw: boolean): Promise<string> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new Error('no such file');
  if (info.isDirectory()) throw new Error('is a directory; give the article files');
  if (fileKind(path) === 'dataset') {
    throw new Error('is a dataset; stance prepare reads articles (.txt, .html)');
  }
  const bytes = new Uint8Array(await readFile(path));
  const r = prepareArticle({ name: basename(path), bytes }, { parseHtml });
  if (!r.ok) throw new Error(r.reason);
  const input = raw ? { ...r.input, text: r.input.rawText, textSource: 'raw' as const } : r.input;
  const doc = await buildDocumentRecord(input);
  return JSON.stringify({
    text: doc.text,
    tokens: tokenize(doc.text).map(({ text, start, end, id }) => ({ text, start, end, id })),
    meta: {
      doc_id: doc.id,
      title: doc.title,
      date: doc.date,
      author: doc.author,
      source: doc.outlet,
      file: path,
      removed: raw ? [] : doc.removed,
    },
  });
}

async function run(args: string[], io: CliIo): Promise<number> {
  const raw = args.includes('--raw');
  const unknown = args.find((a) => a.startsWith('-') && a !== '--raw');
  if (unknown) {
    io.stderr(`stance prepare: unknown option ${unknown}\n\n${usage}`);
    return 2;
  }
  const files = args.filter((a) => !a.startsWith('-'));
  if (files.length === 0) {
    io.stderr(`stance prepare: no files given\n\n${usage}`);
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      io.stdout(`${await prepareOne(file, raw)}\n`);
    } catch (err) {
      failed++;
      io.stderr(`${file}: ${describeError(err)}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

export const prepareCommand: CliCommand = {
  name: 'prepare',
  summary: 'clean articles (.txt, .html) and write one JSON line of text, tokens and meta each',
  usage,
  run,
};
