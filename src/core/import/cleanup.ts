/**
 * Cleans the decoded text of a scraped news page before anyone annotates
 * it, so offsets never shift afterwards. Line rules (rules.ts) remove page
 * chrome line by line; block rules here remove comment footers, repeated
 * title lines and any repeated block of paragraphs. Every removal is
 * recorded with its rule, reason, text and line, and title, date, author and
 * outlet are detected on the way. Spaces are collapsed (NBSP included) and
 * the result is NFC; paragraphs are separated by one blank line.
 */
import type { Removal } from '../model.ts';
import { findDate } from './dates.ts';
import { foldForRules, isTickerLine, matchLineRule, type LineMeta } from './rules.ts';

export interface CleanMeta {
  title: string | null;
  date: string | null;
  author: string | null;
  outlet: string | null;
}

export interface CleanResult {
  text: string;
  removed: Removal[];
  meta: CleanMeta;
}

/** NFC, every kind of space as one ASCII space, trimmed. */
export function normalizeLine(raw: string): string {
  return raw
    .normalize('NFC')
    .replace(/[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\ufeff]/gu, ' ')
    .replace(/ {2,}/gu, ' ')
    .trim();
}

/** Splits text into lines on LF, CRLF or CR (line n of the raw text is index n-1). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\n|\r/u);
}

/** A body paragraph: long enough to be article text, not a ticker. */
function isBody(raw: string, text: string): boolean {
  if (isTickerLine(raw)) return false;
  return text.length >= 150 || (text.length >= 60 && /[.!?؟…]$/u.test(text));
}

const COMMENTS_HEADING = [
  /^(?:التعليقات|تعليقات|التعليقات \(\d+\)|اضف تعليقا?|اترك تعليقا?|شارك برايك|اكتب تعليقك|comments?|leave a (?:comment|reply))\s*[:：]?$/iu,
  /^علق كضيف/u,
  /^التعليقات المنشوره/u,
];

interface Line {
  raw: string;
  text: string;
  folded: string;
  removed: boolean;
}

/**
 * Cleans `raw`. Never throws; an input with no text gives an empty text.
 */
export function cleanText(raw: string): CleanResult {
  const lines: Line[] = splitLines(raw).map((r) => {
    const text = normalizeLine(r);
    return { raw: r, text, folded: foldForRules(text), removed: text.length === 0 };
  });
  const removals: (Removal & { index: number })[] = [];
  const meta: CleanMeta = { title: null, date: null, author: null, outlet: null };
  const lift = (m: LineMeta): void => {
    meta.date ??= m.date ?? null;
    meta.author ??= m.author ?? null;
    meta.outlet ??= m.outlet ?? null;
  };
  const remove = (from: number, to: number, rule: string, reason: string): void => {
    for (let i = from; i <= to; i++) lines[i]!.removed = true;
    const text = lines
      .slice(from, to + 1)
      .map((l) => l.raw)
      .join('\n');
    removals.push({ rule, reason, text, line: from + 1, index: from });
  };

  // 1. Line rules that apply anywhere (tickers, chrome, credits, links).
  lines.forEach((l, i) => {
    if (l.removed) return;
    const view = { ...l, inHeader: false, inFooter: false, nearDate: false };
    const hit = matchLineRule(view, 'anywhere');
    if (hit) remove(i, i, hit.rule.id, hit.rule.reason);
  });

  // The article body: what is left that reads like paragraphs.
  const bodyIdx = lines.flatMap((l, i) => (!l.removed && isBody(l.raw, l.text) ? [i] : []));
  const firstBody = bodyIdx[0] ?? lines.length;
  const lastBody = bodyIdx.at(-1) ?? -1;

  // 1b. Line rules of the header and footer (date, author, outlet lines).
  let lastDateAt = -1;
  let keptSinceDate = 0;
  lines.forEach((l, i) => {
    if (l.removed) return;
    const hit = matchLineRule(
      {
        ...l,
        inHeader: i < firstBody,
        inFooter: i > lastBody,
        nearDate: lastDateAt >= 0 && keptSinceDate <= 1,
      },
      'edges',
    );
    if (hit) {
      lift(hit.meta);
      remove(i, i, hit.rule.id, hit.rule.reason);
      if (hit.rule.id === 'date-line' || hit.rule.id === 'published-line') {
        lastDateAt = i;
        keptSinceDate = 0;
      }
    } else {
      keptSinceDate++;
    }
  });

  // 2. Comment footer: from a comments heading after the article to the end,
  //    when nothing after it is article-length.
  const footerFrom = lines.findIndex(
    (l, i) => i > lastBody && !l.removed && COMMENTS_HEADING.some((re) => re.test(l.folded)),
  );
  if (footerFrom >= 0 && lines.slice(footerFrom).every((l) => l.text.length < 150)) {
    removeKept(lines, footerFrom, lines.length - 1, (from, to) =>
      remove(from, to, 'comments', 'Comments section or comment form'),
    );
  }

  // 3. Title: the first kept line of the header, if it reads like a headline.
  const titleIdx = lines.findIndex((l, i) => !l.removed && i < firstBody);
  if (titleIdx >= 0) {
    const t = lines[titleIdx]!.text;
    if (t.length >= 8 && t.length <= 220 && !/[.:؛]$/u.test(t)) meta.title = t;
  }
  if (meta.title !== null) {
    const key = lines[titleIdx]!.folded;
    lines.forEach((l, i) => {
      if (i > titleIdx && !l.removed && l.folded === key) {
        remove(i, i, 'repeated-title', 'The title, repeated');
      }
    });
  }

  // 4. Repeated blocks: runs of lines that all repeat earlier kept lines.
  const seen = new Set<string>();
  let i = 0;
  while (i < lines.length) {
    const l = lines[i]!;
    if (l.removed) {
      i++;
      continue;
    }
    if (!seen.has(l.folded)) {
      seen.add(l.folded);
      i++;
      continue;
    }
    // A run of repeats (blank lines inside it are part of the run).
    let j = i;
    let last = i;
    let chars = 0;
    let longest = 0;
    while (j < lines.length) {
      const m = lines[j]!;
      if (m.text.length === 0) {
        j++;
        continue;
      }
      if (m.removed || !seen.has(m.folded)) break;
      chars += m.text.length;
      longest = Math.max(longest, m.text.length);
      last = j;
      j++;
    }
    if (chars >= 100 || longest >= 60) {
      remove(i, last, 'repeated-block', 'Repeats text that appears earlier in the article');
    }
    i = last + 1;
  }

  removals.sort((a, b) => a.index - b.index);
  const kept = lines.filter((l) => !l.removed).map((l) => l.text);
  meta.date ??= datelineDate(kept);
  const text = kept.join('\n\n');
  return {
    text,
    removed: removals.map(({ rule, reason, text: t, line }) => ({ rule, reason, text: t, line })),
    meta,
  };
}

/** Calls `remove` for each block of kept lines in [from, to]; blank lines join blocks. */
function removeKept(
  lines: Line[],
  from: number,
  to: number,
  remove: (from: number, to: number) => void,
): void {
  let start = -1;
  let end = -1;
  const flush = (): void => {
    if (start >= 0) remove(start, end);
    start = -1;
  };
  for (let i = from; i <= to; i++) {
    const l = lines[i]!;
    if (l.text.length === 0) continue;
    if (l.removed) {
      flush();
      continue;
    }
    if (start < 0) start = i;
    end = i;
  }
  flush();
}

/** A date the first paragraphs give as "today": "اليوم الثلاثاء (27 تموز 2021)". */
function datelineDate(paragraphs: readonly string[]): string | null {
  for (const p of paragraphs.slice(0, 3)) {
    for (let at = p.indexOf('اليوم'); at >= 0; at = p.indexOf('اليوم', at + 1)) {
      const found = findDate(p.slice(at, at + 48));
      if (found && found.index <= 20) return found.date;
    }
  }
  return null;
}
