/**
 * Dataset import into the store (reading and checking: dataset-analyze.ts): spans JSONL (ours and Prodigy db-out) and
 * doccano JSONL. A file is first read and checked line by line in chunks
 * (progress, UI stays responsive), so the analyst sees bad lines, unknown
 * labels and missing annotators before anything is written; then it is
 * written in one Dexie transaction, so nothing is ever half-imported.
 * Documents are matched by doc_id (same text) or by text hash and created
 * when new; span ids are derived from doc|annotator|start|end|label, and a
 * span whose annotator already has one with the same extent and label (made
 * in the app, with a random id) is skipped, so importing the same file twice,
 * or re-importing one's own export, changes nothing.
 */
import { LABEL_PALETTE } from '@core/labels.ts';
import type { HostFile } from '@core/host-contract.ts';
import { buildDocumentRecord, searchKey, sha256Hex } from '@core/document.ts';
import { OffsetMap } from '@core/offsets.ts';
import type { ParsedRecord } from '@core/formats/record.ts';
import {
  GOLD_ANNOTATOR_ID,
  type AnnotatorRecord,
  type DocumentRecord,
  type LabelDef,
  type SpanRecord,
  type StatusRecord,
} from '@core/model.ts';
import { db as appDb } from './db.ts';
import { mergedDigest, tokenSetOf, type TokenSetRecord } from './dataset-tokens.ts';
import { attributionFields, resolveImportActors } from './import-actors.ts';
import type { WorkbenchDb } from './schema.ts';
import type { LineError } from '@core/jsonl.ts';
import {
  analyzeFile,
  yieldToUi,
  type DatasetAnalysis,
  type ImportProgress,
} from './dataset-analyze.ts';

// Reading lives in dataset-analyze.ts; callers import both steps from here.
export {
  analyzeFile,
  looksLikeDataset,
  type DatasetAnalysis,
  type FileAnalysis,
  type ImportProgress,
} from './dataset-analyze.ts';

/** How to import an analysed file. */
export interface ImportOptions {
  /** The analyst's own annotator id (not re-created, kind `self`). */
  selfId: string;
  /** Annotator for lines without `_annotator_id`; required when there are any. */
  annotatorForMissing?: string | null;
  /** Import the valid lines of a file that has bad ones (else nothing is imported). */
  validOnly?: boolean;
  /** Unknown label → existing label key. Unknown labels not mapped are added. */
  labelMap?: Record<string, string>;
  onProgress?: (p: ImportProgress) => void;
}

/** What an import did. */
export interface ImportReport {
  fileName: string;
  imported: boolean;
  /** Why nothing was imported, when `imported` is false. */
  refusal: string | null;
  errors: LineError[];
  documentsCreated: number;
  documentsMatched: number;
  spansAdded: number;
  spansUpdated: number;
  spansUnchanged: number;
  labelsAdded: string[];
  annotatorsAdded: string[];
  /** Names of the holder actors the file brought that the profile did not have. */
  actorsAdded: string[];
  /** Holder actors of the file not stored as actors, and why (their spans keep the name as text). */
  actorNotes: string[];
}

/** The deterministic id of an imported span. */
export async function importedSpanId(
  docId: string,
  annotatorId: string,
  start: number,
  end: number,
  label: string,
): Promise<string> {
  return sha256Hex(`${docId}|${annotatorId}|${start}|${end}|${label}`);
}

/** A document record for a line's text, kept exactly (offsets stay valid). */
async function documentFromRecord(rec: ParsedRecord, fileName: string): Promise<DocumentRecord> {
  const base = await buildDocumentRecord({
    text: rec.text,
    title: rec.title,
    date: rec.date,
    outlet: rec.source,
    file: fileName,
  });
  // buildDocumentRecord hashes the NFC text; keep the text as it came.
  const id = rec.text === base.text ? base.id : await sha256Hex(rec.text);
  return {
    ...base,
    id,
    text: rec.text,
    rawText: rec.text,
    folded: searchKey(base.title, rec.text),
  };
}

function emptyReport(fileName: string, errors: LineError[], refusal: string | null): ImportReport {
  return {
    fileName,
    imported: false,
    refusal,
    errors,
    documentsCreated: 0,
    documentsMatched: 0,
    spansAdded: 0,
    spansUpdated: 0,
    spansUnchanged: 0,
    labelsAdded: [],
    annotatorsAdded: [],
    actorsAdded: [],
    actorNotes: [],
  };
}

/**
 * Writes an analysed dataset into the store in one transaction. Refuses
 * (writing nothing) when the file has bad lines and `validOnly` is not set,
 * or when lines have no annotator and none was given.
 */
export async function importDataset(
  db: WorkbenchDb,
  analysis: DatasetAnalysis,
  opts: ImportOptions,
): Promise<ImportReport> {
  const { fileName, errors } = analysis;
  if (errors.length > 0 && !opts.validOnly)
    return emptyReport(
      fileName,
      errors,
      `${errors.length} bad line(s): nothing imported (choose to import only the valid lines)`,
    );
  const fallback = opts.annotatorForMissing?.trim() || null;
  if (analysis.withoutAnnotator > 0 && !fallback)
    return emptyReport(
      fileName,
      errors,
      `${analysis.withoutAnnotator} line(s) have no _annotator_id: say whose spans they are`,
    );
  const labelMap = opts.labelMap ?? {};
  const now = Date.now();

  // Prepare everything that needs hashing before the transaction opens:
  // IndexedDB transactions end when they wait on anything but IndexedDB.
  const existingIds = new Set(
    (
      await db.documents.bulkGet([
        ...new Set(analysis.records.flatMap((r) => (r.docId ? [r.docId] : []))),
      ])
    )
      .flatMap((d) => (d ? [[d.id, d.text] as const] : []))
      .map(([id, text]) => `${id}\u0000${text}`),
  );
  const {
    actorIds,
    newActors,
    notes: actorNotes,
  } = await resolveImportActors(db, analysis.records, now);
  const newDocs = new Map<string, DocumentRecord>();
  const spans = new Map<string, SpanRecord>();
  const statuses = new Map<string, StatusRecord>();
  /** Statuses the file did not carry: written only where none is stored. */
  const statusless = new Set<string>();
  /** The tokens each line brought (document × annotator → set, or null). */
  const brought = new Map<
    string,
    { docId: string; annotatorId: string; set: TokenSetRecord | null }
  >();
  const annotatorIds = new Set<string>();
  const usedLabels = new Set<string>();
  // Hash in batches: each digest is asynchronous, so many run at once.
  const prepare = async (
    rec: ParsedRecord,
  ): Promise<{
    docId: string;
    doc: DocumentRecord | null;
    annotatorId: string;
    spans: SpanRecord[];
  }> => {
    let docId: string;
    let doc: DocumentRecord | null = null;
    if (rec.docId && existingIds.has(`${rec.docId}\u0000${rec.text}`)) docId = rec.docId;
    else {
      doc = await documentFromRecord(rec, fileName);
      docId = doc.id;
    }
    const annotatorId = rec.annotatorId ?? fallback!;
    const map = new OffsetMap(rec.text);
    const recSpans = await Promise.all(
      rec.spans.map(async (s): Promise<SpanRecord> => {
        const label = labelMap[s.label] ?? s.label;
        return {
          id: await importedSpanId(docId, annotatorId, s.start, s.end, label),
          docId,
          annotatorId,
          label,
          start: s.start,
          end: s.end,
          quote: map.slice(s.start, s.end),
          holder: s.holder,
          note: s.note,
          createdAt: now,
          updatedAt: now,
          ...(s.agreedBy ? { provenance: s.agreedBy } : {}),
          ...attributionFields(s, actorIds),
        };
      }),
    );
    return { docId, doc, annotatorId, spans: recSpans };
  };
  const BATCH = 250;
  for (let i = 0; i < analysis.records.length; i += BATCH) {
    const batch = analysis.records.slice(i, i + BATCH);
    const prepared = await Promise.all(batch.map(prepare));
    prepared.forEach((p, j) => {
      const rec = batch[j]!;
      if (p.doc && !newDocs.has(p.docId)) newDocs.set(p.docId, p.doc);
      annotatorIds.add(p.annotatorId);
      for (const sp of p.spans) {
        usedLabels.add(sp.label);
        spans.set(sp.id, sp);
      }
      const key = `${p.docId}\u0000${p.annotatorId}`;
      statuses.set(key, {
        docId: p.docId,
        annotatorId: p.annotatorId,
        status: rec.status ?? 'not-started',
        docStance: rec.docStance,
        updatedAt: now,
      });
      // Formats without a status (doccano, Prodigy) never overwrite one.
      if (rec.status === null) statusless.add(key);
      else statusless.delete(key);
      const set = tokenSetOf(p.docId, rec.tokens);
      const seen = brought.get(key);
      // An annotator's second line for one document with other tokens: none agreed.
      brought.set(key, {
        docId: p.docId,
        annotatorId: p.annotatorId,
        set: seen && seen.set?.digest !== set?.digest ? null : set,
      });
    });
    opts.onProgress?.({
      phase: 'writing',
      done: i + batch.length,
      total: analysis.records.length * 2,
    });
    await yieldToUi();
  }

  const report = emptyReport(fileName, errors, null);
  report.imported = true;
  const total = analysis.records.length * 2;
  report.actorNotes = actorNotes;
  await db.transaction(
    'rw',
    [
      db.documents,
      db.spans,
      db.annotators,
      db.labels,
      db.statuses,
      db.tokenSets,
      db.lineTokens,
      db.actors,
    ],
    async () => {
      // Actors: add the ones still missing (another write may have added them).
      const have = await db.actors.bulkGet([...newActors.keys()]);
      const addActors = [...newActors.values()].filter((_, i) => !have[i]);
      await db.actors.bulkAdd(addActors);
      report.actorsAdded = addActors.map((a) => a.nameAr || a.nameEn);

      // Labels: add the ones the label set lacks, after the existing ones.
      const labels = await db.labels.toArray();
      const knownLabels = new Set(labels.map((l) => l.key));
      let order = Math.max(-1, ...labels.map((l) => l.order));
      const added: LabelDef[] = [];
      for (const key of [...usedLabels].sort()) {
        if (knownLabels.has(key)) continue;
        order++;
        added.push({
          key,
          name: key,
          nameAr: key,
          color: LABEL_PALETTE[(labels.length + added.length) % LABEL_PALETTE.length]!,
          hotkey: null,
          definition: `Added on import from ${fileName}.`,
          examples: [],
          order,
        });
      }
      await db.labels.bulkAdd(added);
      report.labelsAdded = added.map((l) => l.key);

      // Annotators: colleagues (or gold) that this profile does not know yet.
      const ids = [...annotatorIds].sort();
      const existing = await db.annotators.bulkGet(ids);
      const newAnnotators: AnnotatorRecord[] = ids
        .filter((id, i) => !existing[i] && id !== opts.selfId)
        .map((id) => ({
          id,
          name: id,
          kind: id === GOLD_ANNOTATOR_ID ? 'gold' : 'colleague',
          createdAt: now,
        }));
      await db.annotators.bulkAdd(newAnnotators);
      report.annotatorsAdded = newAnnotators.map((a) => a.id);

      // Documents: create the new ones.
      const docIds = [...newDocs.keys()];
      const haveDocs = await db.documents.bulkGet(docIds);
      const toAdd = docIds.filter((_, i) => !haveDocs[i]).map((id) => newDocs.get(id)!);
      await db.documents.bulkAdd(toAdd);
      report.documentsCreated = toAdd.length;
      report.documentsMatched = new Set(analysis.records.map((r) => r.text)).size - toAdd.length;

      // Spans: add new ones, update changed holder/note/provenance/attribution, keep the rest.
      const spanList = [...spans.values()];
      // Spans made in the app have random ids, so a file holding them (the
      // analyst's own export, or a colleague's that includes the analyst's
      // lines) would add a second copy: a span whose annotator already has
      // one over the same extent with the same label is already there.
      const pairs = new Map<string, [string, string]>();
      for (const s of spanList)
        pairs.set(`${s.docId}\u0000${s.annotatorId}`, [s.docId, s.annotatorId]);
      const extentKey = (s: SpanRecord): string =>
        `${s.docId}\u0000${s.annotatorId}\u0000${s.start}\u0000${s.end}\u0000${s.label}`;
      const storedExtents = new Set<string>();
      await db.spans
        .where('[docId+annotatorId]')
        .anyOf([...pairs.values()])
        .each((s) => {
          storedExtents.add(extentKey(s));
        });
      for (let i = 0; i < spanList.length; i += 2000) {
        const chunk = spanList.slice(i, i + 2000);
        const have = await db.spans.bulkGet(chunk.map((s) => s.id));
        const put: SpanRecord[] = [];
        chunk.forEach((s, j) => {
          const old = have[j];
          if (!old && storedExtents.has(extentKey(s))) report.spansUnchanged++;
          else if (!old) {
            put.push(s);
            report.spansAdded++;
          } else if (
            old.holder !== s.holder ||
            old.note !== s.note ||
            JSON.stringify(old.provenance ?? null) !== JSON.stringify(s.provenance ?? null) ||
            (old.holderActorId ?? null) !== (s.holderActorId ?? null) ||
            (old.target ?? null) !== (s.target ?? null) ||
            (old.attribution ?? null) !== (s.attribution ?? null)
          ) {
            put.push({
              ...old,
              holder: s.holder,
              note: s.note,
              provenance: s.provenance,
              holderActorId: s.holderActorId ?? null,
              target: s.target ?? null,
              attribution: s.attribution ?? null,
              updatedAt: now,
            });
            report.spansUpdated++;
          } else report.spansUnchanged++;
        });
        await db.spans.bulkPut(put);
        opts.onProgress?.({
          phase: 'writing',
          done:
            analysis.records.length +
            Math.round(((i + chunk.length) / spanList.length) * analysis.records.length),
          total,
        });
      }

      // Statuses: create missing ones, update those the file changes.
      const statusList = [...statuses.values()];
      const haveStatus = await db.statuses.bulkGet(
        statusList.map((s) => [s.docId, s.annotatorId] as [string, string]),
      );

      // The tokens each line brought (dataset-tokens.ts), before statuses
      // change: a status without a lineTokens row is an annotation made here.
      const lines = [...brought.values()];
      const keys = lines.map((l) => [l.docId, l.annotatorId] as [string, string]);
      const storedLines = await db.lineTokens.bulkGet(keys);
      const storedStatus = await db.statuses.bulkGet(keys);
      await db.lineTokens.bulkPut(
        lines.map((l, i) => ({
          docId: l.docId,
          annotatorId: l.annotatorId,
          digest: mergedDigest(storedLines[i], !!storedStatus[i], l.set?.digest ?? null),
        })),
      );
      const sets = new Map<string, TokenSetRecord>();
      for (const l of lines) if (l.set) sets.set(`${l.docId}\u0000${l.set.digest}`, l.set);
      await db.tokenSets.bulkPut([...sets.values()]);
      await db.statuses.bulkPut(
        statusList.filter((s, i) => {
          const old = haveStatus[i];
          if (!old) return true;
          if (statusless.has(`${s.docId}\u0000${s.annotatorId}`)) return false;
          return old.status !== s.status || old.docStance !== s.docStance;
        }),
      );
    },
  );
  opts.onProgress?.({ phase: 'writing', done: total, total });
  return report;
}

/**
 * Imports dataset files without asking anything (for the file open/drop
 * route): unknown labels are added, a file with bad lines imports nothing
 * unless `validOnly`, and lines without `_annotator_id` need
 * `annotatorForMissing`. Backups are refused here (restore them from the
 * Backup panel). Returns one report per file.
 */
export async function importDatasetFiles(
  files: HostFile[],
  options: ImportOptions & { db?: WorkbenchDb },
): Promise<ImportReport[]> {
  const target = options.db ?? appDb;
  const reports: ImportReport[] = [];
  for (const file of files) {
    const analysed = await analyzeFile(target, file, options.onProgress);
    if (analysed.kind === 'backup') {
      reports.push(
        emptyReport(file.name, [], 'this is a full backup: restore it from the Backup panel'),
      );
      continue;
    }
    reports.push(await importDataset(target, analysed.analysis, options));
  }
  return reports;
}
