/**
 * The dataset formats by name: detection of an input file's format from its
 * first line, one-line parsing per input format, and writing a record in an
 * output format. Shared by the app's import/export and the `stance` CLI.
 */
import { lineError, parseJsonLine, splitJsonl, type JsonlLine } from '../jsonl.ts';
import { problem } from '../problems/problem.ts';
import { BACKUP_SCHEMA } from './backup.ts';
import { parseDoccanoLine, writeDoccanoLine } from './doccano.ts';
import { writeConllBlock } from './conll.ts';
import { writeSpancatLines } from './spancat.ts';
import { parseSpansLine, writeSpansLine } from './spans-jsonl.ts';
import { lastTextTokenCache, type TokenCache } from '../token-cache.ts';
import type { DatasetRecord, LineResult, ParseResult } from './record.ts';

/** Formats a dataset can be written in. */
export const OUTPUT_FORMATS = ['spans', 'doccano', 'spancat', 'conll'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

/** Formats a file can be read from (Prodigy db-out reads as `spans`). */
export type InputFormat = 'spans' | 'doccano' | 'backup';

/** Human names and file extensions of the output formats. */
export const OUTPUT_FORMAT_INFO: Record<OutputFormat, { name: string; ext: string }> = {
  spans: { name: 'Spans JSONL (spaCy/Prodigy, Hugging Face)', ext: 'jsonl' },
  doccano: { name: 'doccano JSONL (UTF-16 offsets)', ext: 'jsonl' },
  spancat: { name: 'Span classification JSONL (one line per span)', ext: 'jsonl' },
  conll: { name: 'CoNLL / BIO', ext: 'conll' },
};

/** Guesses the input format from the first non-blank line of a file. */
export function detectFormat(first: JsonlLine | undefined): InputFormat {
  if (!first) return 'spans';
  const json = parseJsonLine(first);
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return 'spans';
  const v = json.value as Record<string, unknown>;
  if (typeof v.schema === 'string' && v.schema.startsWith(BACKUP_SCHEMA.split('@')[0]!))
    return 'backup';
  if ('spans' in v || 'tokens' in v || 'schema' in v || '_input_hash' in v) return 'spans';
  if (Array.isArray(v.label) || Array.isArray(v.labels) || Array.isArray(v.entities))
    return 'doccano';
  return 'spans';
}

/** Parses one line of a spans or doccano file. */
export function parseRecordLine(format: 'spans' | 'doccano', l: JsonlLine): LineResult {
  return format === 'doccano' ? parseDoccanoLine(l) : parseSpansLine(l);
}

/**
 * A writer that turns records into text of one output format. `tokens`
 * gives each record's tokens (spans JSONL and CoNLL write them): by default
 * they are tokenized, once per document; a caller holding stored tokens
 * passes a `storedTokenCache` (src/core/token-cache.ts) instead. The output
 * is the same either way.
 */
export function recordWriter(
  format: OutputFormat,
  tokens: TokenCache = lastTextTokenCache(),
): (rec: DatasetRecord & { docId: string; annotatorId: string }) => string {
  switch (format) {
    case 'spans':
      return (rec) => writeSpansLine(rec, tokens);
    case 'doccano':
      return writeDoccanoLine;
    case 'spancat':
      return writeSpancatLines;
    case 'conll':
      return (rec) => writeConllBlock(rec, tokens);
  }
}

/**
 * Parses a whole spans JSONL / Prodigy db-out / doccano text: the valid
 * records (with their line numbers) and one error per bad line. Lines
 * Prodigy did not accept are counted in `skipped`. For large files feed
 * chunks to a JsonlLineReader and call parseRecordLine per line instead.
 */
export function parseDataset(
  text: string,
  format?: 'spans' | 'doccano',
): ParseResult & { format: 'spans' | 'doccano'; skipped: number } {
  const lines = splitJsonl(text);
  const detected = detectFormat(lines[0]);
  const fmt = format ?? (detected === 'doccano' ? 'doccano' : 'spans');
  const out: ParseResult & { format: 'spans' | 'doccano'; skipped: number } = {
    ok: [],
    errors: [],
    format: fmt,
    skipped: 0,
  };
  if (!format && detected === 'backup') {
    out.errors.push(lineError(lines[0]!.line, problem('file.isBackup')));
    return out;
  }
  for (const l of lines) {
    const r = parseRecordLine(fmt, l);
    if (!r.ok) out.errors.push(r.error);
    else if (r.skipped) out.skipped++;
    else out.ok.push(r.value);
  }
  return out;
}
