/**
 * `stance prepare FILE...`: the app's import and cleanup for scripts. Each
 * article becomes one JSON line with its cleaned text, its tokens and its
 * metadata (including what cleanup removed), with the same code-point
 * offsets and SHA-256 document id the app gives it. Files are read up to
 * the app's article limit and no further (so `/dev/zero` is refused, not
 * read forever), and prepared in a worker thread that is stopped after the
 * time limit (src/core/import/prepare-queue.ts), with the app's depth and
 * element limits for HTML (src/core/limits.ts).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { describeError } from '../core/errors.ts';
import { basename } from 'node:path';
import { buildDocumentRecord } from '../core/document.ts';
import { escapeUnsafe } from '../core/ids.ts';
import { fileKind } from '../core/import/prepare.ts';
import { formatMb, HTML_TIME_LIMIT_MS, MAX_ARTICLE_BYTES } from '../core/limits.ts';
import { tokenize } from '../core/tokenize.ts';
import type { CliCommand, CliIo } from './io.ts';
import { parseArgs } from './jsonl-file.ts';
import { articleQueue } from './prepare-pool.ts';

const usage = `usage: stance prepare [--raw] [--time-limit SECONDS] FILE...

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
others are still written, and the exit code is 1. Limits (as in the app,
docs/corpus.md): files over ${formatMb(MAX_ARTICLE_BYTES)}, HTML nested too deep or with too many
elements, and a file that takes longer than --time-limit SECONDS to read
(default ${HTML_TIME_LIMIT_MS / 1000}) are refused with the limit named.
`;

/**
 * The bytes of `path`, read to the article limit and no further: a larger
 * regular file is refused before it is read, and a device or pipe (which
 * has no size) once it has given more than the limit.
 */
async function readArticleBytes(path: string): Promise<Uint8Array> {
  const info = await stat(path).catch(() => null);
  if (!info) throw new Error('no such file');
  if (info.isDirectory()) throw new Error('is a directory; give the article files');
  const tooLarge = (size: string): Error =>
    new Error(`the file is ${size}; files over ${formatMb(MAX_ARTICLE_BYTES)} are not imported`);
  if (info.isFile() && info.size > MAX_ARTICLE_BYTES) throw tooLarge(formatMb(info.size));
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) {
      chunks.push(chunk as Buffer);
      total += (chunk as Buffer).length;
      if (total > MAX_ARTICLE_BYTES) throw tooLarge(`more than ${formatMb(MAX_ARTICLE_BYTES)}`);
    }
  } finally {
    stream.destroy();
  }
  return new Uint8Array(Buffer.concat(chunks, total));
}

async function prepareOne(path: string, raw: boolean, timeLimitMs: number): Promise<string> {
  if (fileKind(path) === 'dataset') {
    throw new Error('is a dataset; stance prepare reads articles (.txt, .html)');
  }
  const bytes = await readArticleBytes(path);
  const r = await articleQueue().prepare({ name: basename(path), bytes }, { timeLimitMs });
  if (!r.ok) throw new Error(r.reason);
  const input = raw ? { ...r.input, text: r.input.rawText, textSource: 'raw' as const } : r.input;
  const doc = await buildDocumentRecord(input);
  return JSON.stringify({
    text: doc.text,
    tokens: tokenize(doc.text).map(({ text, start, end, id }) => ({ text, start, end, id })),
    meta: {
      doc_id: doc.id,
      title: doc.title || null,
      date: doc.date,
      author: doc.author,
      source: doc.outlet,
      file: path,
      removed: raw ? [] : doc.removed,
    },
  });
}

async function run(args: string[], io: CliIo): Promise<number> {
  const { positional: files, options, error } = parseArgs(args, ['--time-limit'], ['--raw']);
  if (error) {
    io.stderr(`stance prepare: ${error}\n\n${usage}`);
    return 2;
  }
  if (files.length === 0) {
    io.stderr(`stance prepare: no files given\n\n${usage}`);
    return 2;
  }
  const raw = options.has('--raw');
  const seconds = Number(options.get('--time-limit') ?? HTML_TIME_LIMIT_MS / 1000);
  if (!(seconds > 0)) {
    io.stderr('stance prepare: --time-limit must be a number of seconds above 0\n');
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    try {
      await io.stdout(`${await prepareOne(file, raw, seconds * 1000)}\n`);
    } catch (err) {
      failed++;
      io.stderr(`${escapeUnsafe(file)}: ${describeError(err)}\n`);
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
