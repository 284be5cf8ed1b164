/**
 * The import plan: given a file's prepared records (prepare.ts), the
 * analyst's choices and a snapshot of what is stored, what an import adds,
 * changes, leaves as already there or refuses, with the report counts.
 * Pure and synchronous, so the renderer can read the snapshot, plan and
 * write in one IndexedDB transaction, and a test can run it on a model of
 * the store. The merge policy:
 * - a record's document is the stored one its doc_id names with the same
 *   text, else the one whose id is the SHA-256 of its text (new if not
 *   stored, kept exactly as the file has it so offsets stay valid);
 * - spans: plan-spans.ts;
 * - statuses: the last line of a (document, annotator) pair wins; formats
 *   without a status (doccano, Prodigy) never overwrite a stored one;
 * - tokens: token-rows.ts mergedDigest; an annotator's lines for one
 *   document with different tokens agree on none;
 * - labels the label set lacks are added after the others, annotators the
 *   profile lacks (but the analyst) as colleagues (or gold), actors as
 *   actors.ts resolves them.
 */
import { searchKey } from '../document.ts';
import { LABEL_PALETTE } from '../labels.ts';
import { OffsetMap } from '../offsets.ts';
import type { ParsedRecord } from '../formats/record.ts';
import {
  GOLD_ANNOTATOR_ID,
  type AnnotatorRecord,
  type DocumentRecord,
  type LabelDef,
  type SpanRecord,
  type StatusRecord,
} from '../model.ts';
import { attributionFields, resolveImportActors } from './actors.ts';
import { checkImport } from './prepare.ts';
import { planSpans } from './plan-spans.ts';
import { mergedDigest, sameBounds, tokenSetOf, type TokenSetRecord } from './token-rows.ts';
import {
  emptyReport,
  pairKey,
  type ImportInput,
  type ImportOptions,
  type ImportPlan,
  type ImportSnapshot,
  type PreparedRecord,
} from './types.ts';

/** A document record for a line's text, kept exactly (offsets stay valid). */
function documentOf(rec: ParsedRecord, id: string, fileName: string, now: number): DocumentRecord {
  const title = rec.title?.trim() ?? '';
  return {
    id,
    text: rec.text,
    rawText: rec.text,
    textSource: 'clean',
    removed: [],
    title,
    date: rec.date ?? null,
    author: null,
    outlet: rec.source ?? null,
    file: fileName,
    importedAt: now,
    folded: searchKey(title, rec.text),
  };
}

/** Labels `used` that the label set lacks, in key order, after the existing ones. */
function newLabels(stored: readonly LabelDef[], used: Set<string>, fileName: string): LabelDef[] {
  const known = new Set(stored.map((l) => l.key));
  let order = stored.reduce((max, l) => Math.max(max, l.order), -1);
  const added: LabelDef[] = [];
  for (const key of [...used].sort()) {
    if (known.has(key)) continue;
    order++;
    added.push({
      key,
      name: key,
      nameAr: key,
      color: LABEL_PALETTE[(stored.length + added.length) % LABEL_PALETTE.length]!,
      hotkey: null,
      definition: `Added on import from ${fileName}.`,
      examples: [],
      order,
    });
  }
  return added;
}

/** What one (document, annotator) pair of the file says, its last line winning. */
interface PairLine {
  status: StatusRecord;
  /** The last line had no status: a stored one stays. */
  statusless: boolean;
  /** The tokens its lines brought; null when none or they disagree. */
  set: TokenSetRecord | null;
}

/**
 * Plans the import of `prepared` (the records of `input`, hashed) over the
 * stored rows of `snapshot`, at time `now`. Refused (nothing to write)
 * exactly when checkImport refuses.
 */
export function planImport(
  input: ImportInput,
  prepared: readonly PreparedRecord[],
  opts: ImportOptions,
  snapshot: ImportSnapshot,
  now: number,
): ImportPlan {
  const { fileName, errors } = input;
  const plan: ImportPlan = {
    report: emptyReport(fileName, errors, null),
    actors: [],
    labels: [],
    annotators: [],
    documents: [],
    spansToAdd: [],
    spansToUpdate: [],
    statuses: [],
    lineTokens: [],
    tokenSets: [],
  };
  const check = checkImport(input, opts);
  if (!check.ok) {
    plan.report.refusal = check.refusal;
    return plan;
  }
  const actors = resolveImportActors(
    snapshot.actors,
    prepared.map((p) => p.record),
    now,
  );
  const newDocs = new Map<string, DocumentRecord>();
  const spans = new Map<string, SpanRecord>();
  const pairs = new Map<string, PairLine>();
  const annotatorIds = new Set<string>();
  const usedLabels = new Set<string>();
  for (const p of prepared) {
    const rec = p.record;
    const named = rec.docId !== null && snapshot.docTexts.get(rec.docId) === rec.text;
    const docId = named ? rec.docId! : p.textId;
    if (!named && !newDocs.has(docId) && !snapshot.storedDocIds.has(docId))
      newDocs.set(docId, documentOf(rec, docId, fileName, now));
    annotatorIds.add(p.annotatorId);
    const ids = p.spanIds.get(docId)!;
    const map = new OffsetMap(rec.text);
    rec.spans.forEach((s, i) => {
      const label = p.labels[i]!;
      usedLabels.add(label);
      spans.set(ids[i]!, {
        id: ids[i]!,
        docId,
        annotatorId: p.annotatorId,
        label,
        start: s.start,
        end: s.end,
        quote: map.slice(s.start, s.end),
        holder: s.holder,
        note: s.note,
        createdAt: now,
        updatedAt: now,
        ...(s.agreedBy ? { provenance: s.agreedBy } : {}),
        ...attributionFields(s, actors.actorIds),
      });
    });
    const key = pairKey(docId, p.annotatorId);
    const set = tokenSetOf(docId, rec.tokens);
    const seen = pairs.get(key);
    pairs.set(key, {
      status: {
        docId,
        annotatorId: p.annotatorId,
        status: rec.status ?? 'not-started',
        docStance: rec.docStance,
        updatedAt: now,
      },
      statusless: rec.status === null,
      // An annotator's second line for one document with other tokens: none agreed.
      set: seen && seen.set?.digest !== set?.digest ? null : set,
    });
  }

  plan.actors = [...actors.newActors.values()];
  plan.labels = newLabels(snapshot.labels, usedLabels, fileName);
  plan.annotators = [...annotatorIds]
    .sort()
    .filter((id) => !snapshot.annotatorIds.has(id) && id !== opts.selfId)
    .map((id): AnnotatorRecord => ({
      id,
      name: id,
      kind: id === GOLD_ANNOTATOR_ID ? 'gold' : 'colleague',
      createdAt: now,
    }));
  plan.documents = [...newDocs.values()];
  const spanPlan = planSpans(spans.values(), snapshot.spans, now);
  plan.spansToAdd = spanPlan.add;
  plan.spansToUpdate = spanPlan.update;
  planPairs(plan, pairs, snapshot);

  const r = plan.report;
  r.imported = true;
  r.actorNotes = actors.notes;
  r.actorsAdded = plan.actors.map((a) => a.nameAr || a.nameEn);
  r.labelsAdded = plan.labels.map((l) => l.key);
  r.annotatorsAdded = plan.annotators.map((a) => a.id);
  r.documentsCreated = plan.documents.length;
  r.documentsMatched = new Set(prepared.map((p) => p.record.text)).size - plan.documents.length;
  r.spansAdded = spanPlan.add.length;
  r.spansUpdated = spanPlan.update.length;
  r.spansUnchanged = spanPlan.unchanged;
  return plan;
}

/** Plans the statuses, lineTokens and tokenSets rows of the file's pairs. */
function planPairs(
  plan: ImportPlan,
  pairs: ReadonlyMap<string, PairLine>,
  snapshot: ImportSnapshot,
): void {
  const statuses = new Map(snapshot.statuses.map((s) => [pairKey(s.docId, s.annotatorId), s]));
  const lines = new Map(snapshot.lineTokens.map((l) => [pairKey(l.docId, l.annotatorId), l]));
  const sets = new Map(snapshot.tokenSets.map((t) => [pairKey(t.docId, t.digest), t]));
  const newSets = new Map<string, TokenSetRecord>();
  for (const [key, line] of pairs) {
    const { docId, annotatorId } = line.status;
    const old = statuses.get(key);
    // A status without a lineTokens row is an annotation made in the workbench.
    const stored = lines.get(key);
    const digest = mergedDigest(stored, !!old, line.set?.digest ?? null);
    if (!stored || stored.digest !== digest) plan.lineTokens.push({ docId, annotatorId, digest });
    if (line.set) {
      const setKey = pairKey(docId, line.set.digest);
      const have = sets.get(setKey);
      if (!have || !sameBounds(have.bounds, line.set.bounds)) newSets.set(setKey, line.set);
    }
    if (
      !old ||
      (!line.statusless &&
        (old.status !== line.status.status || old.docStance !== line.status.docStance))
    )
      plan.statuses.push(line.status);
  }
  plan.tokenSets = [...newSets.values()];
}
