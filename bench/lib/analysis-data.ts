/**
 * A fixed-seed project for the Analysis benchmark: `actors` actors (names
 * and aliases from the seed vocabulary), short articles with dates over two
 * years and 20 outlets, and about `spans` spans by three annotators. A marks
 * statements (a holder per statement: mostly an actor, drawn so that a few
 * actors hold most stances, some free text, some the outlet's voice); B and
 * C keep most, stretch, relabel or re-attribute some, and add a few, as
 * colleagues do. Pure, so Node and a bench page build the same data.
 */
import type { AnalysisDoc } from '../../src/core/actors/analysis.ts';
import type { ActorRecord, SpanRecord } from '../../src/core/model.ts';
import { OffsetMap } from '../../src/core/offsets.ts';
import { tokenize } from '../../src/core/tokenize.ts';
import { BENCH_LABELS, benchDocId, drawWord, generateArticle, type Vocabulary } from './corpus.ts';
import { mulberry32, type Rng } from './prng.ts';

export interface AnalysisData {
  actors: ActorRecord[];
  docs: (AnalysisDoc & { text: string })[];
  spans: SpanRecord[];
}

const OUTLETS = Array.from({ length: 20 }, (_, i) => `منفذ ${i + 1}`);
const DAY = 86_400_000;
const START = Date.UTC(2020, 0, 1);

/** Builds the project. About 20 spans per document. */
export function analysisData(
  vocab: Vocabulary,
  spans: number,
  actorCount: number,
  seed = 31,
): AnalysisData {
  const rng = mulberry32(seed);
  const actors: ActorRecord[] = Array.from({ length: actorCount }, (_, i) => {
    const name = `${drawWord(vocab, rng)} ${drawWord(vocab, rng)} ${i}`;
    return {
      id: `actor-${i}`,
      nameAr: name,
      nameEn: `Actor ${i}`,
      kind: rng.pick(['person', 'person', 'party-or-faction', 'government', 'state'] as const),
      affiliation: rng.chance(0.5) ? `${drawWord(vocab, rng)} ${i % 40}` : null,
      aliases: [`${drawWord(vocab, rng)} ${i}`, `لقب ${i}`],
      createdAt: 0,
      updatedAt: 0,
    };
  });
  // A few actors hold most stances.
  const drawActor = (): ActorRecord => actors[Math.floor(actorCount * rng.next() ** 2.5)]!;
  const holderOf = (): Pick<SpanRecord, 'holder' | 'holderActorId' | 'attribution'> => {
    const r = rng.next();
    if (r < 0.75) {
      const a = drawActor();
      return { holderActorId: a.id, holder: a.nameAr, attribution: 'direct-quote' };
    }
    if (r < 0.85)
      return { holderActorId: null, holder: drawActor().aliases[1]!, attribution: null };
    if (r < 0.9)
      return { holderActorId: null, holder: `مسؤول ${rng.int(1, 50)}`, attribution: null };
    if (r < 0.95) return { holderActorId: null, holder: null, attribution: 'outlet-voice' };
    return { holderActorId: null, holder: null, attribution: null };
  };

  const docs: AnalysisData['docs'] = [];
  const out: SpanRecord[] = [];
  for (let d = 0; out.length < spans; d++) {
    const text = generateArticle(vocab, rng, 120);
    const tokens = tokenize(text);
    const map = new OffsetMap(text);
    const id = benchDocId(d);
    docs.push({
      id,
      title: `خبر ${d}`,
      date: new Date(START + rng.int(0, 730) * DAY).toISOString().slice(0, 10),
      outlet: rng.pick(OUTLETS),
      text,
    });
    let n = 0;
    const span = (
      annotatorId: string,
      first: number,
      last: number,
      label: string,
      holder: ReturnType<typeof holderOf>,
    ): void => {
      const start = tokens[first]!.start;
      const end = tokens[last]!.end;
      out.push({
        id: `${d}-${annotatorId}-${n++}`,
        docId: id,
        annotatorId,
        label,
        start,
        end,
        quote: map.slice(start, end),
        note: null,
        createdAt: 0,
        updatedAt: 0,
        ...holder,
      });
    };
    for (let k = 0; k < 8; k++) {
      const first = rng.int(0, tokens.length - 2);
      const last = Math.min(tokens.length - 1, first + rng.int(1, 10));
      const label = rng.pick(BENCH_LABELS);
      const holder = holderOf();
      span('A', first, last, label, holder);
      for (const other of ['B', 'C'])
        colleague(rng, other, first, last, label, holder, tokens.length, span, holderOf);
    }
  }
  return { actors, docs, spans: out.slice(0, spans) };
}

/** A colleague's version of one statement. */
function colleague<H>(
  rng: Rng,
  annotatorId: string,
  first: number,
  last: number,
  label: string,
  holder: H,
  tokens: number,
  span: (a: string, f: number, l: number, label: string, h: H) => void,
  otherHolder: () => H,
): void {
  const r = rng.next();
  if (r < 0.55) span(annotatorId, first, last, label, holder);
  else if (r < 0.7)
    span(annotatorId, first, Math.min(tokens - 1, last + rng.int(1, 4)), label, holder);
  else if (r < 0.8) span(annotatorId, first, last, rng.pick(BENCH_LABELS), holder);
  else if (r < 0.88) span(annotatorId, first, last, label, otherHolder());
  if (rng.chance(0.05)) {
    const f = rng.int(0, tokens - 2);
    span(annotatorId, f, f + 1, rng.pick(BENCH_LABELS), otherHolder());
  }
}
