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
import {
  governingCue,
  sameMention,
  speakerWords,
  subjectOf,
  type Governor,
  type Subject,
} from './speaker.ts';
import { scanText, type Mention, type ScannedText } from './text-scan.ts';

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
