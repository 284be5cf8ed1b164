/**
 * The analyst's overview: who holds which stance, with counts, evidence,
 * stance over time (article date) and by outlet, filtered by annotator (or
 * gold), outlet and date range. The Analysis view and `stance actors` both
 * show what `computeAnalysis` returns.
 *
 * Counting (docs/actors.md): spans of one document with the same holder
 * that overlap, whoever made them, form one *unit* (a statement), counted
 * once. A unit whose spans carry several labels is counted once, under
 * "several labels". Units of different holders that overlap, made by
 * annotators none of whom made both, are a holder disagreement: the group
 * counts once, for the holder most annotators chose, or in the "holder
 * disputed" row on a tie. So no span is ever counted twice.
 */
import type { ActorKind, ActorRecord, AttributionKind, SpanRecord } from '../model.ts';
import { GOLD_ANNOTATOR_ID } from '../model.ts';
import { actorIdOf, holderKey, NO_HOLDER, type HolderKey } from './holder.ts';
import { ActorIndex, displayName } from './model.ts';

/** A span as analysis reads it. */
export type AnalysisSpan = Pick<
  SpanRecord,
  'id' | 'docId' | 'annotatorId' | 'label' | 'start' | 'end' | 'quote' | 'holder'
> &
  Partial<Pick<SpanRecord, 'holderActorId' | 'target' | 'attribution'>>;

/** A document as analysis reads it (the document list's fields). */
export interface AnalysisDoc {
  id: string;
  title: string;
  /** ISO date (YYYY-MM-DD…) or null. */
  date: string | null;
  outlet: string | null;
}

/** Which spans count. Null or absent: no restriction. */
export interface AnalysisFilter {
  /** Annotators whose spans count; default every annotator but gold. `['gold']`: gold only. */
  annotators?: readonly string[] | null;
  /** Outlets whose articles count (null in the list: articles with no outlet). */
  outlets?: readonly (string | null)[] | null;
  /** First and last article date (YYYY-MM-DD, inclusive); undated articles are left out when set. */
  from?: string | null;
  to?: string | null;
  /** Labels that count. */
  labels?: readonly string[] | null;
}

/** How to lay out the view. */
export interface AnalysisOptions {
  /** Column order; labels found but not listed follow, sorted. */
  labels?: readonly string[];
  /** Time buckets of the date chart: a day, a month (YYYY-MM) or a year. Default day. */
  timeBucket?: 'day' | 'month' | 'year';
}

/** The column of units whose spans carry several labels. */
export const SEVERAL_LABELS = '(several labels)';
/** The row of units annotators attribute to different holders, with no majority. */
export const DISPUTED_HOLDER: HolderKey = 'disputed';

/** A span behind a count, for the evidence list. */
export interface EvidenceSpan {
  spanId: string;
  docId: string;
  annotatorId: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  holder: HolderKey;
  target: string | null;
  attribution: AttributionKind | null;
}

/** One statement: overlapping spans of one holder in one document. */
export interface StanceUnit {
  /** Index in `AnalysisView.units`. */
  index: number;
  docId: string;
  /** The union of its spans (code points). */
  start: number;
  end: number;
  holder: HolderKey;
  /** The label all its spans carry, or null when they carry several (see `labels`). */
  label: string | null;
  labels: string[];
  annotators: string[];
  spans: EvidenceSpan[];
  /**
   * `label`: its annotators gave it different labels; `holder`: annotators
   * who did not make it attribute overlapping text to another holder.
   */
  disagreements: ('label' | 'holder')[];
  /** The other holders, when there is a holder disagreement. */
  otherHolders: HolderKey[];
  /** The cell it is counted in, or null when another unit of its holder disagreement is. */
  countedIn: { row: HolderKey; column: string } | null;
}

/** Who a row is. */
export interface HolderInfo {
  kind: 'actor' | 'text' | 'outlet' | 'none' | 'disputed';
  actorId: string | null;
  /** Arabic name (or the free text, the outlet, a description). */
  name: string;
  nameEn: string;
  actorKind: ActorKind | null;
  affiliation: string | null;
}

/** One row of the actors × labels table. */
export interface ActorRow {
  key: HolderKey;
  holder: HolderInfo;
  /** Column (label or SEVERAL_LABELS) → count. */
  counts: Record<string, number>;
  /** Column → indexes of the units counted there (the evidence). */
  units: Record<string, number[]>;
  total: number;
}

/** Counts per column, for a chart bar or a totals line. */
export interface Counts {
  counts: Record<string, number>;
  total: number;
}

/** Everything the Analysis view shows. */
export interface AnalysisView {
  /** The annotators whose spans counted. */
  annotators: string[];
  /** Label columns, then SEVERAL_LABELS when some unit has several. */
  columns: string[];
  /**
   * Sorted by total, largest first, then actors before free-text holders
   * before outlets, then by name; the no-holder and disputed rows last.
   */
  rows: ActorRow[];
  units: StanceUnit[];
  totals: Counts;
  /** Per date bucket, in date order. */
  overTime: (Counts & { bucket: string })[];
  /** Units from undated articles (not in `overTime`). */
  undated: Counts;
  /** Per outlet, largest first (null: no outlet). */
  byOutlet: (Counts & { outlet: string | null })[];
  /** Units with each kind of disagreement. */
  disagreements: { label: number; holder: number };
  /** Documents with at least one counted span; spans that passed the filter. */
  documents: number;
  spans: number;
}

const DATE = /^\d{4}-\d{2}-\d{2}/u;

/** The holder key analysis uses: an unattributed span in the outlet's voice is the outlet's. */
function analysisHolder(
  s: AnalysisSpan,
  doc: AnalysisDoc | undefined,
  actors: ActorIndex,
  cache: Map<string, HolderKey>,
): HolderKey {
  let key: HolderKey;
  if (s.holderActorId) key = `actor:${s.holderActorId}`;
  else {
    const text = s.holder ?? '';
    const cached = cache.get(text);
    if (cached === undefined) {
      key = holderKey({ holder: s.holder }, actors);
      cache.set(text, key);
    } else key = cached;
  }
  if (key === NO_HOLDER && s.attribution === 'outlet-voice') return `outlet:${doc?.outlet ?? ''}`;
  return key;
}

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

class UnionFind {
  private readonly parent: Int32Array;
  constructor(n: number) {
    this.parent = new Int32Array(n);
    for (let i = 0; i < n; i++) this.parent[i] = i;
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]!]!;
      i = this.parent[i]!;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/** Indexes of `items` linked when they overlap (and `link` allows), grouped. */
function overlapGroups<T extends { start: number; end: number }>(
  items: readonly T[],
  link: (a: T, b: T) => boolean,
): number[][] {
  const order = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start);
  const uf = new UnionFind(items.length);
  const active: number[] = [];
  for (const i of order) {
    const it = items[i]!;
    let w = 0;
    for (const j of active) if (items[j]!.end > it.start) active[w++] = j;
    active.length = w;
    for (const j of active) if (link(items[j]!, it)) uf.union(i, j);
    active.push(i);
  }
  const groups = new Map<number, number[]>();
  for (const i of order) {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  }
  return [...groups.values()];
}

function addCount(c: Counts, column: string): void {
  c.counts[column] = (c.counts[column] ?? 0) + 1;
  c.total++;
}

function emptyCounts(): Counts {
  return { counts: {}, total: 0 };
}

function sortStrings(xs: Iterable<string>): string[] {
  return [...xs].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

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
  const holderCache = new Map<string, HolderKey>();
  const docOk = new Map<string, boolean>();

  // 1. Filter, key by holder, deduplicate exact copies, group by document.
  type Item = EvidenceSpan;
  const byDoc = new Map<string, Item[]>();
  const seen = new Set<string>();
  const textNames = new Map<HolderKey, string>();
  const annotators = new Set<string>();
  let spanCount = 0;
  for (const s of spans) {
    if (annotatorSet ? !annotatorSet.has(s.annotatorId) : s.annotatorId === GOLD_ANNOTATOR_ID)
      continue;
    if (labelSet && !labelSet.has(s.label)) continue;
    let ok = docOk.get(s.docId);
    if (ok === undefined) docOk.set(s.docId, (ok = docPasses(docs.get(s.docId), filter)));
    if (!ok) continue;
    const holder = analysisHolder(s, docs.get(s.docId), index, holderCache);
    const dedupe = `${s.docId}\u0000${s.annotatorId}\u0000${s.start}\u0000${s.end}\u0000${s.label}\u0000${holder}`;
    if (seen.has(dedupe)) continue;
    seen.add(dedupe);
    spanCount++;
    annotators.add(s.annotatorId);
    if (s.holder && !textNames.has(holder)) textNames.set(holder, s.holder);
    const item: Item = {
      spanId: s.id,
      docId: s.docId,
      annotatorId: s.annotatorId,
      label: s.label,
      start: s.start,
      end: s.end,
      quote: s.quote,
      holder,
      target: s.target ?? null,
      attribution: s.attribution ?? null,
    };
    const list = byDoc.get(s.docId);
    if (list) list.push(item);
    else byDoc.set(s.docId, [item]);
  }

  // 2. Units: overlapping spans of one holder; 3. holder disagreements between units.
  const units: StanceUnit[] = [];
  const usedLabels = new Set<string>();
  const docIds = sortStrings(byDoc.keys());
  for (const docId of docIds) {
    const items = byDoc.get(docId)!;
    const groups = overlapGroups(items, (a, b) => a.holder === b.holder);
    const docUnits: StanceUnit[] = groups.map((g) => {
      const spansOf = g
        .map((i) => items[i]!)
        .sort(
          (a, b) =>
            a.start - b.start ||
            a.end - b.end ||
            (a.annotatorId < b.annotatorId ? -1 : a.annotatorId > b.annotatorId ? 1 : 0),
        );
      const labels = sortStrings(new Set(spansOf.map((s) => s.label)));
      for (const l of labels) usedLabels.add(l);
      const byAnnotator = new Map<string, Set<string>>();
      for (const s of spansOf) {
        const set = byAnnotator.get(s.annotatorId) ?? new Set<string>();
        set.add(s.label);
        byAnnotator.set(s.annotatorId, set);
      }
      const labelSets = [...byAnnotator.values()].map((x) => sortStrings(x).join('\u0000'));
      return {
        index: -1,
        docId,
        start: Math.min(...spansOf.map((s) => s.start)),
        end: Math.max(...spansOf.map((s) => s.end)),
        holder: spansOf[0]!.holder,
        label: labels.length === 1 ? labels[0]! : null,
        labels,
        annotators: sortStrings(byAnnotator.keys()),
        spans: spansOf,
        disagreements: labelSets.some((x) => x !== labelSets[0]) ? ['label'] : [],
        otherHolders: [],
        countedIn: null,
      };
    });
    const conflicts = overlapGroups(
      docUnits,
      (a, b) => a.holder !== b.holder && !a.annotators.some((x) => b.annotators.includes(x)),
    );
    for (const g of conflicts) {
      const group = g.map((i) => docUnits[i]!).sort((a, b) => a.start - b.start || a.end - b.end);
      const column = (u: StanceUnit): string => u.label ?? SEVERAL_LABELS;
      if (group.length === 1) {
        const u = group[0]!;
        u.countedIn = { row: u.holder, column: column(u) };
        continue;
      }
      const holders = sortStrings(new Set(group.map((u) => u.holder)));
      // Annotators per holder (a holder may have several units in the group).
      const votes = new Map<HolderKey, Set<string>>();
      for (const u of group) {
        const v = votes.get(u.holder) ?? new Set<string>();
        for (const a of u.annotators) v.add(a);
        votes.set(u.holder, v);
      }
      const ranked = [...votes.entries()].sort((a, b) => b[1].size - a[1].size);
      const winner = ranked[0]![1].size > ranked[1]![1].size ? ranked[0]![0] : null;
      for (const u of group) {
        u.disagreements.push('holder');
        u.otherHolders = holders.filter((h) => h !== u.holder);
      }
      if (winner !== null) {
        const u = group.find((x) => x.holder === winner)!;
        u.countedIn = { row: winner, column: column(u) };
      } else {
        const labels = new Set(group.flatMap((u) => u.labels));
        const only = labels.size === 1 ? [...labels][0]! : SEVERAL_LABELS;
        group[0]!.countedIn = { row: DISPUTED_HOLDER, column: only };
      }
    }
    for (const u of docUnits.sort((a, b) => a.start - b.start || a.end - b.end)) {
      u.index = units.length;
      units.push(u);
    }
  }

  // 4. The table, the charts and the totals, from the counted units.
  const preferred = [...new Set(options.labels ?? [])];
  const labels = [...preferred, ...sortStrings(usedLabels).filter((l) => !preferred.includes(l))];
  const rows = new Map<HolderKey, ActorRow>();
  const totals = emptyCounts();
  let several = false;
  const counted: [string, StanceUnit][] = [];
  for (const u of units) {
    if (!u.countedIn) continue;
    const { row: key, column } = u.countedIn;
    if (column === SEVERAL_LABELS) several = true;
    let row = rows.get(key);
    if (!row) {
      row = {
        key,
        holder: holderInfo(key, index, textNames.get(key)),
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
    counted.push([column, u]);
  }
  const last = (k: HolderKey): number => (k === NO_HOLDER ? 1 : k === DISPUTED_HOLDER ? 2 : 0);
  const KIND_ORDER = { actor: 0, text: 1, outlet: 2, none: 3, disputed: 4 };
  const sortedRows = [...rows.values()].sort(
    (a, b) =>
      last(a.key) - last(b.key) ||
      b.total - a.total ||
      KIND_ORDER[a.holder.kind] - KIND_ORDER[b.holder.kind] ||
      (a.holder.name < b.holder.name ? -1 : a.holder.name > b.holder.name ? 1 : 0) ||
      (a.key < b.key ? -1 : 1),
  );
  return {
    annotators: sortStrings(annotators),
    columns: several ? [...labels, SEVERAL_LABELS] : labels,
    rows: sortedRows,
    units,
    totals,
    ...charts(counted, docs, options.timeBucket),
    disagreements: {
      label: units.filter((u) => u.disagreements.includes('label')).length,
      holder: units.filter((u) => u.disagreements.includes('holder')).length,
    },
    documents: new Set(counted.map(([, u]) => u.docId)).size,
    spans: spanCount,
  };
}

/** The date and outlet charts of counted units (column, unit). */
function charts(
  counted: Iterable<readonly [string, StanceUnit]>,
  docs: ReadonlyMap<string, AnalysisDoc>,
  timeBucket: 'day' | 'month' | 'year' = 'day',
): Pick<AnalysisView, 'overTime' | 'undated' | 'byOutlet'> {
  const overTime = new Map<string, Counts & { bucket: string }>();
  const undated = emptyCounts();
  const byOutlet = new Map<string | null, Counts & { outlet: string | null }>();
  const len = { day: 10, month: 7, year: 4 }[timeBucket];
  for (const [column, u] of counted) {
    const doc = docs.get(u.docId);
    const date = doc?.date && DATE.test(doc.date) ? doc.date.slice(0, len) : null;
    if (date === null) addCount(undated, column);
    else {
      let b = overTime.get(date);
      if (!b) overTime.set(date, (b = { bucket: date, ...emptyCounts() }));
      addCount(b, column);
    }
    const outlet = doc?.outlet ?? null;
    let o = byOutlet.get(outlet);
    if (!o) byOutlet.set(outlet, (o = { outlet, ...emptyCounts() }));
    addCount(o, column);
  }
  // Outlets by size, then name; articles with no outlet last.
  const name = (o: string | null): string => (o === null ? '\uffff' : o);
  return {
    overTime: [...overTime.values()].sort((a, b) => (a.bucket < b.bucket ? -1 : 1)),
    undated,
    byOutlet: [...byOutlet.values()].sort(
      (a, b) =>
        b.total - a.total ||
        (name(a.outlet) < name(b.outlet) ? -1 : name(a.outlet) > name(b.outlet) ? 1 : 0),
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
  const counted: [string, StanceUnit][] = [];
  for (const [column, indexes] of Object.entries(r?.units ?? {}))
    for (const i of indexes) counted.push([column, view.units[i]!]);
  return charts(counted, docs, timeBucket);
}
