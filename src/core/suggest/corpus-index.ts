/**
 * The corpus index of the occurrence matcher: "label all N occurrences"
 * finds a phrase in every document at once. Built once (documents can be
 * added and removed), it keeps per document only typed arrays (each word's
 * form id, extent and clause-break flag) and, per distinct word form, a
 * posting list of (document, word) pairs, chained through three corpus-wide
 * Int32Arrays (no allocation per form or per word). A query looks up the phrase word
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

/** A growable Int32Array. */
class IntList {
  a = new Int32Array(1024);
  length = 0;
  push(x: number): number {
    if (this.length === this.a.length) {
      const grown = new Int32Array(this.a.length * 2);
      grown.set(this.a);
      this.a = grown;
    }
    this.a[this.length] = x;
    return this.length++;
  }
}

/** An inverted index of word forms over a corpus, for phrase search. */
export class CorpusIndex {
  private docs: (IndexedDoc | null)[] = [];
  private readonly docIndex = new Map<string, number>();
  private readonly formIdOf = new Map<string, number>();
  private readonly formBare: string[] = [];
  /** Occurrences of each form in the live documents. */
  private formCount = new IntList();
  /** Postings: entry e is word pWord[e] of document pDoc[e]; pNext[e] is the form's next entry (−1: none). */
  private pDoc = new IntList();
  private pWord = new IntList();
  private pNext = new IntList();
  private formHead = new IntList();
  private formTail = new IntList();
  private formPostings = new IntList();
  private dead = 0;
  private lex: MapLexicon | null = null;
  private stemsDirty = true;
  private stemIdOfForm = new Int32Array(0);
  private readonly stemIds = new Map<string, number>();
  private formsOfStem: number[][] = [];
  private changes = 0;

  /** Grows whenever a document is added or removed (stems, and phrase keys, may change with it). */
  get version(): number {
    return this.changes;
  }

  /** Folded word forms of the live documents, with counts (see stems.ts); rebuilt after changes. */
  get lexicon(): MapLexicon {
    if (!this.lex) {
      const lex = new MapLexicon();
      for (let f = 0; f < this.formBare.length; f++) {
        const n = this.formCount.a[f]!;
        if (n > 0) lex.add(foldLetters(this.formBare[f]!), n);
      }
      this.lex = lex;
    }
    return this.lex;
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
    const counts = this.formCount;
    for (let w = 0; w < words.length; w++) {
      const bare = words.bare[w]!;
      let f = this.formIdOf.get(bare);
      if (f === undefined) {
        f = this.formBare.length;
        this.formIdOf.set(bare, f);
        this.formBare.push(bare);
        counts.push(0);
        this.formHead.push(-1);
        this.formTail.push(-1);
        this.formPostings.push(0);
      }
      formIds[w] = f;
      counts.a[f]!++;
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
    this.changed();
  }

  /** Removes a document; its postings are dropped when enough have died. */
  remove(id: string): void {
    const d = this.docIndex.get(id);
    if (d === undefined) return;
    const doc = this.docs[d]!;
    for (const f of doc.formIds) this.formCount.a[f]!--;
    this.docs[d] = null;
    this.docIndex.delete(id);
    this.dead++;
    this.changed();
    if (this.dead > 64 && this.dead > this.docIndex.size) this.compact();
  }

  private changed(): void {
    this.lex = null;
    this.stemsDirty = true;
    this.changes++;
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
      for (const f of this.formsOfStem[sid]!) cost += this.formPostings.a[f]!;
      if (cost < pivotCost) {
        pivotCost = cost;
        pivot = q;
      }
    }
    const found: number[] = [];
    const stemOfForm = this.stemIdOfForm;
    const pDoc = this.pDoc.a;
    const pWord = this.pWord.a;
    const pNext = this.pNext.a;
    for (const f of this.formsOfStem[sids[pivot]!]!) {
      for (let e = this.formHead.a[f]!; e >= 0; e = pNext[e]!) {
        const doc = this.docs[pDoc[e]!];
        if (!doc || (options.docIds && !options.docIds.has(doc.id))) continue;
        const first = pWord[e]! - pivot;
        if (first < 0 || first + n > doc.formIds.length) continue;
        let ok = true;
        for (let q = 0; q < n && ok; q++) {
          if (stemOfForm[doc.formIds[first + q]!] !== sids[q]) ok = false;
          else if (q > 0 && (doc.hardBefore[first + q] === 1) !== p.hardBefore[q]) ok = false;
        }
        if (ok) found.push(pDoc[e]!, first);
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
    const e = this.pDoc.push(d);
    this.pWord.push(w);
    this.pNext.push(-1);
    const tail = this.formTail.a[f]!;
    if (tail < 0) this.formHead.a[f] = e;
    else this.pNext.a[tail] = e;
    this.formTail.a[f] = e;
    this.formPostings.a[f]!++;
  }

  /** Recomputes every form's stem after the lexicon changed. */
  private ensureStems(): void {
    if (!this.stemsDirty) return;
    const lexicon = this.lexicon;
    const forms = this.formBare.length;
    this.stemIdOfForm = new Int32Array(forms);
    this.formsOfStem = [];
    this.stemIds.clear();
    for (let f = 0; f < forms; f++) {
      const stem = stemOf(this.formBare[f]!, lexicon).stem;
      let sid = this.stemIds.get(stem);
      if (sid === undefined) {
        sid = this.formsOfStem.length;
        this.stemIds.set(stem, sid);
        this.formsOfStem.push([]);
      }
      this.stemIdOfForm[f] = sid;
      if (this.formPostings.a[f]! > 0) this.formsOfStem[sid]!.push(f);
    }
    this.stemsDirty = false;
  }

  /** Drops removed documents for good: renumbers documents and rebuilds the postings. */
  private compact(): void {
    const live = this.docs.filter((d): d is IndexedDoc => d !== null);
    this.docs = live;
    this.docIndex.clear();
    const forms = this.formBare.length;
    this.pDoc = new IntList();
    this.pWord = new IntList();
    this.pNext = new IntList();
    for (const l of [this.formHead, this.formTail, this.formPostings]) l.a.fill(0, 0, forms);
    this.formHead.a.fill(-1, 0, forms);
    this.formTail.a.fill(-1, 0, forms);
    live.forEach((doc, d) => {
      this.docIndex.set(doc.id, d);
      for (let w = 0; w < doc.formIds.length; w++) this.post(doc.formIds[w]!, d, w);
    });
    this.dead = 0;
    this.changed();
  }
}
