/**
 * Reads a document the way holder proposals need it: its words (folded,
 * with code-point offsets, sentence and paragraph numbers, whether inside
 * quotation marks, the punctuation before each), where actors are named
 * (aliases matched on folded words, a leading conjunction or preposition
 * allowed: والكاظمي، للكاظمي), and where reporting cues stand. Scanned once
 * per document and reused for each of its spans.
 */
import { foldArabicChar } from '../arabic-search.ts';
import type { ActorRecord } from '../model.ts';
import { OffsetMap } from '../offsets.ts';
import { foldName, namesOf } from './model.ts';
import { cueOf, type CueKind } from './reporting.ts';

/** One word of the text. Offsets are code points. */
export interface Word {
  /** Folded (arabic-search.ts folding, lower case). */
  text: string;
  start: number;
  end: number;
  sentence: number;
  paragraph: number;
  /** Punctuation (no spaces) between the previous word and this one. */
  before: string;
  /** Inside quotation marks (" " “ ” « »), within its paragraph. */
  quoted: boolean;
}

/** Where a text names an actor: words `first..last`. */
export interface Mention {
  actorId: string;
  /** The name or alias matched, as the actor record spells it. */
  alias: string;
  first: number;
  last: number;
  start: number;
  end: number;
}

/** A reporting cue word. */
export interface Cue {
  kind: CueKind;
  /** The cue word folded, without its conjunction (قال for وقال). */
  word: string;
  /** Word index. */
  at: number;
}

/** A scanned document. */
export interface ScannedText {
  /** The text, for slicing by code points. */
  map: OffsetMap;
  /** The actors it was scanned for, by id. */
  actors: ReadonlyMap<string, ActorRecord>;
  words: Word[];
  /** Punctuation after the last word. */
  trailing: string;
  mentions: Mention[];
  cues: Cue[];
}

const WORD_CHAR = /[\p{L}\p{M}\p{N}]/u;
const DIGIT = /\p{N}/u;
const SENTENCE_END = /[.!?؟\n]/u;
const OPEN_QUOTE = new Set(['“', '«']);
const CLOSE_QUOTE = new Set(['”', '»']);

/** Splits `text` into folded words with their offsets and context. */
export function scanWords(text: string): { words: Word[]; trailing: string } {
  const cps = Array.from(text);
  const words: Word[] = [];
  let sentence = 0;
  let paragraph = 0;
  let quoted = false;
  let gap = '';
  let cur = '';
  let curStart = -1;
  const flush = (end: number): void => {
    if (curStart < 0) return;
    if (cur !== '')
      words.push({ text: cur, start: curStart, end, sentence, paragraph, before: gap, quoted });
    gap = '';
    cur = '';
    curStart = -1;
  };
  for (let i = 0; i < cps.length; i++) {
    const ch = cps[i]!;
    const inNumber =
      (ch === '.' || ch === ',' || ch === '٫') &&
      curStart >= 0 &&
      DIGIT.test(cps[i - 1] ?? '') &&
      DIGIT.test(cps[i + 1] ?? '');
    if (WORD_CHAR.test(ch) || ch === '\u0640' || inNumber) {
      if (curStart < 0) curStart = i;
      cur += foldArabicChar(ch);
      continue;
    }
    flush(i);
    if (/\s/u.test(ch) && ch !== '\n') continue;
    gap += ch;
    if (ch === '"') quoted = !quoted;
    else if (OPEN_QUOTE.has(ch)) quoted = true;
    else if (CLOSE_QUOTE.has(ch)) quoted = false;
    if (ch === '\n') {
      paragraph++;
      quoted = false;
    }
    if (SENTENCE_END.test(ch)) sentence++;
  }
  flush(cps.length);
  // A word right after an opening quote mark is inside it; the scan above
  // already set `quoted` before the word started, so nothing to fix.
  return { words, trailing: gap };
}

/** Proclitics a name may carry: و ف ب ل ك and their pairs. */
const PREFIXES = ['وب', 'ول', 'وك', 'فب', 'فل', 'فك', 'و', 'ف', 'ب', 'ل', 'ك'];

/** Forms a word may be with a proclitic removed (للكاظمي → الكاظمي). */
function bases(w: string): string[] {
  const out = [w];
  for (const p of PREFIXES) {
    if (w.length > p.length + 1 && w.startsWith(p)) {
      const rest = w.slice(p.length);
      out.push(rest);
      // لـ + الـ is written لل: للكاظمي is ل + الكاظمي.
      if (p.endsWith('ل') && rest.startsWith('ل')) out.push(`ا${rest}`);
    }
  }
  return out;
}

/** Splits a folded name into words as scanWords would. */
function nameWords(name: string): string[] {
  return scanWords(foldName(name)).words.map((w) => w.text);
}

/** Finds every place the text names an actor (every name and alias, folded). */
export function findMentions(words: readonly Word[], actors: readonly ActorRecord[]): Mention[] {
  const byFirst = new Map<string, { actorId: string; alias: string; words: string[] }[]>();
  for (const a of actors)
    for (const alias of namesOf(a)) {
      const ws = nameWords(alias);
      if (ws.length === 0) continue;
      const list = byFirst.get(ws[0]!) ?? [];
      list.push({ actorId: a.id, alias, words: ws });
      byFirst.set(ws[0]!, list);
    }
  const out: Mention[] = [];
  for (let i = 0; i < words.length; i++) {
    const seen = new Set<string>();
    for (const base of bases(words[i]!.text)) {
      for (const c of byFirst.get(base) ?? []) {
        const n = c.words.length;
        if (i + n > words.length) continue;
        let ok = true;
        for (let k = 1; k < n && ok; k++) {
          const w = words[i + k]!;
          ok = w.text === c.words[k] && w.before === '';
        }
        const key = `${c.actorId}\u0000${n}`;
        if (!ok || seen.has(key)) continue;
        seen.add(key);
        out.push({
          actorId: c.actorId,
          alias: c.alias,
          first: i,
          last: i + n - 1,
          start: words[i]!.start,
          end: words[i + n - 1]!.end,
        });
      }
    }
  }
  return out;
}

/** Finds the reporting cue words. */
export function findCues(words: readonly Word[]): Cue[] {
  const out: Cue[] = [];
  words.forEach((w, at) => {
    const c = cueOf(w.text);
    if (c) out.push({ kind: c.kind, word: c.word, at });
  });
  return out;
}

/** Scans `text` once for proposals over any of its spans. */
export function scanText(text: string, actors: readonly ActorRecord[]): ScannedText {
  const { words, trailing } = scanWords(text);
  return {
    map: new OffsetMap(text),
    actors: new Map(actors.map((a) => [a.id, a])),
    words,
    trailing,
    mentions: findMentions(words, actors),
    cues: findCues(words),
  };
}
