/**
 * The agreement dashboard's live data: annotators, document titles, every
 * span (its facts, quote included, from the spanFacts rows: one per
 * document, db/span-facts.ts), status and gold rejection, and the tokens
 * each compared document rests on (core's one rule: the dataset's tokens
 * when every chosen annotator's line brought the same, else the
 * workbench's, read packed from docTokens). The articles' text only for
 * a document whose tokens are not stored (yet).
 * Tokens never change for a document, so they are read once per session.
 * Tables read whole are read with one getAll (toArray), not a get per
 * key: each request is a round trip to the browser's IndexedDB backend.
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useCoalescedQuery } from '../hooks/useCoalescedQuery.ts';
import type { AgreementDoc } from '@core/agreement/types.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type StatusRecord } from '@core/model.ts';
import { packedTokensOf, TOKENIZER_VERSION } from '@core/token-pack.ts';
import { db } from '../db/db.ts';
import { rejectedKey } from '../db/gold.ts';
import { unpackFacts } from '../db/span-facts.ts';
import { untrackedGeneration } from '../db/view-cache.ts';
import {
  chosenDocs,
  groupAnnotations,
  lineTokenIndex,
  type Annotations,
  type DashSpan,
  type TokenNeed,
} from './agreement-docs.ts';
import { sortAnnotators } from './annotators.ts';

export interface AgreementData {
  /** Self first, then colleagues by name, gold last. */
  annotators: AnnotatorRecord[];
  titles: Map<string, string>;
  /** Every document's annotations, by every annotator. */
  annotations: Annotations;
  /** The documents some chosen annotator annotated, tokens attached where two did. */
  docs: (AgreementDoc & { annotations: Map<string, DashSpan[]> })[];
  /** Gold's status per document. */
  gold: Map<string, StatusRecord>;
  /** Gold's rejected span keys per document. */
  rejected: Map<string, string[]>;
  /** The project's generation, read just before these (db/view-cache.ts). */
  gen: string;
}

const workbenchBounds = new Map<string, ArrayLike<number>>();
const datasetBounds = new Map<string, ArrayLike<number>>();
const setKey = (docId: string, digest: string): string => `${docId}\u0000${digest}`;

/**
 * Rows of `table` for `keys`: one getAll of the whole table when the keys
 * are nearly all of it (one request instead of one per key), else a get
 * per key (token rows are large: reading rows not needed costs more than
 * the requests saved).
 */
async function rowsFor<K, R>(
  table: {
    count(): Promise<number>;
    toArray(): Promise<R[]>;
    bulkGet(keys: K[]): Promise<(R | undefined)[]>;
  },
  keys: K[],
  keyOf: (r: R) => string,
  keyString: (k: K) => string,
): Promise<(R | undefined)[]> {
  if (keys.length === 0) return [];
  // A count is not free either (Chromium walks the store): a few keys are
  // read one by one without asking.
  if (keys.length < 1000 || keys.length < 0.9 * (await table.count())) return table.bulkGet(keys);
  const by = new Map((await table.toArray()).map((r) => [keyOf(r), r]));
  return keys.map((k) => by.get(keyString(k)));
}

/** Token boundaries read for some documents: the workbench's by document, datasets' by document and digest. */
export interface BoundsRead {
  workbench: Map<string, ArrayLike<number>>;
  dataset: Map<string, ArrayLike<number>>;
}

/**
 * The token boundaries `needs` asks for: those this session has read
 * already, and the rest read now. `remember` (default true) keeps the ones
 * read for the session; a count in the background (agreement-keeper.ts)
 * keeps none (tens of MB at 10,000 documents).
 */
export async function readTokens(
  needs: readonly TokenNeed[],
  opts: { remember?: boolean } = {},
): Promise<BoundsRead> {
  const out: BoundsRead = { workbench: new Map(), dataset: new Map() };
  const wb: TokenNeed[] = [];
  const ds: TokenNeed[] = [];
  for (const n of needs) {
    if (n.digest === null) {
      const b = workbenchBounds.get(n.docId);
      if (b) out.workbench.set(n.docId, b);
      else wb.push(n);
    } else {
      const key = setKey(n.docId, n.digest);
      const b = datasetBounds.get(key);
      if (b) out.dataset.set(key, b);
      else ds.push(n);
    }
  }
  const [packed, sets] = await Promise.all([
    rowsFor(
      db.docTokens,
      wb.map((n) => n.docId),
      (r) => r.docId,
      (k) => k,
    ),
    rowsFor(
      db.tokenSets,
      ds.map((n) => [n.docId, n.digest!] as [string, string]),
      (r) => setKey(r.docId, r.digest),
      ([d, g]) => setKey(d, g),
    ),
  ]);
  const stale: string[] = [];
  wb.forEach((n, i) => {
    const p = packed[i];
    if (p && p.version === TOKENIZER_VERSION) out.workbench.set(n.docId, p.bounds);
    else stale.push(n.docId);
  });
  // Tokens not stored yet (a team project's articles, filled once its sync
  // is idle) or by another tokenizer version (until the start-up check
  // repacks them): those documents are read in one request and tokenized.
  const texts = stale.length > 0 ? await db.documents.bulkGet(stale) : [];
  stale.forEach((docId, i) => {
    const text = texts[i]?.text;
    out.workbench.set(docId, text === undefined ? [] : packedTokensOf(text).bounds);
  });
  ds.forEach((n, i) => {
    const s = sets[i];
    if (s) out.dataset.set(setKey(n.docId, n.digest!), s.bounds);
  });
  if (opts.remember !== false) {
    for (const [k, v] of out.workbench) workbenchBounds.set(k, v);
    for (const [k, v] of out.dataset) datasetBounds.set(k, v);
  }
  return out;
}

/** The built documents with their token boundaries (`bounds`, from readTokens). */
export function withBounds(
  built: ReturnType<typeof chosenDocs>,
  bounds: BoundsRead,
): (AgreementDoc & { annotations: Map<string, DashSpan[]> })[] {
  return built.map(({ doc, need }) => ({
    ...doc,
    tokens: [],
    bounds: !need
      ? []
      : need.digest === null
        ? (bounds.workbench.get(need.docId) ?? [])
        : (bounds.dataset.get(setKey(need.docId, need.digest)) ?? []),
  }));
}

/** The last whole read for everyone (chosen null), reused while nothing changed. */
let lastEveryone: AgreementData | null = null;

/**
 * The dashboard's data for the `chosen` annotators (null: everyone who
 * annotated something, gold aside), read whole; the last read for everyone
 * is reused while the project's generation is the same (it, and the
 * token boundaries read, are kept for reuse unless `remember` is false).
 */
export async function loadAgreementData(
  chosen: readonly string[] | null,
  opts: { remember?: boolean } = {},
): Promise<AgreementData> {
  if (chosen === null && lastEveryone && lastEveryone.gen === (await untrackedGeneration(db)))
    return lastEveryone;
  const remember = opts.remember !== false;
  const data = await load(chosen, remember);
  // A count in the background (agreement-keeper.ts) keeps nothing this big in memory.
  if (chosen === null && remember) lastEveryone = data;
  return data;
}

async function load(chosen: readonly string[] | null, remember: boolean): Promise<AgreementData> {
  const t0 = performance.now();
  const gen = await untrackedGeneration(db);
  const [annotatorRows, factRows, statuses, lines, rejectedRows, metaRows] = await Promise.all([
    db.annotators.toArray(),
    db.spanFacts.toArray(),
    db.statuses.toArray(),
    db.lineTokens.toArray(),
    db.settings.where('key').startsWith(rejectedKey('')).toArray(),
    db.docMeta.toArray(),
  ]);
  const annotators = sortAnnotators(annotatorRows);
  const annotations = groupAnnotations(
    factRows.flatMap((r) => unpackFacts(r)),
    statuses,
  );
  const picked =
    chosen ??
    annotators
      .filter((a) => a.id !== GOLD_ANNOTATOR_ID)
      .map((a) => a.id)
      .filter((id) => [...annotations.values()].some((m) => m.has(id)));
  const built = chosenDocs(annotations, picked, lineTokenIndex(lines));
  const t1 = performance.now();
  const needs = built.flatMap((b) => (b.need ? [b.need] : []));
  const docs = withBounds(built, await readTokens(needs, { remember }));
  // Where the dashboard's time goes (the review bench reads these).
  performance.measure('stance:agreement-rows', { start: t0, end: t1 });
  performance.measure('stance:agreement-tokens', { start: t1, end: performance.now() });
  const titles = new Map<string, string>();
  // An untitled document is named by its opening words, quoted (never passed
  // off as a title): a table of documents needs something to tell them apart.
  for (const m of metaRows)
    if (annotations.has(m.id)) titles.set(m.id, m.title || (m.lead ? `«${m.lead}»` : ''));
  const gold = new Map(
    statuses.filter((s) => s.annotatorId === GOLD_ANNOTATOR_ID).map((s) => [s.docId, s]),
  );
  const rejected = new Map(
    rejectedRows.map((r) => [
      r.key.slice(rejectedKey('').length),
      Array.isArray(r.value) ? (r.value as string[]) : [],
    ]),
  );
  return { annotators, titles, annotations, docs, gold, rejected, gen };
}

/**
 * The dashboard's data for the `chosen` annotators (null: everyone who
 * annotated something, gold aside), live; undefined while loading, or
 * until `start` (so a small read first, the kept view, is not delayed).
 */
export function useAgreementData(
  chosen: readonly string[] | null,
  start = true,
): AgreementData | undefined {
  // A string key, so a new array with the same annotators reads nothing again.
  const key = JSON.stringify(chosen);
  return useCoalescedQuery(
    AGREEMENT_TABLES,
    key,
    start ? () => loadAgreementData(JSON.parse(key) as string[] | null) : null,
  ).value;
}

/** What load() reads: a write to any reads the dashboard's data again. */
export const AGREEMENT_TABLES = [
  'annotators',
  'spanFacts',
  'statuses',
  'lineTokens',
  'settings',
  'docMeta',
  'docTokens',
  'tokenSets',
];

/** The folded title-and-text keys, read only while a search is typed (documents never change). */
let foldedCache: Map<string, string> | null = null;
export function useFoldedKeys(searching: boolean): Map<string, string> | undefined {
  return useLiveQuery(async () => {
    if (!searching) return undefined;
    if (!foldedCache || foldedCache.size !== (await db.documents.count())) {
      const keys = new Map<string, string>();
      await db.documents.each((d) => {
        keys.set(d.id, d.folded);
      });
      foldedCache = keys;
    }
    return foldedCache;
  }, [searching]);
}
