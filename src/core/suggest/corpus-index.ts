/**
 * The corpus index of the occurrence matcher: "label all N occurrences"
 * finds a phrase in every document at once. Built once (documents can be
 * added and removed), it keeps per document only typed arrays (each word's
 * form id, extent and clause-break flag) and, per distinct word form, a
 * posting list of (document, word) pairs. A query looks up the phrase word
 * whose stem is rarest and checks the other words around each of its
 * postings, so its cost grows with that word's occurrences, not with the
 * size of the corpus. Stems depend on the lexicon (stems.ts), so they are
 * recomputed for every distinct form, lazily, after documents change.
 */
import { OffsetMap } from '../offsets.ts';
import { foldLetters, scanWords } from './normalize.ts';
import { phraseOf, type Phrase } from './phrase.ts';
import { MapLexicon, stemOf } from './stems.ts';

/** One occurrence of a phrase: code points as written, `end` exclusive. */
export interface Occurrence {
  docId: string;
  start: number;
  end: number;
  /** `text[start:end]` (Python slicing, code points). */
  quote: string;
}

/** Options of `CorpusIndex.find`. */
export interface FindOptions {
  /** Only these documents (default: all). */
  docIds?: ReadonlySet<string>;
  /** At most this many occurrences (default: all). */
  limit?: number;
}

interface IndexedDoc {
  id: string;
  text: string;
  formIds: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  hardBefore: Uint8Array;
}

/** An inverted index of word forms over a corpus, for phrase search. */
export class CorpusIndex {
  /** Folded word forms of the live documents, with counts (see stems.ts). */
  readonly lexicon = new MapLexicon();
  private docs: (IndexedDoc | null)[] = [];
  private readonly docIndex = new Map<string, number>();
  private readonly formIdOf = new Map<string, number>();
  private readonly formBare: string[] = [];
  private readonly formFolded: string[] = [];
  private postings: Int32Array[] = [];
  private postingLen: number[] = [];
  private dead = 0;
  private stemsDirty = true;
  private stemIdOfForm = new Int32Array(0);
  private readonly stemIds = new Map<string, number>();
  private formsOfStem: number[][] = [];
  private changes = 0;

  /** Grows whenever a document is added or removed (stems, and phrase keys, may change with it). */
  get version(): number {
    return this.changes;
  }

  /** Number of documents indexed. */
  get size(): number {
    return this.docIndex.size;
  }

  /** True when document `id` is indexed. */
  has(id: string): boolean {
    return this.docIndex.has(id);
  }

  /** The text of an indexed document. */
  text(id: string): string | undefined {
    const i = this.docIndex.get(id);
    return i === undefined ? undefined : this.docs[i]!.text;
  }

  /** Adds (or replaces) a document. */
  add(id: string, text: string): void {
    if (this.docIndex.has(id)) this.remove(id);
    const words = scanWords(text);
    const d = this.docs.length;
    const formIds = new Int32Array(words.length);
    for (let w = 0; w < words.length; w++) {
      const bare = words.bare[w]!;
      let f = this.formIdOf.get(bare);
      if (f === undefined) {
        f = this.formBare.length;
        this.formIdOf.set(bare, f);
        this.formBare.push(bare);
        this.formFolded.push(foldLetters(bare));
        this.postings.push(new Int32Array(4));
        this.postingLen.push(0);
      }
      formIds[w] = f;
      this.lexicon.add(this.formFolded[f]!);
      this.post(f, d, w);
    }
    this.docs.push({
      id,
      text,
      formIds,
      starts: words.starts,
      ends: words.ends,
      hardBefore: words.hardBefore,
    });
    this.docIndex.set(id, d);
    this.stemsDirty = true;
    this.changes++;
  }

  /** Removes a document; its postings are dropped when enough have died. */
  remove(id: string): void {
    const d = this.docIndex.get(id);
    if (d === undefined) return;
    const doc = this.docs[d]!;
    for (const f of doc.formIds) this.lexicon.add(this.formFolded[f]!, -1);
    this.docs[d] = null;
    this.docIndex.delete(id);
    this.dead++;
    this.stemsDirty = true;
    this.changes++;
    if (this.dead > 64 && this.dead > this.docIndex.size) this.compact();
  }

  /** The phrase of `text` under this corpus's lexicon. */
  phrase(text: string): Phrase | null {
    return phraseOf(text, this.lexicon);
  }

  /**
   * Every occurrence of a phrase (a text, or a Phrase made with `phrase`),
   * in the order the documents were added, then by offset.
   */
  find(phrase: string | Phrase, options: FindOptions = {}): Occurrence[] {
    const p = typeof phrase === 'string' ? this.phrase(phrase) : phrase;
    if (!p) return [];
    this.ensureStems();
    const n = p.stems.length;
    const sids = new Int32Array(n);
    let pivot = 0;
    let pivotCost = Infinity;
    for (let q = 0; q < n; q++) {
      const sid = this.stemIds.get(p.stems[q]!);
      if (sid === undefined) return [];
      sids[q] = sid;
      let cost = 0;
      for (const f of this.formsOfStem[sid]!) cost += this.postingLen[f]!;
      if (cost < pivotCost) {
        pivotCost = cost;
        pivot = q;
      }
    }
    const found: number[] = [];
    const stemOfForm = this.stemIdOfForm;
    for (const f of this.formsOfStem[sids[pivot]!]!) {
      const list = this.postings[f]!;
      const len = this.postingLen[f]!;
      for (let k = 0; k < len; k += 2) {
        const doc = this.docs[list[k]!];
        if (!doc || (options.docIds && !options.docIds.has(doc.id))) continue;
        const first = list[k + 1]! - pivot;
        if (first < 0 || first + n > doc.formIds.length) continue;
        let ok = true;
        for (let q = 0; q < n && ok; q++) {
          if (stemOfForm[doc.formIds[first + q]!] !== sids[q]) ok = false;
          else if (q > 0 && (doc.hardBefore[first + q] === 1) !== p.hardBefore[q]) ok = false;
        }
        if (ok) found.push(list[k]!, first);
      }
    }
    const order = Array.from({ length: found.length / 2 }, (_, i) => i);
    order.sort((a, b) => found[2 * a]! - found[2 * b]! || found[2 * a + 1]! - found[2 * b + 1]!);
    const limit = options.limit ?? Infinity;
    const out: Occurrence[] = [];
    let map = new OffsetMap('');
    for (const i of order) {
      if (out.length >= limit) break;
      const doc = this.docs[found[2 * i]!]!;
      const first = found[2 * i + 1]!;
      if (map.text !== doc.text) map = new OffsetMap(doc.text);
      const start = doc.starts[first]!;
      const end = doc.ends[first + n - 1]!;
      out.push({ docId: doc.id, start, end, quote: map.slice(start, end) });
    }
    return out;
  }

  private post(f: number, d: number, w: number): void {
    let list = this.postings[f]!;
    const len = this.postingLen[f]!;
    if (len + 2 > list.length) {
      const grown = new Int32Array(list.length * 2);
      grown.set(list);
      this.postings[f] = list = grown;
    }
    list[len] = d;
    list[len + 1] = w;
    this.postingLen[f] = len + 2;
  }

  /** Recomputes every form's stem after the lexicon changed. */
  private ensureStems(): void {
    if (!this.stemsDirty) return;
    const forms = this.formBare.length;
    this.stemIdOfForm = new Int32Array(forms);
    this.formsOfStem = [];
    this.stemIds.clear();
    for (let f = 0; f < forms; f++) {
      const stem = stemOf(this.formBare[f]!, this.lexicon).stem;
      let sid = this.stemIds.get(stem);
      if (sid === undefined) {
        sid = this.formsOfStem.length;
        this.stemIds.set(stem, sid);
        this.formsOfStem.push([]);
      }
      this.stemIdOfForm[f] = sid;
      if (this.postingLen[f]! > 0) this.formsOfStem[sid]!.push(f);
    }
    this.stemsDirty = false;
  }

  /** Drops removed documents for good: renumbers documents and rebuilds postings. */
  private compact(): void {
    const live = this.docs.filter((d): d is IndexedDoc => d !== null);
    this.docs = live;
    this.docIndex.clear();
    this.postings = this.postings.map(() => new Int32Array(4));
    this.postingLen = this.postingLen.map(() => 0);
    live.forEach((doc, d) => {
      this.docIndex.set(doc.id, d);
      for (let w = 0; w < doc.formIds.length; w++) this.post(doc.formIds[w]!, d, w);
    });
    this.dead = 0;
    this.stemsDirty = true;
  }
}
