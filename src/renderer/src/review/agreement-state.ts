/**
 * The agreement dashboard's default view (everyone, every document) kept
 * as per-document counts and rows, and brought up to date by recounting
 * only the documents written since (db/view-changes.ts). Counting every
 * document reads every span, status and token row: seconds at 100,000
 * spans. After a few adjudications or a colleague's sync only those
 * documents are read and tallied again; the figures are the same as a
 * fresh count (core/agreement/tally-merge.ts, property-tested). The state
 * is kept between sessions beside the painted summary (agreement-kept.ts).
 */
import { reportLabels } from '@core/agreement/compute.ts';
import type { AgreementSpan } from '@core/agreement/types.ts';
import { classifyDisagreements } from '@core/agreement/disagreements.ts';
import { tally, type Tallies } from '@core/agreement/tallies.ts';
import { mergeTallies } from '@core/agreement/tally-merge.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type StatusRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { rejectedKey } from '../db/gold.ts';
import { unpackFacts } from '../db/span-facts.ts';
import { changesSince } from '../db/view-changes.ts';
import {
  chosenDocs,
  groupAnnotations,
  lineTokenIndex,
  type Annotations,
} from './agreement-docs.ts';
import { sortAnnotators } from './annotators.ts';
import type { DocRow } from './dashboard-summary.ts';
import { goldStateOf } from './gold-state.ts';
import { readTokens, withBounds, type AgreementData } from './useAgreementData.ts';

/** A documents table row with the document's stored title (null: no list row). */
export type StateRow = Omit<DocRow, 'title'> & { title: string | null };

/** The default view's counts and rows, as of generation `gen`. */
export interface AgreementState {
  gen: string;
  /** The label keys of the project, in order (the report's first labels). */
  labels: string[];
  /** Self first, then colleagues by name, gold last. */
  annotators: AnnotatorRecord[];
  /** Every annotated document → who annotated it (gold included). */
  who: Map<string, string[]>;
  /** The annotators compared: everyone with annotations, gold aside, in `annotators`' order. */
  ordered: string[];
  tallies: Tallies;
  /** The documents some compared annotator annotated. */
  rows: Map<string, StateRow>;
}

/** More documents changed than this: counting every document is as quick. */
const MAX_PATCH = 2000;

/**
 * The annotators with annotations (`present`: each document's annotator
 * ids), in `annotators`' order, and the ids of those compared by default
 * (everyone present, gold aside).
 */
export function activeOf(
  annotators: readonly AnnotatorRecord[],
  present: Iterable<Iterable<string>>,
): { active: AnnotatorRecord[]; ordered: string[] } {
  const ids = new Set<string>();
  for (const doc of present) for (const id of doc) ids.add(id);
  const active = annotators.filter((a) => ids.has(a.id));
  return { active, ordered: active.map((a) => a.id).filter((id) => id !== GOLD_ANNOTATOR_ID) };
}

/** What rows and counts need of some documents. */
interface DocsRead {
  annotations: Annotations;
  titles: Map<string, string>;
  gold: Map<string, StatusRecord>;
  rejected: Map<string, string[]>;
  lines: Map<string, string | null>;
}

/** The documents table's rows of `docs` (the compared annotators' annotations). */
function rowsOf(
  docs: readonly { id: string; annotations: ReadonlyMap<string, readonly AgreementSpan[]> }[],
  read: Omit<DocsRead, 'lines'>,
): StateRow[] {
  return docs.map((d) => {
    const disagreement = classifyDisagreements(d.annotations);
    return {
      docId: d.id,
      title: read.titles.get(d.id) ?? null,
      annotators: d.annotations.size,
      d: { score: disagreement.score, counts: disagreement.counts },
      gold: goldStateOf(
        read.annotations.get(d.id) ?? new Map(),
        read.gold.get(d.id),
        read.rejected.get(d.id),
      ),
    };
  });
}

/** The documents of `read` some of `ordered` annotated, with their tokens, and their rows. */
async function countDocs(
  read: DocsRead,
  ordered: readonly string[],
): Promise<{ rows: StateRow[]; docs: ReturnType<typeof withBounds> }> {
  const built = chosenDocs(read.annotations, ordered, read.lines);
  const docs = withBounds(built, await readTokens(built.flatMap((b) => (b.need ? [b.need] : []))));
  return { rows: rowsOf(docs, read), docs };
}

/** The state from the whole project's data (`data` read for everyone). */
export function stateFromData(data: AgreementData, labels: readonly string[]): AgreementState {
  const { who, ordered } = whoOf(data);
  // data.docs are the documents everyone compared annotated, tokens attached.
  const rows = rowsOf(data.docs, data);
  return stateOf(data, labels, who, ordered, {
    tallies: tally(data.docs, ordered, reportLabels(data.docs, ordered, labels)),
    rows: new Map(rows.map((r) => [r.docId, r])),
  });
}

/** Who annotated each document of `data`, and who is compared. */
function whoOf(data: AgreementData): { who: Map<string, string[]>; ordered: string[] } {
  const who = new Map([...data.annotations].map(([id, byAnn]) => [id, [...byAnn.keys()]]));
  return { who, ordered: activeOf(data.annotators, who.values()).ordered };
}

/** The state of `data` with its counts and rows. */
function stateOf(
  data: AgreementData,
  labels: readonly string[],
  who: Map<string, string[]>,
  ordered: string[],
  counted: Pick<AgreementState, 'tallies' | 'rows'>,
): AgreementState {
  return {
    gen: data.gen,
    labels: [...labels],
    annotators: data.annotators,
    who,
    ordered,
    ...counted,
  };
}

/** Documents counted between two returns to the event loop (stateInSteps). */
const STEP = 500;
const NONE: ReadonlySet<string> = new Set();

/** Resolves once the main thread has had a turn (input, paint) since; not throttled by timers. */
function yieldToMain(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * stateFromData, counted `step` documents at a time with the main thread
 * given back between steps: counting 10,000 documents takes about a second
 * of computing, which as one task would hold up the analyst's typing and
 * the screen (and it runs in the background too, agreement-keeper.ts).
 * Equal to stateFromData (the tallies merge as a fresh count adds up).
 */
export async function stateInSteps(
  data: AgreementData,
  labels: readonly string[],
  step = STEP,
): Promise<AgreementState> {
  if (data.docs.length <= step) return stateFromData(data, labels);
  const { who, ordered } = whoOf(data);
  const used = reportLabels(data.docs, ordered, labels);
  const rows = new Map<string, StateRow>();
  let tallies: Tallies | null = null;
  for (let i = 0; i < data.docs.length; i += step) {
    const part = data.docs.slice(i, i + step);
    for (const r of rowsOf(part, data)) rows.set(r.docId, r);
    const counted = tally(part, ordered, used);
    tallies = tallies ? mergeTallies(tallies, NONE, counted) : counted;
    // Same annotators and labels in every step: a merge cannot be refused.
    if (!tallies) throw new Error('the agreement counts of two steps did not match');
    await yieldToMain();
  }
  return stateOf(data, labels, who, ordered, { tallies: tallies!, rows });
}

/** Reads what the rows and counts need of `ids`, in one transaction. */
async function readDocs(ids: string[]): Promise<DocsRead & { annotators: AnnotatorRecord[] }> {
  return db.transaction(
    'r',
    [db.annotators, db.spanFacts, db.statuses, db.lineTokens, db.settings, db.docMeta],
    async () => {
      const [annotators, facts, statuses, lines, rejected, meta] = await Promise.all([
        db.annotators.toArray(),
        db.spanFacts.bulkGet(ids),
        db.statuses.where('docId').anyOf(ids).toArray(),
        db.lineTokens.where('docId').anyOf(ids).toArray(),
        db.settings.bulkGet(ids.map((id) => rejectedKey(id))),
        db.docMeta.bulkGet(ids),
      ]);
      const annotations = groupAnnotations(
        facts.flatMap((r) => (r ? unpackFacts(r) : [])),
        statuses,
      );
      const titles = new Map<string, string>();
      for (const m of meta) if (m) titles.set(m.id, m.title || (m.lead ? `«${m.lead}»` : ''));
      return {
        annotators: sortAnnotators(annotators),
        annotations,
        titles,
        gold: new Map(
          statuses.filter((s) => s.annotatorId === GOLD_ANNOTATOR_ID).map((s) => [s.docId, s]),
        ),
        rejected: new Map(
          ids.flatMap((id, i) => {
            const v = rejected[i]?.value;
            return v === undefined ? [] : [[id, Array.isArray(v) ? (v as string[]) : []]];
          }),
        ),
        lines: lineTokenIndex(lines),
      };
    },
  );
}

/**
 * `state` with the documents of `ids` read and counted again, as of `gen`;
 * null when the change reaches beyond them (someone new compared, or a
 * label outside the project's), and every document must be counted.
 */
export async function patchState(
  state: AgreementState,
  ids: ReadonlySet<string>,
  gen: string,
): Promise<AgreementState | null> {
  const list = [...ids];
  const t0 = performance.now();
  const read = await readDocs(list);
  performance.measure('stance:agreement-patch-read', { start: t0 });
  const who = new Map(state.who);
  for (const id of list) {
    const byAnn = read.annotations.get(id);
    if (byAnn && byAnn.size > 0) who.set(id, [...byAnn.keys()]);
    else who.delete(id);
  }
  const { ordered } = activeOf(read.annotators, who.values());
  if (ordered.join('\u0000') !== state.ordered.join('\u0000')) return null;
  const labels = state.tallies.labels;
  // Labels beyond the project's are reported only while used: whether one
  // still is cannot be told from some documents.
  if (labels.length !== new Set(state.labels).size) return null;
  const t1 = performance.now();
  const { rows, docs } = await countDocs(read, ordered);
  performance.measure('stance:agreement-patch-tokens', { start: t1 });
  const t2 = performance.now();
  if (reportLabels(docs, ordered, state.labels).length !== labels.length) return null;
  const tallies = mergeTallies(state.tallies, ids, tally(docs, ordered, labels));
  if (!tallies) return null;
  const nextRows = new Map(state.rows);
  for (const id of list) nextRows.delete(id);
  for (const r of rows) nextRows.set(r.docId, r);
  performance.measure('stance:agreement-patch-merge', { start: t2 });
  return { ...state, gen, annotators: read.annotators, who, ordered, tallies, rows: nextRows };
}

/** The documents `changes` name; null when some cannot be told, or too many. */
export function changedDocs(
  changes: readonly { table: string; docs: string[] | null }[],
): Set<string> | null {
  const ids = new Set<string>();
  for (const c of changes) {
    if (c.docs === null) return null;
    for (const id of c.docs) ids.add(id);
    if (ids.size > MAX_PATCH) return null;
  }
  return ids;
}

/**
 * `prev` brought up to the current generation: unchanged when nothing
 * changed, patched when some documents did, else null (count every
 * document: the caller reads the whole project).
 */
export async function bringUpToDate(prev: AgreementState): Promise<AgreementState | null> {
  const t0 = performance.now();
  const since = await changesSince(db, prev.gen);
  performance.measure('stance:agreement-patch-changes', { start: t0 });
  if (!since) return null;
  if (since.changes.length === 0) return prev;
  const ids = changedDocs(since.changes);
  if (!ids) return null;
  if (ids.size === 0) {
    // Only annotators (or labels, actors) were written: counts stand, but a
    // renamed colleague sorts elsewhere, and the comparison's order with them.
    const annotators = await annotatorsNow();
    if (
      activeOf(annotators, prev.who.values()).ordered.join('\u0000') !== prev.ordered.join('\u0000')
    )
      return null;
    return { ...prev, gen: since.gen, annotators };
  }
  return patchState(prev, ids, since.gen);
}

/** The annotators as they are now, in the dashboard's order. */
export async function annotatorsNow(): Promise<AnnotatorRecord[]> {
  return sortAnnotators(await db.annotators.toArray());
}
