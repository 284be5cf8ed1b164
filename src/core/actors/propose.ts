/**
 * Proposes who holds a span's stance and how the text voices it, from the
 * text alone: the actors named near the span (names and aliases, folded),
 * the Arabic reporting cue that governs the span (قال، أضاف، أكد، وفق…) and
 * its speaker, and quotation marks. Returns ranked proposals, each with the
 * reasons an analyst can check; the first is what one key confirms. The
 * rules are in docs/actors.md.
 */
import type { ActorRecord, AttributionKind } from '../model.ts';
import { displayName } from './model.ts';
import { isOpener } from './reporting.ts';
import { scanText, type Cue, type Mention, type ScannedText } from './text-scan.ts';

/** A proposed holder. */
export interface HolderProposal {
  actorId: string;
  /** Higher is better; only the order means something. */
  score: number;
  /** Where the text names the actor (code points) and with which name. */
  mention: { start: number; end: number; alias: string };
  /**
   * `speaker`: the actor is who the reporting cue governing the span names
   * (a confident proposal); `proximity`: only named near the span.
   */
  basis: 'speaker' | 'proximity';
  /** Why, in words (English, Arabic words quoted). */
  reasons: string[];
}

/** A proposed attribution kind. */
export interface AttributionProposal {
  kind: AttributionKind;
  score: number;
  reasons: string[];
}

/** Everything proposed for one span. */
export interface SpanProposal {
  /** Best first; empty when no actor is named near the span. */
  holders: HolderProposal[];
  /** All three kinds, best first. */
  attribution: AttributionProposal[];
  /**
   * The words naming the speaker of the governing cue when they name no
   * known actor (قال المتحدث باسم البنتاغون جون كيربي → "المتحدث باسم
   * البنتاغون جون كيربي"): offered as a new actor. Null otherwise.
   */
  unknownSpeaker: { text: string; start: number; end: number } | null;
}

/** A cue as proposals use it: a reporting word, or a name followed by a colon. */
interface Governor {
  /** Word index of the cue (the name's last word for `name-colon`). */
  at: number;
  kind: Cue['kind'] | 'name-colon';
  /** The cue as written in the text. */
  written: string;
  /** For `name-colon`: the mention. */
  mention?: Mention;
}

interface Subject {
  mention: Mention;
  /** Other mentions in the speaker's words (e.g. their party). */
  others: Mention[];
  /** Set when the speaker was carried over from an earlier cue. */
  carriedFrom: Governor | null;
  /** Last word index of the speaker's words (the name, or the subject phrase). */
  endsAt: number;
}

const SUBJECT_AFTER = { verb: 14, according: 8 } as const;
const SUBJECT_BEFORE = { verb: 6, 'said-noun': 6, participle: 3 } as const;
/** How far back (in words) a cue without a speaker looks for the previous one. */
const CARRY_WORDS = 150;

/** Proposes a holder and an attribution for the span [start, end) of `text`. */
export function proposeAttribution(
  text: string,
  span: { start: number; end: number },
  actors: readonly ActorRecord[],
): SpanProposal {
  return proposeFromScan(scanText(text, actors), span);
}

/**
 * As proposeAttribution, over a text scanned once with `scanText(text,
 * actors)`: the way to propose for many spans of one document.
 */
export function proposeFromScan(
  scan: ScannedText,
  span: { start: number; end: number },
): SpanProposal {
  const { words } = scan;
  const sf = words.findIndex((w) => w.end > span.start);
  let sl = sf;
  if (sf >= 0) while (sl + 1 < words.length && words[sl + 1]!.start < span.end) sl++;
  if (sf < 0 || words[sf]!.start >= span.end)
    return { holders: [], attribution: rankAttribution(0, null, null), unknownSpeaker: null };

  const gov = governingCue(scan, sf, sl);
  const subject = gov ? subjectOf(scan, gov, sf, 0) : null;
  const govBefore = gov !== null && gov.at < sf;

  // Score every mention; keep each actor's best.
  const best = new Map<string, HolderProposal>();
  for (const m of scan.mentions) {
    const reasons: string[] = [];
    let score = proximity(scan, m, sf, sl, reasons);
    const inside = m.first >= sf && m.last <= sl;
    const speaker = subject !== null && sameMention(subject.mention, m);
    if (speaker) {
      if (subject.carriedFrom) {
        score += 5;
        reasons.unshift(
          `“${gov!.written}” names no speaker: it continues “${subject.carriedFrom.written}”, whose speaker is “${subject.mention.alias}”`,
        );
      } else {
        score += 6;
        reasons.unshift(speakerReason(gov!, m));
      }
    } else if (subject?.others.some((o) => sameMention(o, m))) {
      score += 1.5;
      reasons.push(`named with the speaker of “${gov!.written}”`);
    } else if (
      govBefore &&
      m.first > (subject?.endsAt ?? gov.at) &&
      m.last < sf &&
      words[m.first]!.sentence >= words[gov.at]!.sentence
    ) {
      score -= 3;
      reasons.push(
        `named in what ${subject ? `“${subject.mention.alias}”` : 'the speaker'} says (after “${gov.written}”): likely what the stance is about`,
      );
    } else if (inside) {
      score -= 1;
      reasons.push('named inside the span: likely what the stance is about');
    }
    if (score <= 0) continue;
    const prev = best.get(m.actorId);
    if (!prev || score > prev.score)
      best.set(m.actorId, {
        actorId: m.actorId,
        score,
        mention: { start: m.start, end: m.end, alias: m.alias },
        basis: speaker ? 'speaker' : 'proximity',
        reasons,
      });
  }
  const holders = [...best.values()].sort(
    (a, b) =>
      b.score - a.score ||
      Math.abs(a.mention.end - span.start) - Math.abs(b.mention.end - span.start),
  );
  for (const h of holders) {
    const same = holders.filter(
      (o) => o !== h && o.mention.start === h.mention.start && o.mention.end === h.mention.end,
    );
    for (const o of same) {
      const other = scan.actors.get(o.actorId);
      if (other) h.reasons.push(`“${h.mention.alias}” also names ${displayName(other)}`);
    }
  }

  const quoted = quotedShare(scan, sf, sl);
  let unknownSpeaker: SpanProposal['unknownSpeaker'] = null;
  if (gov && !subject) unknownSpeaker = speakerWords(scan, gov, sf);
  return { holders, attribution: rankAttribution(quoted, gov, subject), unknownSpeaker };
}

function sameMention(a: Mention, b: Mention): boolean {
  return a.actorId === b.actorId && a.first === b.first && a.last === b.last;
}

function written(scan: ScannedText, at: number): string {
  const w = scan.words[at]!;
  return scan.map.slice(w.start, w.end);
}

/** True when a colon follows word `at` (before the next word, or at the end). */
function colonAfter(scan: ScannedText, at: number): boolean {
  const next = scan.words[at + 1];
  return (next ? next.before : scan.trailing).includes(':');
}

/**
 * True when a name followed by a colon is a cue of its own (نيجيرفان
 * بارزاني: …), not the speaker of a verb before it (وأضاف الكاظمي: …),
 * which then governs.
 */
function nameColon(scan: ScannedText, m: Mention): boolean {
  if (!colonAfter(scan, m.last)) return false;
  const { words } = scan;
  const sentence = words[m.first]!.sentence;
  return !scan.cues.some((c) => {
    if (c.kind !== 'verb' || c.at >= m.first || m.first - c.at > SUBJECT_AFTER.verb) return false;
    for (let k = c.at + 1; k <= m.first; k++)
      if (
        words[k]!.sentence !== sentence ||
        isOpener(words[k]!.text) ||
        words[k]!.before.includes(':')
      )
        return false;
    return true;
  });
}

/**
 * The cue that introduces the span: the nearest one before it in its
 * sentence (a reporting word, or a name followed by a colon); for a span in
 * quotation marks opened in an earlier sentence, the nearest before the
 * opening mark; else the first inside the span (the analyst included "قال
 * الكاظمي إن"); else the first after it in its sentence (…، قال الخزعلي).
 */
function governingCue(scan: ScannedText, sf: number, sl: number): Governor | null {
  const { words } = scan;
  const nearestBefore = (limit: number): Governor | null => {
    const sentence = words[limit]!.sentence;
    let best: Governor | null = null;
    for (const c of scan.cues)
      if (c.at < limit && words[c.at]!.sentence === sentence && (!best || c.at > best.at))
        best = { at: c.at, kind: c.kind, written: written(scan, c.at) };
    for (const m of scan.mentions)
      if (
        m.last < limit &&
        words[m.first]!.sentence === sentence &&
        (!best || m.last > best.at) &&
        nameColon(scan, m)
      )
        best = { at: m.last, kind: 'name-colon', written: `${m.alias}:`, mention: m };
    return best;
  };
  let gov = nearestBefore(sf);
  if (!gov && words[sf]!.quoted) {
    let j = sf;
    while (j > 0 && words[j - 1]!.quoted && words[j - 1]!.paragraph === words[sf]!.paragraph) j--;
    if (j < sf || words[j]!.sentence !== words[sf]!.sentence) gov = nearestBefore(j);
  }
  if (gov) return gov;
  // The analyst included the attribution in the span (قال الكاظمي إن …).
  const inside = scan.cues.find((c) => c.at >= sf && c.at <= sl);
  const insideColon = scan.mentions.find((m) => m.first >= sf && m.last < sl && nameColon(scan, m));
  if (insideColon && (!inside || insideColon.last < inside.at))
    return {
      at: insideColon.last,
      kind: 'name-colon',
      written: `${insideColon.alias}:`,
      mention: insideColon,
    };
  if (inside) return { at: inside.at, kind: inside.kind, written: written(scan, inside.at) };
  const sentence = words[sl]!.sentence;
  const after = scan.cues.find((c) => c.at > sl && words[c.at]!.sentence === sentence);
  return after ? { at: after.at, kind: after.kind, written: written(scan, after.at) } : null;
}

/** The speaker of a cue: named after it, just before it, or carried over from the cue before. */
function subjectOf(scan: ScannedText, gov: Governor, sf: number, depth: number): Subject | null {
  const { words } = scan;
  if (gov.kind === 'name-colon')
    return { mention: gov.mention!, others: [], carriedFrom: null, endsAt: gov.at };
  const sentence = words[gov.at]!.sentence;
  if (gov.kind === 'verb' || gov.kind === 'according') {
    const limit = gov.at + SUBJECT_AFTER[gov.kind];
    let stop = gov.at + 1;
    while (
      stop < words.length &&
      stop <= limit &&
      (stop < sf || gov.at >= sf) &&
      words[stop]!.sentence === sentence &&
      !isOpener(words[stop]!.text) &&
      !words[stop]!.before.includes(':')
    )
      stop++;
    const found = scan.mentions.filter((m) => m.first > gov.at && m.last < stop);
    if (found.length > 0) {
      const person = found.filter((m) => scan.actors.get(m.actorId)?.kind === 'person');
      const pick = (person.length > 0 ? person : found).reduce((a, b) =>
        b.first < a.first || (b.first === a.first && b.last > a.last) ? b : a,
      );
      return {
        mention: pick,
        others: found.filter((m) => m.actorId !== pick.actorId),
        carriedFrom: null,
        endsAt: stop - 1,
      };
    }
  }
  if (gov.kind !== 'according') {
    const window = SUBJECT_BEFORE[gov.kind];
    let from = gov.at - 1;
    while (
      from >= 0 &&
      gov.at - from <= window &&
      words[from]!.sentence === sentence &&
      !isOpener(words[from]!.text) &&
      !colonAfter(scan, from)
    )
      from--;
    const found = scan.mentions.filter(
      (m) => m.last > from && m.last < gov.at && !inReportedContent(scan, m),
    );
    if (found.length > 0) {
      const pick = found.reduce((a, b) => (b.last > a.last ? b : a));
      return { mention: pick, others: [], carriedFrom: null, endsAt: pick.last };
    }
  }
  if ((gov.kind === 'verb' || gov.kind === 'participle') && depth < 3) {
    const prev = previousGovernor(scan, gov.at);
    if (prev) {
      const s = subjectOf(scan, prev, gov.at, depth + 1);
      if (s) return { ...s, others: [], carriedFrom: s.carriedFrom ?? prev, endsAt: gov.at };
    }
  }
  return null;
}

/**
 * True when a mention stands in what an earlier speaker of its sentence
 * says: after a reporting cue and the word opening their words (إنّ، أنّ،
 * إلى، من, or a colon), as Fuad Hussein in "قال الخزعلي إن تصريح وزير
 * الخارجية العراقي "مؤسف"، مشيراً…". (عن is left out: in "نقلت … عن X
 * قوله" X is a speaker.)
 */
function inReportedContent(scan: ScannedText, m: Mention): boolean {
  const { words } = scan;
  const sentence = words[m.first]!.sentence;
  for (const c of scan.cues) {
    if (c.at >= m.first || words[c.at]!.sentence !== sentence) continue;
    for (let k = c.at + 1; k < m.first; k++) {
      const w = words[k]!;
      if ((isOpener(w.text) && w.text !== 'عن') || w.before.includes(':')) return true;
    }
    if (words[m.first]!.before.includes(':')) return true;
  }
  return false;
}

/** The cue (or name with a colon) nearest before word `at`, within reach. */
function previousGovernor(scan: ScannedText, at: number): Governor | null {
  const { words } = scan;
  const floor = at - CARRY_WORDS;
  const paragraph = words[at]!.paragraph;
  let best: Governor | null = null;
  for (const c of scan.cues)
    if (c.at < at && c.at >= floor && paragraph - words[c.at]!.paragraph <= 2)
      if (!best || c.at > best.at) best = { at: c.at, kind: c.kind, written: written(scan, c.at) };
  for (const m of scan.mentions)
    if (m.last < at && m.last >= floor && (!best || m.last > best.at) && nameColon(scan, m))
      best = { at: m.last, kind: 'name-colon', written: `${m.alias}:`, mention: m };
  return best;
}

function speakerReason(gov: Governor, m: Mention): string {
  if (gov.kind === 'name-colon') return `“${m.alias}” is followed by a colon: their words follow`;
  if (gov.kind === 'according') return `the span is attributed “${gov.written} ${m.alias}”`;
  return `“${m.alias}” is the speaker of the reporting word “${gov.written}”`;
}

/** How near a mention is to the span, in words, sentences and paragraphs. */
function proximity(
  scan: ScannedText,
  m: Mention,
  sf: number,
  sl: number,
  reasons: string[],
): number {
  const { words } = scan;
  if (m.first >= sf && m.last <= sl) return 0;
  if (m.last < sf) {
    const d = sf - m.last - 1;
    const a = words[m.last]!;
    const b = words[sf]!;
    if (a.sentence === b.sentence) {
      reasons.push(`named ${d} word(s) before the span, in its sentence`);
      return Math.max(0.5, 2 - d / 20);
    }
    if (a.paragraph === b.paragraph) {
      reasons.push(`named ${d} word(s) before the span, in its paragraph`);
      return Math.max(0.1, 1 - d / 60);
    }
    if (b.paragraph - a.paragraph <= 2) {
      reasons.push(`named ${b.paragraph - a.paragraph} paragraph(s) before the span`);
      return Math.max(0.05, 0.5 - d / 120);
    }
    return 0;
  }
  if (m.first > sl) {
    const d = m.first - sl - 1;
    if (words[m.first]!.sentence === words[sl]!.sentence) {
      reasons.push(`named ${d} word(s) after the span, in its sentence`);
      return Math.max(0.25, 1 - d / 20);
    }
    return 0;
  }
  // Overlaps the span's edge.
  reasons.push('named at the edge of the span');
  return 0.5;
}

/** The share of the span's words inside quotation marks. */
function quotedShare(scan: ScannedText, sf: number, sl: number): number {
  let q = 0;
  for (let i = sf; i <= sl; i++) if (scan.words[i]!.quoted) q++;
  return q / (sl - sf + 1);
}

/** The words after a cue naming an unknown speaker (up to what they say). */
function speakerWords(
  scan: ScannedText,
  gov: Governor,
  sf: number,
): { text: string; start: number; end: number } | null {
  if (gov.kind !== 'verb' && gov.kind !== 'according') return null;
  const { words } = scan;
  const sentence = words[gov.at]!.sentence;
  let stop = gov.at + 1;
  while (
    stop < words.length &&
    stop <= gov.at + SUBJECT_AFTER[gov.kind] &&
    (stop < sf || gov.at >= sf) &&
    words[stop]!.sentence === sentence &&
    !isOpener(words[stop]!.text) &&
    !words[stop]!.before.includes(':') &&
    !/[،,]/u.test(words[stop]!.before)
  )
    stop++;
  if (stop === gov.at + 1) return null;
  const start = words[gov.at + 1]!.start;
  const end = words[stop - 1]!.end;
  return { text: scan.map.slice(start, end), start, end };
}

/** Ranks the three attribution kinds from the quoted share and the cue. */
function rankAttribution(
  quoted: number,
  gov: Governor | null,
  subject: Subject | null,
): AttributionProposal[] {
  const cue = gov
    ? gov.kind === 'name-colon'
      ? `the speaker's name and a colon (“${gov.written}”) introduce it`
      : `the reporting word “${gov.written}” introduces it`
    : null;
  const speaker = subject ? ` (speaker: “${subject.mention.alias}”)` : '';
  const pct = Math.round(quoted * 100);
  const direct: AttributionProposal = {
    kind: 'direct-quote',
    score: quoted >= 0.6 ? 3 + (gov ? 1 : 0) : quoted > 0 ? 1 + quoted : 0,
    reasons: [
      quoted >= 0.6
        ? `${pct}% of its words are inside quotation marks`
        : quoted > 0
          ? `only ${pct}% of its words are inside quotation marks`
          : 'no word of it is inside quotation marks',
      ...(cue && quoted >= 0.6 ? [cue + speaker] : []),
    ],
  };
  const reported: AttributionProposal = {
    kind: 'reported-speech',
    score: gov ? (quoted >= 0.6 ? 2 : 3.5) : 0.5,
    reasons: gov
      ? [cue! + speaker, ...(quoted < 0.6 ? ['it is not (mostly) inside quotation marks'] : [])]
      : ['no reporting word or speaker introduces it'],
  };
  const outlet: AttributionProposal = {
    kind: 'outlet-voice',
    score: gov ? 0.3 : quoted >= 0.6 ? 1.5 : 3,
    reasons: gov
      ? [`${cue}: someone is quoted`]
      : [
          'no reporting word or speaker introduces it in its sentence',
          ...(quoted >= 0.6 ? ['but it is inside quotation marks'] : []),
        ],
  };
  return [direct, reported, outlet].sort((a, b) => b.score - a.score);
}
