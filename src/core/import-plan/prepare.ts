/**
 * The asynchronous half of a dataset import: whether the file may be
 * imported at all (checkImport), and every SHA-256 the plan needs
 * (prepareImport: document ids, span ids), computed before the store's
 * transaction opens, since an IndexedDB transaction ends when it waits on
 * anything but IndexedDB. snapshotKeys then says which stored rows the
 * plan (plan.ts) must see.
 */
import { sha256Hex } from '../document.ts';
import { idProblem } from '../ids.ts';
import { problem, problemText, type Problem } from '../problems/problem.ts';
import type { ImportInput, ImportOptions, PreparedRecord } from './types.ts';
import { pairKey } from './types.ts';
import { tokenSetOf } from './token-rows.ts';

/** Whether a file may be imported: its refusal, or whose spans lines without an annotator are. */
export type ImportCheck =
  { ok: false; refusal: string; problem: Problem } | { ok: true; fallback: string | null };

function refuse(p: Problem): ImportCheck {
  return { ok: false, refusal: problemText(p), problem: p };
}

/**
 * Refuses (the message the analyst reads) a file with bad lines unless
 * `validOnly`, and lines without `_annotator_id` unless a valid annotator
 * was named for them.
 */
export function checkImport(input: ImportInput, opts: ImportOptions): ImportCheck {
  const { errors, withoutAnnotator } = input;
  if (errors.length > 0 && !opts.validOnly)
    return refuse(problem('import.badLines', { count: errors.length }));
  const fallback = opts.annotatorForMissing?.trim() || null;
  const badFallback = fallback && withoutAnnotator > 0 ? idProblem('annotator id', fallback) : null;
  if (badFallback) return refuse(problem('import.whoseSpans', { ...badFallback.values }));
  if (withoutAnnotator > 0 && !fallback)
    return refuse(problem('import.noAnnotator', { count: withoutAnnotator }));
  return { ok: true, fallback };
}

/** The deterministic id of an imported span. */
export function importedSpanId(
  docId: string,
  annotatorId: string,
  start: number,
  end: number,
  label: string,
): Promise<string> {
  return sha256Hex(`${docId}|${annotatorId}|${start}|${end}|${label}`);
}

/** Records hashed at once: each digest is asynchronous, so many run together. */
const BATCH = 250;

/**
 * Hashes what the plan needs of each record of a file checkImport let
 * through: its text id and its spans' ids under each document id it may
 * get. `onBatch` is awaited after each batch with the records done (to
 * report progress and let a UI paint).
 */
export async function prepareImport(
  input: ImportInput,
  opts: ImportOptions,
  fallback: string | null,
  onBatch?: (done: number) => void | Promise<void>,
): Promise<PreparedRecord[]> {
  const labelMap = opts.labelMap ?? {};
  const prepare = async (record: ImportInput['records'][number]): Promise<PreparedRecord> => {
    const annotatorId = record.annotatorId ?? fallback!;
    // Own keys only: a label may be called `__proto__` or `constructor`.
    const labels = record.spans.map((s) =>
      Object.hasOwn(labelMap, s.label) ? labelMap[s.label]! : s.label,
    );
    const textId = await sha256Hex(record.text);
    const docIds = record.docId && record.docId !== textId ? [textId, record.docId] : [textId];
    const spanIds = new Map<string, readonly string[]>();
    for (const docId of docIds)
      spanIds.set(
        docId,
        await Promise.all(
          record.spans.map((s, i) =>
            importedSpanId(docId, annotatorId, s.start, s.end, labels[i]!),
          ),
        ),
      );
    return { record, annotatorId, textId, labels, spanIds };
  };
  const out: PreparedRecord[] = [];
  for (let i = 0; i < input.records.length; i += BATCH) {
    for (const p of await Promise.all(input.records.slice(i, i + BATCH).map(prepare))) out.push(p);
    await onBatch?.(out.length);
  }
  return out;
}

/** Which stored rows the plan of `prepared` reads (see ImportSnapshot). */
export interface SnapshotKeys {
  /** Stored documents whose text to read: the records' doc_ids. */
  docIds: string[];
  /** Documents whose presence to read: the records' text ids. */
  textIds: string[];
  annotatorIds: string[];
  /** (document, annotator) pairs: their spans, statuses and lineTokens rows. */
  pairs: [string, string][];
  /** (document, digest) of the token lists the records carry. */
  tokenSets: [string, string][];
}

/** The keys of every stored row the plan of `prepared` may look at. */
export function snapshotKeys(prepared: readonly PreparedRecord[]): SnapshotKeys {
  const docIds = new Set<string>();
  const textIds = new Set<string>();
  const annotatorIds = new Set<string>();
  const pairs = new Map<string, [string, string]>();
  const tokenSets = new Map<string, [string, string]>();
  for (const p of prepared) {
    if (p.record.docId) docIds.add(p.record.docId);
    textIds.add(p.textId);
    annotatorIds.add(p.annotatorId);
    for (const docId of p.spanIds.keys()) {
      pairs.set(pairKey(docId, p.annotatorId), [docId, p.annotatorId]);
      const set = tokenSetOf(docId, p.record.tokens);
      if (set) tokenSets.set(pairKey(docId, set.digest), [docId, set.digest]);
    }
  }
  return {
    docIds: [...docIds],
    textIds: [...textIds],
    annotatorIds: [...annotatorIds],
    pairs: [...pairs.values()],
    tokenSets: [...tokenSets.values()],
  };
}
