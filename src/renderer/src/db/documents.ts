/**
 * Documents in the corpus: importing files (one transaction per file, so a
 * bad file never half-writes and never stops the others), recognising
 * duplicates by their SHA-256 identity, and switching a document between
 * its cleaned and its raw text.
 */
import { describeError } from '@core/errors.ts';
import type { HostFile } from '@core/host-contract.ts';
import { buildDocumentRecord } from '@core/document.ts';
import type { DocumentRecord } from '@core/model.ts';
import { cleanText } from '@core/import/cleanup.ts';
import type { HtmlDocument } from '@core/import/html.ts';
import { fileKind, prepareArticle, type ArticleHints } from '@core/import/prepare.ts';
import type { WorkbenchDb } from './schema.ts';
import { routeDataset } from './route-dataset.ts';

/** What became of one imported file. */
export type ImportOutcome =
  | { file: string; status: 'imported'; id: string; title: string }
  | { file: string; status: 'duplicate'; id: string; title: string }
  | { file: string; status: 'dataset'; message: string }
  | { file: string; status: 'error'; reason: string };

/** Parses HTML into an inert document: no script runs, nothing loads. */
export function parseHtmlInert(html: string): HtmlDocument {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as HtmlDocument;
}

/**
 * Stores `record` unless a document with its id exists. Returns whether it
 * was added. One transaction, so a concurrent import of the same article
 * cannot add it twice.
 */
export async function addDocument(
  db: WorkbenchDb,
  record: DocumentRecord,
): Promise<{ added: boolean; existing: DocumentRecord | null }> {
  return db.transaction('rw', db.documents, async () => {
    const existing = (await db.documents.get(record.id)) ?? null;
    if (existing) return { added: false, existing };
    await db.documents.add(record);
    return { added: true, existing: null };
  });
}

/** Imports one article file (text or HTML); never throws. */
export async function importArticle(
  db: WorkbenchDb,
  file: HostFile,
  hints?: ArticleHints,
): Promise<ImportOutcome> {
  const prepared = prepareArticle(file, { parseHtml: parseHtmlInert, hints });
  if (!prepared.ok) return { file: file.name, status: 'error', reason: prepared.reason };
  try {
    const record = await buildDocumentRecord(prepared.input);
    const { added, existing } = await addDocument(db, record);
    return added
      ? { file: file.name, status: 'imported', id: record.id, title: record.title }
      : { file: file.name, status: 'duplicate', id: record.id, title: existing!.title };
  } catch (err) {
    // Dexie wraps the storage error; name the real cause for the analyst.
    const reason = `nothing of this file was stored: ${describeError(err)}`;
    return { file: file.name, status: 'error', reason };
  }
}

/**
 * Imports many files: articles (.txt, .html) one transaction each, datasets
 * (.jsonl, .json) through the dataset import. One outcome per file, in
 * order; a bad file is reported and the others are imported.
 */
export async function importFiles(
  db: WorkbenchDb,
  files: HostFile[],
  selfId = '',
): Promise<ImportOutcome[]> {
  const out: ImportOutcome[] = [];
  for (const file of files) {
    if (file.error) {
      out.push({ file: file.name, status: 'error', reason: file.error });
    } else if (fileKind(file.name) === 'dataset') {
      const r = await routeDataset(db, file, selfId);
      out.push(
        r.ok
          ? { file: file.name, status: 'dataset', message: r.message }
          : { file: file.name, status: 'error', reason: r.message },
      );
    } else {
      out.push(await importArticle(db, file));
    }
  }
  return out;
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
  await db.transaction('rw', [db.documents, db.spans, db.statuses], async () => {
    const blocker = await textSourceBlocker(db, docId);
    if (blocker) throw new Error(blocker);
    if (next.id !== docId && (await db.documents.get(next.id))) {
      throw new Error('That text is already in the corpus as another document.');
    }
    const statuses = await db.statuses.where('docId').equals(docId).toArray();
    await db.documents.delete(docId);
    await db.documents.add(next);
    await db.statuses.where('docId').equals(docId).delete();
    await db.statuses.bulkAdd(statuses.map((s) => ({ ...s, docId: next.id })));
  });
  return next.id;
}
