/**
 * Documents in the corpus: importing files (every file is read and checked
 * first, so a bad file never stops the others; the good ones are stored in
 * batches, one transaction each, through storeDocuments), recognising
 * duplicates by their SHA-256 identity, and switching a document between
 * its cleaned and its raw text.
 */
import { errorProblem, problem, problemText, type Problem } from '@core/problems/problem.ts';
import { describeError } from '@core/errors.ts';
import type { HostFile } from '@core/host-contract.ts';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord } from '@core/model.ts';
import { cleanText } from '@core/import/cleanup.ts';
import type { ArticleHints } from '@core/import/prepare.ts';
import { articleQueue } from '../corpus/article-queue.ts';
import type { WorkbenchDb } from './schema.ts';
import { deleteDocuments, documentTables, STORE_BATCH, storeDocuments } from './store-documents.ts';

/** What became of one imported file. */
export type ImportOutcome =
  | { file: string; status: 'imported'; id: string; title: string }
  | { file: string; status: 'duplicate'; id: string; title: string }
  | { file: string; status: 'error'; reason: string; problem?: Problem };

/** An article file read and checked, ready to store. */
interface PreparedArticle {
  file: string;
  record: DocumentRecord;
}

/**
 * Reads and checks one article file (text or HTML) in the article worker
 * (corpus/article-queue.ts); never throws.
 */
async function prepareFile(
  file: HostFile,
  options: { hints?: ArticleHints; timeLimitMs?: number },
): Promise<PreparedArticle | ImportOutcome> {
  const prepared = await articleQueue().prepare(file, options);
  if (!prepared.ok)
    return {
      file: file.name,
      status: 'error',
      reason: prepared.reason,
      ...(prepared.problem && { problem: prepared.problem }),
    };
  try {
    return { file: file.name, record: await buildDocumentRecord(prepared.input) };
  } catch (err) {
    return {
      file: file.name,
      status: 'error',
      reason: describeError(err),
      problem: errorProblem(err),
    };
  }
}

/**
 * Stores prepared articles in one transaction; one outcome each, in order.
 * A storage failure (a full disk) stores none of them and says so for each.
 */
async function storeArticles(
  db: WorkbenchDb,
  batch: readonly PreparedArticle[],
): Promise<ImportOutcome[]> {
  let added: Set<string>;
  try {
    added = await storeDocuments(
      db,
      batch.map((a) => a.record),
    );
  } catch (err) {
    // Dexie wraps the storage error; name the real cause for the analyst.
    const p = problem('article.notStored', { reason: errorProblem(err) });
    const reason = `nothing of this file was stored: ${describeError(err)}`;
    return batch.map((a) => ({ file: a.file, status: 'error', reason, problem: p }));
  }
  // A duplicate is named by the title it was stored with.
  const dupIds = batch.filter((a) => !added.has(a.record.id)).map((a) => a.record.id);
  const stored = new Map(
    (await db.docMeta.bulkGet(dupIds)).flatMap((m) => (m ? [[m.id, m.title] as const] : [])),
  );
  const seen = new Set<string>();
  return batch.map(({ file, record }) => {
    const first = added.has(record.id) && !seen.has(record.id);
    seen.add(record.id);
    return first
      ? { file, status: 'imported', id: record.id, title: record.title }
      : {
          file,
          status: 'duplicate',
          id: record.id,
          title: stored.get(record.id) ?? record.title,
        };
  });
}

/**
 * Imports one article file (text or HTML); never throws. It is read off
 * the main thread (corpus/article-queue.ts) and given up on after
 * `timeLimitMs` (default: HTML_TIME_LIMIT_MS, src/core/limits.ts).
 */
export async function importArticle(
  db: WorkbenchDb,
  file: HostFile,
  options: { hints?: ArticleHints; timeLimitMs?: number } = {},
): Promise<ImportOutcome> {
  const prepared = await prepareFile(file, options);
  if (!('record' in prepared)) return prepared;
  return (await storeArticles(db, [prepared]))[0]!;
}

/**
 * Imports many article files (.txt, .html), read and checked one by one
 * and stored STORE_BATCH to a transaction. One outcome per file, in order;
 * a bad file is reported and the others are imported. (Datasets go to the
 * dataset import dialog: corpus/ImportControls.tsx.)
 */
export async function importFiles(
  db: WorkbenchDb,
  files: HostFile[],
  options: { timeLimitMs?: number } = {},
): Promise<ImportOutcome[]> {
  const out: (ImportOutcome | null)[] = [];
  let batch: { at: number; article: PreparedArticle }[] = [];
  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const outcomes = await storeArticles(
      db,
      batch.map((b) => b.article),
    );
    batch.forEach((b, i) => (out[b.at] = outcomes[i]!));
    batch = [];
  };
  for (const file of files) {
    if (file.error) {
      out.push({
        file: file.name,
        status: 'error',
        reason: problemText(file.error),
        problem: file.error,
      });
    } else {
      const prepared = await prepareFile(file, options);
      if (!('record' in prepared)) out.push(prepared);
      else {
        batch.push({ at: out.length, article: prepared });
        out.push(null);
        if (batch.length >= STORE_BATCH) await flush();
      }
    }
  }
  await flush();
  return out.map((o) => o!);
}

/** Why a document cannot switch between clean and raw text, or null. */
export async function textSourceBlocker(db: WorkbenchDb, docId: string): Promise<string | null> {
  const spans = await db.spans.where('docId').equals(docId).count();
  return spans > 0
    ? `This document already has ${spans} span${spans === 1 ? '' : 's'}; its text can no longer change.`
    : null;
}

/**
 * Switches a document to its raw text (or back to the cleaned text), while
 * nobody has spans on it. The id follows the text (SHA-256), so the record
 * is replaced, and statuses move with it, in one transaction. Returns the
 * new id.
 */
export async function setTextSource(
  db: WorkbenchDb,
  docId: string,
  source: 'clean' | 'raw',
): Promise<string> {
  const doc = await db.documents.get(docId);
  if (!doc) throw new Error('The document is no longer in the corpus.');
  if (doc.textSource === source) return doc.id;
  const text = source === 'raw' ? doc.rawText : cleanText(doc.rawText).text;
  const next = await buildDocumentRecord({ ...doc, text, textSource: source });
  await db.transaction('rw', [...documentTables(db), db.spans, db.statuses], async () => {
    const blocker = await textSourceBlocker(db, docId);
    if (blocker) throw new Error(blocker);
    if (next.id !== docId && (await db.documents.get(next.id))) {
      throw new Error('That text is already in the corpus as another document.');
    }
    const statuses = await db.statuses.where('docId').equals(docId).toArray();
    await deleteDocuments(db, [docId]);
    await storeDocuments(db, [next]);
    await db.statuses.where('docId').equals(docId).delete();
    await db.statuses.bulkAdd(statuses.map((s) => ({ ...s, docId: next.id })));
  });
  return next.id;
}
