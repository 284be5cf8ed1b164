/**
 * The span facts: one derived row per document holding, column by column,
 * what agreement and Analysis read of every span on it (id, annotator,
 * label, extent, quote, holder, holder actor, target, attribution; never
 * the note, times or provenance). IndexedDB's cost of a read is mostly per
 * record (each is its own structured-clone value and backend entry), so the
 * dashboard and Analysis read 10,000 of these rows instead of 100,000 span
 * records. Kept in step by the derived middleware (derived.ts) in the same
 * transaction as every span write; rebuilt from the spans by
 * derived-rebuild.ts. Each row's columns are sorted by span id, so a row
 * kept by the middleware equals one rebuilt from scratch.
 */
import type { AttributionKind, SpanRecord } from '@core/model.ts';

/** What agreement and Analysis read of one span. */
export interface SpanFact {
  id: string;
  docId: string;
  annotatorId: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  holder: string | null;
  holderActorId: string | null;
  target: string | null;
  attribution: AttributionKind | null;
}

/** One document's span facts, as columns (fewer objects to clone than one object per span). */
export interface SpanFactsRecord {
  docId: string;
  id: string[];
  annotatorId: string[];
  label: string[];
  /** Code-point offsets, as in SpanRecord. */
  start: Uint32Array;
  end: Uint32Array;
  quote: string[];
  holder: (string | null)[];
  holderActorId: (string | null)[];
  target: (string | null)[];
  attribution: (AttributionKind | null)[];
}

/** The facts of `s` (absent optional fields become null). */
export function factOf(s: SpanRecord): SpanFact {
  return {
    id: s.id,
    docId: s.docId,
    annotatorId: s.annotatorId,
    label: s.label,
    start: s.start,
    end: s.end,
    quote: s.quote,
    holder: s.holder ?? null,
    holderActorId: s.holderActorId ?? null,
    target: s.target ?? null,
    attribution: s.attribution ?? null,
  };
}

const byId = (a: SpanFact, b: SpanFact): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The row of document `docId` holding `facts` (any order; sorted by id here). */
export function packFacts(docId: string, facts: readonly SpanFact[]): SpanFactsRecord {
  const f = [...facts].sort(byId);
  return {
    docId,
    id: f.map((x) => x.id),
    annotatorId: f.map((x) => x.annotatorId),
    label: f.map((x) => x.label),
    start: Uint32Array.from(f, (x) => x.start),
    end: Uint32Array.from(f, (x) => x.end),
    quote: f.map((x) => x.quote),
    holder: f.map((x) => x.holder),
    holderActorId: f.map((x) => x.holderActorId),
    target: f.map((x) => x.target),
    attribution: f.map((x) => x.attribution),
  };
}

/** The facts of a row, in id order. */
export function unpackFacts(r: SpanFactsRecord): SpanFact[] {
  const out: SpanFact[] = new Array<SpanFact>(r.id.length);
  for (let i = 0; i < r.id.length; i++)
    out[i] = {
      id: r.id[i]!,
      docId: r.docId,
      annotatorId: r.annotatorId[i]!,
      label: r.label[i]!,
      start: r.start[i]!,
      end: r.end[i]!,
      quote: r.quote[i]!,
      holder: r.holder[i] ?? null,
      holderActorId: r.holderActorId[i] ?? null,
      target: r.target[i] ?? null,
      attribution: r.attribution[i] ?? null,
    };
  return out;
}

/**
 * Accumulates the changes of a span write per document: spans that leave
 * (the records a put or delete replaced) and spans that arrive (what was
 * written), applied to the documents' stored rows.
 */
export class FactDeltas {
  private readonly byDoc = new Map<string, { gone: Set<string>; added: Map<string, SpanFact> }>();

  private slot(docId: string): { gone: Set<string>; added: Map<string, SpanFact> } {
    let d = this.byDoc.get(docId);
    if (!d) this.byDoc.set(docId, (d = { gone: new Set(), added: new Map() }));
    return d;
  }

  /** `s` left its document (replaced or deleted). */
  remove(s: Pick<SpanRecord, 'id' | 'docId'>): void {
    const d = this.slot(s.docId);
    d.gone.add(s.id);
    d.added.delete(s.id);
  }

  /** `s` was written. */
  add(s: SpanRecord): void {
    this.slot(s.docId).added.set(s.id, factOf(s));
  }

  /** The documents touched. */
  keys(): string[] {
    return [...this.byDoc.keys()];
  }

  get size(): number {
    return this.byDoc.size;
  }

  /** The rows `existing` (in the order of `keys()`) become; null: delete the row. */
  merged(existing: readonly (SpanFactsRecord | undefined)[]): (SpanFactsRecord | null)[] {
    return [...this.byDoc].map(([docId, d], i) => {
      const e = existing[i];
      const facts = new Map<string, SpanFact>();
      if (e) for (const f of unpackFacts(e)) if (!d.gone.has(f.id)) facts.set(f.id, f);
      for (const [id, f] of d.added) facts.set(id, f);
      return facts.size > 0 ? packFacts(docId, [...facts.values()]) : null;
    });
  }
}
