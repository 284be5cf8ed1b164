/**
 * The documents PouchDB's replicator just wrote into the local copy, kept
 * for the puller during a first sync, so that it does not read 110,000
 * documents back out of the copy it has just filled (that read cost as much
 * IndexedDB work as a third of the replication itself).
 *
 * The puller's checkpoint stays the local copy's sequence (pull.ts). Each
 * batch the replicator reports is kept with the copy's sequence after it;
 * the puller takes batches only where they continue its checkpoint exactly
 * and the sequence grew by exactly the batch's size, i.e. nothing else was
 * written to the copy meanwhile (the pusher, a conflict resolution). Any
 * gap, and the puller reads the copy's changes feed as before.
 *
 * A replicated version is applied as it came only when it must be the
 * copy's winning version without conflicts: the copy was empty when the
 * engine started, it is its only version in the batch (a document with
 * conflicting versions on the server arrives with each of them) and the id
 * was not seen before (a version arriving later is read with the one
 * before), and the document is an article (a project's articles are
 * immutable text: only their title, date or outlet can differ) or a
 * colleague's own (their span, status, name or cue phrases: this profile
 * never writes those into the copy). Every other document of a batch
 * (gold, actors, settings, this analyst's own, a second version) is read
 * from the copy with its conflicts.
 */
import { ownerOf, parseTeamDocId } from '@core/team/ids.ts';
import type { RawDoc } from './check.ts';
import type { Pouch } from './pouch.ts';

interface Delivered {
  docs: RawDoc[];
  /** The copy's sequence before and after the batch was written. */
  before: number;
  seq: number;
}

/** Replicated batches taken for the puller: their documents and the sequence they end at. */
export interface Taken {
  /** Documents to apply as they are. */
  ready: RawDoc[];
  /** Ids to read from the local copy (winning version and conflicts). */
  read: string[];
  seq: number;
}

/** A version as the copy stores it (the replicator's copy carries its revision history). */
function bare(doc: RawDoc): RawDoc {
  const {
    _revisions: _r,
    _attachments: _a,
    ...rest
  } = doc as RawDoc & {
    _revisions?: unknown;
    _attachments?: unknown;
  };
  return rest as RawDoc;
}

export class Deliveries {
  private readonly queue: Delivered[] = [];
  private readonly seen = new Set<string>();
  /** The copy's sequence after the last batch kept; null: not in use. */
  private last: number | null = null;
  private accepting = true;
  private chain: Promise<void>;

  /** Starts keeping batches if the local copy is empty. */
  constructor(
    private readonly local: Pouch,
    private readonly self: string,
  ) {
    this.chain = local
      .info()
      .then((i) => {
        if (i.doc_count === 0 && Number(i.update_seq) === 0) this.last = 0;
        else this.accepting = false;
      })
      .catch(() => {
        this.accepting = false;
      });
  }

  /** Whether batches may still be taken (false: read the changes feed). */
  get active(): boolean {
    return this.accepting || this.queue.length > 0;
  }

  /** Keeps a batch the replicator has just written (its 'change' event's docs). */
  add(docs: readonly RawDoc[]): void {
    if (!this.accepting || docs.length === 0) return;
    const batch = docs.map(bare);
    this.chain = this.chain.then(async () => {
      if (!this.accepting || this.last === null) return;
      const seq = Number((await this.local.info()).update_seq);
      this.queue.push({ docs: batch, before: this.last, seq });
      this.last = seq;
    });
    this.chain = this.chain.catch(() => {
      this.close();
    });
  }

  /** No more batches are kept (the replicator caught up or failed); those kept still serve. */
  close(): void {
    this.accepting = false;
    this.last = null;
  }

  /** Resolves when every batch reported so far is queued. */
  settled(): Promise<void> {
    return this.chain;
  }

  /**
   * The batches continuing checkpoint `since`, up to about `max`
   * documents, or null when the next one does not continue it (read the
   * feed). Batches the checkpoint has passed are dropped.
   */
  take(since: number | string, max: number): Taken | null {
    const at = Number(since);
    while (this.queue.length > 0 && this.queue[0]!.seq <= at) this.queue.shift();
    const out: Delivered[] = [];
    let n = 0;
    let end = at;
    for (const d of this.queue) {
      if (d.before !== end || d.seq - d.before !== d.docs.length) break;
      if (out.length > 0 && n + d.docs.length > max) break;
      out.push(d);
      n += d.docs.length;
      end = d.seq;
    }
    if (out.length === 0) {
      this.queue.length = 0;
      if (!this.accepting) this.seen.clear();
      return null;
    }
    this.queue.splice(0, out.length);
    const docs = out.flatMap((d) => d.docs);
    const times = new Map<string, number>();
    for (const d of docs) times.set(d._id, (times.get(d._id) ?? 0) + 1);
    const ready: RawDoc[] = [];
    const read = new Set<string>();
    for (const d of docs) {
      const id = parseTeamDocId(d._id);
      const owner = id && ownerOf(id);
      const asItCame = id?.kind === 'article' || (!!owner && owner !== this.self);
      if (asItCame && times.get(d._id) === 1 && !this.seen.has(d._id)) ready.push(d);
      else read.add(d._id);
    }
    return { ready, read: [...read], seq: end };
  }

  /** Notes ids applied while batches are taken (a later version of one is read, not taken). */
  note(ids: readonly string[]): void {
    if (!this.active) return this.seen.clear();
    for (const id of ids) this.seen.add(id);
  }
}
