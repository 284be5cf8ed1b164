/**
 * What the export benchmark times, shared by bench/node/export.ts and the
 * formats page so both time the same work: the spans JSONL writer with the
 * tokens stored with each document (the app's path), the writer tokenizing
 * every text (the CLI's path, and the app's before stored tokens), the
 * floor (JSON.stringify of the writer's own line objects, built beforehand)
 * and, for information, the earlier floor (JSON.stringify of the input
 * records, which hold no tokens).
 */
import { recordWriter } from '../../src/core/formats/index.ts';
import { spansLineObject } from '../../src/core/formats/spans-jsonl.ts';
import { lastTextTokenCache, storedTokenCache } from '../../src/core/token-cache.ts';
import { packedTokensOf, unpackTokens, type PackedTokens } from '../../src/core/token-pack.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import type { ExportRecord } from './datasets.ts';

/** One of the timed variants. */
export type ExportVariant = 'stored' | 'tokenizing' | 'floor' | 'recordFloor';

export const EXPORT_VARIANTS: readonly ExportVariant[] = [
  'stored',
  'tokenizing',
  'floor',
  'recordFloor',
];

/** The records and everything prepared for them outside the timed runs. */
export interface ExportWork {
  records: ExportRecord[];
  /** Each document's tokens as the app stores them with the document. */
  stored: Map<string, PackedTokens>;
}

/** Packs every document's tokens, as the app does when it stores them. */
export function prepareExportWork(records: ExportRecord[]): ExportWork {
  const stored = new Map<string, PackedTokens>();
  for (const r of records) if (!stored.has(r.docId)) stored.set(r.docId, packedTokensOf(r.text));
  return { records, stored };
}

/**
 * The line writer of one variant: record `i` of `work` to its JSONL text.
 * The floor's line objects (the writer's own: text, spans, tokens, meta, …)
 * are built here, before any timing, and live only as long as the floor's
 * writer: with its millions of token objects alive in the heap, the other
 * variants' allocations were several times slower.
 */
export function exportWriter(
  work: ExportWork,
  which: ExportVariant,
): (r: ExportRecord, i: number) => string {
  switch (which) {
    case 'stored': {
      const write = recordWriter(
        'spans',
        storedTokenCache((id) => work.stored.get(id)),
      );
      return (r) => write(r);
    }
    case 'tokenizing': {
      const write = recordWriter('spans');
      return (r) => write(r);
    }
    case 'floor': {
      const tokens = lastTextTokenCache();
      const lines = work.records.map((r) => spansLineObject(r, tokens));
      return (_r, i) => `${JSON.stringify(lines[i])}\n`;
    }
    case 'recordFloor':
      return (r) => `${JSON.stringify(r)}\n`;
  }
}

/** Unpacks every record's stored tokens: the stored writer's share of unpacking. */
export function unpackAll(work: ExportWork): number {
  let n = 0;
  for (const r of work.records) n += unpackTokens(r.text, work.stored.get(r.docId)!)!.length;
  return n;
}

/** Tokenizes every record's text: the tokenizing writer's share of tokenizing. */
export function tokenizeAll(work: ExportWork): number {
  let n = 0;
  for (const r of work.records) n += tokenize(r.text).length;
  return n;
}
