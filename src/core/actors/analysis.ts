/**
 * The analyst's overview: who holds which stance, with counts, evidence,
 * stance over time (article date) and by outlet, filtered by annotator (or
 * gold), outlet and date range. The Analysis view and `stance actors` both
 * show what `computeAnalysis` returns; the shapes are in analysis-types.ts.
 *
 * Counting (analysis-units.ts, docs/actors.md): spans of one document with
 * the same holder that overlap, whoever made them, form one *statement*,
 * counted once. A statement whose spans carry several labels is counted
 * once, under "several labels". Statements of different holders that
 * overlap, made by annotators none of whom made both, are a holder
 * disagreement: the group counts once, for the holder most annotators
 * chose, or in the "holder disputed" row on a tie. So no span is ever
 * counted twice.
 */
import { GOLD_ANNOTATOR_ID, type ActorRecord } from '../model.ts';
import {
  DISPUTED_HOLDER,
  SEVERAL_LABELS,
  type ActorRow,
  type AnalysisDoc,
  type AnalysisFilter,
  type AnalysisOptions,
  type AnalysisSpan,
  type AnalysisView,
  type Counts,
  type HolderInfo,
  type StanceUnit,
} from './analysis-types.ts';
import { AnnotatorBits, documentUnits, UnitCache } from './analysis-units.ts';
import { actorIdOf, holderKey, NO_HOLDER, type HolderKey } from './holder.ts';
import { ActorIndex, displayName } from './model.ts';

export * from './analysis-types.ts';

const DATE = /^\d{4}-\d{2}-\d{2}/u;
const BUCKET_LENGTH = { day: 10, month: 7, year: 4 } as const;

/** Describes a row's holder. */
export function holderInfo(key: HolderKey, actors: ActorIndex, fallbackName?: string): HolderInfo {
  const none = { actorId: null, nameEn: '', actorKind: null, affiliation: null };
  const id = actorIdOf(key);
  if (id !== null) {
    const a = actors.byId.get(id);
    return a
      ? {
          kind: 'actor',
          actorId: id,
          name: displayName(a),
          nameEn: a.nameEn,
          actorKind: a.kind,
          affiliation: a.affiliation,
        }
      : { ...none, kind: 'actor', actorId: id, name: fallbackName || id };
  }
  if (key.startsWith('text:')) return { ...none, kind: 'text', name: fallbackName || key.slice(5) };
  if (key.startsWith('outlet:'))
    return { ...none, kind: 'outlet', name: key.slice(7) || '(unknown outlet)' };
  if (key === DISPUTED_HOLDER) return { ...none, kind: 'disputed', name: '(holder disputed)' };
  return { ...none, kind: 'none', name: '(no holder)' };
}

function addCount(c: Counts, column: string): void {
  c.counts[column] = (c.counts[column] ?? 0) + 1;
  c.total++;
}

function emptyCounts(): Counts {
  return { counts: {}, total: 0 };
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** True when a document passes the outlet and date filters. */
function docPasses(doc: AnalysisDoc | undefined, f: AnalysisFilter): boolean {
  if (f.outlets && !f.outlets.includes(doc?.outlet ?? null)) return false;
  if (f.from || f.to) {
    const d = doc?.date && DATE.test(doc.date) ? doc.date.slice(0, 10) : null;
    if (!d) return false;
    if (f.from && d < f.from) return false;
    if (f.to && d > f.to) return false;
  }
  return true;
}

/**
 * Computes the Analysis view from spans, their documents and the actors.
 * Pure and deterministic: the same input gives the same view.
 */
export function computeAnalysis(
  spans: Iterable<AnalysisSpan>,
  docs: ReadonlyMap<string, AnalysisDoc>,
  actors: readonly ActorRecord[],
  filter: AnalysisFilter = {},
  options: AnalysisOptions = {},
): AnalysisView {
  const index = new ActorIndex(actors);
  const annotatorSet = filter.annotators ? new Set(filter.annotators) : null;
  const labelSet = filter.labels ? new Set(filter.labels) : null;
  const docFilter = !!(filter.outlets || filter.from || filter.to);
  const docOk = new Map<string, boolean>();
  // Holder keys, made once per actor id, holder text and outlet, numbered.
  const keys: HolderKey[] = [];
  const numbers = new Map<HolderKey, number>();
  const number = (k: HolderKey): number => {
    let n = numbers.get(k);
    if (n === undefined) {
      numbers.set(k, (n = keys.length));
      keys.push(k);
    }
    return n;
  };
  const actorKeys = new Map<string, number>();
  const textKeys = new Map<string, number>();
  const outletKeys = new Map<string, number>();
  const names = new Map<HolderKey, string>();
  const named: boolean[] = [];
  const noHolder = number(NO_HOLDER);
  const annotators = new Set<string>();

  // 1. Filter, key by holder, group by document.
  const byDoc = new Map<string, { spans: AnalysisSpan[]; holders: number[] }>();
  for (const s of spans) {
    if (annotatorSet ? !annotatorSet.has(s.annotatorId) : s.annotatorId === GOLD_ANNOTATOR_ID)
      continue;
    if (labelSet && !labelSet.has(s.label)) continue;
    if (docFilter) {
      let ok = docOk.get(s.docId);
      if (ok === undefined) docOk.set(s.docId, (ok = docPasses(docs.get(s.docId), filter)));
      if (!ok) continue;
    }
    let h: number | undefined;
    if (s.holderActorId) {
      h = actorKeys.get(s.holderActorId);
      if (h === undefined)
        actorKeys.set(s.holderActorId, (h = number(`actor:${index.resolve(s.holderActorId)}`)));
    } else {
      const text = s.holder ?? '';
      h = textKeys.get(text);
      if (h === undefined) textKeys.set(text, (h = number(holderKey({ holder: s.holder }, index))));
    }
    if (h === noHolder && s.attribution === 'outlet-voice') {
      const outlet = docs.get(s.docId)?.outlet ?? '';
      h = outletKeys.get(outlet);
      if (h === undefined) outletKeys.set(outlet, (h = number(`outlet:${outlet}`)));
    }
    if (s.holder && !named[h]) {
      named[h] = true;
      names.set(keys[h]!, s.holder);
    }
    annotators.add(s.annotatorId);
    const group = byDoc.get(s.docId);
    if (group) {
      group.spans.push(s);
      group.holders.push(h);
    } else byDoc.set(s.docId, { spans: [s], holders: [h] });
  }

  // 2. Statements per document, in document order.
  const bits = new AnnotatorBits();
  const cache = new UnitCache();
  const units: StanceUnit[] = [];
  let spanCount = 0;
  for (const docId of [...byDoc.keys()].sort(cmp)) {
    const g = byDoc.get(docId)!;
    for (const u of documentUnits(docId, g.spans, g.holders, keys, bits, cache)) {
      u.index = units.length;
      units.push(u);
      spanCount += u.spans.length;
    }
  }

  // 3. The table and totals, from the counted statements.
  const rows = new Map<HolderKey, ActorRow>();
  const totals = emptyCounts();
  const usedLabels = new Set<string>();
  let several = false;
  const counted: StanceUnit[] = [];
  for (const u of units) {
    for (const l of u.labels) usedLabels.add(l);
    if (!u.countedIn) continue;
    const { row: key, column } = u.countedIn;
    if (column === SEVERAL_LABELS) several = true;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        holder: holderInfo(key, index, names.get(key)),
        counts: {},
        units: {},
        total: 0,
      };
      rows.set(key, row);
    }
    row.counts[column] = (row.counts[column] ?? 0) + 1;
    (row.units[column] ??= []).push(u.index);
    row.total++;
    addCount(totals, column);
    counted.push(u);
  }
  const preferred = [...new Set(options.labels ?? [])];
  const labels = [...preferred, ...[...usedLabels].sort(cmp).filter((l) => !preferred.includes(l))];
  const last = (k: HolderKey): number => (k === NO_HOLDER ? 1 : k === DISPUTED_HOLDER ? 2 : 0);
  const KIND_ORDER = { actor: 0, text: 1, outlet: 2, none: 3, disputed: 4 };
  const sortedRows = [...rows.values()].sort(
    (a, b) =>
      last(a.key) - last(b.key) ||
      b.total - a.total ||
      KIND_ORDER[a.holder.kind] - KIND_ORDER[b.holder.kind] ||
      cmp(a.holder.name, b.holder.name) ||
      cmp(a.key, b.key),
  );
  let label = 0;
  let holder = 0;
  for (const u of units) {
    if (u.disagreements.includes('label')) label++;
    if (u.disagreements.includes('holder')) holder++;
  }
  return {
    annotators: [...annotators].sort(cmp),
    columns: several ? [...labels, SEVERAL_LABELS] : labels,
    rows: sortedRows,
    units,
    totals,
    ...charts(counted, docs, options.timeBucket),
    disagreements: { label, holder },
    documents: new Set(counted.map((u) => u.docId)).size,
    spans: spanCount,
  };
}

/** The date and outlet charts of counted units (each in the column it is counted in). */
function charts(
  counted: Iterable<StanceUnit>,
  docs: ReadonlyMap<string, AnalysisDoc>,
  timeBucket: 'day' | 'month' | 'year' = 'day',
): Pick<AnalysisView, 'overTime' | 'undated' | 'byOutlet'> {
  const overTime = new Map<string, Counts & { bucket: string }>();
  const undated = emptyCounts();
  const byOutlet = new Map<string | null, Counts & { outlet: string | null }>();
  const len = BUCKET_LENGTH[timeBucket];
  // Each document's bucket and outlet, worked out once.
  const perDoc = new Map<string, { time: Counts; outlet: Counts }>();
  for (const u of counted) {
    const column = u.countedIn!.column;
    let d = perDoc.get(u.docId);
    if (!d) {
      const doc = docs.get(u.docId);
      const date = doc?.date && DATE.test(doc.date) ? doc.date.slice(0, len) : null;
      let time: Counts = undated;
      if (date !== null) {
        let b = overTime.get(date);
        if (!b) overTime.set(date, (b = { bucket: date, ...emptyCounts() }));
        time = b;
      }
      const outlet = doc?.outlet ?? null;
      let o = byOutlet.get(outlet);
      if (!o) byOutlet.set(outlet, (o = { outlet, ...emptyCounts() }));
      perDoc.set(u.docId, (d = { time, outlet: o }));
    }
    addCount(d.time, column);
    addCount(d.outlet, column);
  }
  // Outlets by size, then name; articles with no outlet last.
  const name = (o: string | null): string => (o === null ? '\uffff' : o);
  return {
    overTime: [...overTime.values()].sort((a, b) => cmp(a.bucket, b.bucket)),
    undated,
    byOutlet: [...byOutlet.values()].sort(
      (a, b) => b.total - a.total || cmp(name(a.outlet), name(b.outlet)),
    ),
  };
}

/**
 * The date and outlet charts of one row (an actor's stance over time and
 * by outlet), from a computed view.
 */
export function chartsFor(
  view: AnalysisView,
  docs: ReadonlyMap<string, AnalysisDoc>,
  row: HolderKey,
  timeBucket: 'day' | 'month' | 'year' = 'day',
): Pick<AnalysisView, 'overTime' | 'undated' | 'byOutlet'> {
  const r = view.rows.find((x) => x.key === row);
  const counted: StanceUnit[] = [];
  for (const indexes of Object.values(r?.units ?? {}))
    for (const i of indexes) counted.push(view.units[i]!);
  return charts(counted, docs, timeBucket);
}
