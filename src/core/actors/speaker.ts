/**
 * Who speaks the words a span marks: the reporting cue that governs the span
 * (قال، أضاف، أكد، وفق…, or a name followed by a colon) and its speaker,
 * found in a scanned text (text-scan.ts) by the rules of docs/actors.md.
 * propose.ts scores actors with what this finds.
 */
import { isOpener } from './reporting.ts';
import type { Cue, Mention, ScannedText } from './text-scan.ts';

/** A cue as proposals use it: a reporting word, or a name followed by a colon. */
export interface Governor {
  /** Word index of the cue (the name's last word for `name-colon`). */
  at: number;
  kind: Cue['kind'] | 'name-colon';
  /** The cue as written in the text. */
  written: string;
  /** For `name-colon`: the mention. */
  mention?: Mention;
}

export interface Subject {
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

export function sameMention(a: Mention, b: Mention): boolean {
  return a.actorId === b.actorId && a.first === b.first && a.last === b.last;
}

export function written(scan: ScannedText, at: number): string {
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
export function governingCue(scan: ScannedText, sf: number, sl: number): Governor | null {
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
export function subjectOf(
  scan: ScannedText,
  gov: Governor,
  sf: number,
  depth: number,
): Subject | null {
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

/** The words after a cue naming an unknown speaker (up to what they say). */
export function speakerWords(
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
