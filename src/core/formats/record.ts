/**
 * The neutral record every dataset format reads into and writes from: one
 * document's text with one annotator's spans. Exporters build records from
 * the store; parsers produce them from files; `stance convert` goes from
 * one format to another through them. Offsets are code points.
 */
import type { TokenExtent } from '../agreement/types.ts';
import { idProblem, type IdKind } from '../ids.ts';
import type { ActorKind, AttributionKind, DocStatus } from '../model.ts';
import type { LineError } from '../jsonl.ts';
import { atPath, problem, problemText, type Problem } from '../problems/problem.ts';

/** One span of a dataset record. */
export interface DatasetSpan {
  /** Code-point offsets, `end` exclusive. */
  start: number;
  end: number;
  label: string;
  /** The quoted text, `text[start:end]` when the span was made; checked on export. */
  quote: string | null;
  /** The holder's name: the actor's when `holderActor` is set, else free text. */
  holder: string | null;
  note: string | null;
  /** Gold spans: the annotators who agreed on it (exported as `agreed_by`). */
  agreedBy: string[] | null;
  /**
   * A suggester's confidence in [0, 1] (spans JSONL `score`; suggestion
   * lanes, docs/suggestions.md). Absent for analysts' spans.
   */
  score?: number | null;
  /**
   * The holder actor, when the holder is one (`holder_id`, `holder_en`,
   * `holder_kind`; its name is `holder`). Absent or null: free text or none.
   */
  holderActor?: DatasetActor | null;
  /** What the stance is about (`target`); absent or null: not said. */
  target?: string | null;
  /** `direct-quote`, `reported-speech` or `outlet-voice` (`attribution`); absent or null: not said. */
  attribution?: AttributionKind | null;
}

/** The holder actor as a dataset carries it (its name is the span's `holder`). */
export interface DatasetActor {
  id: string;
  /** English name; '' when none. */
  nameEn: string;
  /** Null when the file did not say. */
  kind: ActorKind | null;
}

/** One document as one annotator labelled it. */
export interface DatasetRecord {
  /** The document id; null when the file did not carry one. */
  docId: string | null;
  text: string;
  title: string | null;
  date: string | null;
  source: string | null;
  status: DocStatus | null;
  /** Document-level stance (a label key or `neutral`), when set. */
  docStance: string | null;
  /** `_annotator_id`; null when the file did not say (asked at import). */
  annotatorId: string | null;
  spans: DatasetSpan[];
}

/** A record parsed from a file, with the line it came from. */
export interface ParsedRecord extends DatasetRecord {
  line: number;
  /**
   * The tokens the line carries (spans JSONL `tokens`, checked by
   * line-tokens.ts); null or absent when it carries none.
   */
  tokens?: TokenExtent[] | null;
}

/** What a parser returns: the valid records and one error per bad line. */
export interface ParseResult<T = ParsedRecord> {
  ok: T[];
  errors: LineError[];
}

/** The result of parsing one line. */
export type LineResult<T = ParsedRecord> =
  | { ok: true; value: T; skipped?: false }
  | { ok: true; value: null; skipped: true; reason: string }
  | { ok: false; error: LineError };

/** Orders spans by start, end, label (the order every exporter writes). */
export function compareSpans(
  a: { start: number; end: number; label: string },
  b: { start: number; end: number; label: string },
): number {
  return a.start - b.start || a.end - b.end || (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);
}

/**
 * Why an exporter refused to write a record: a problem (the interface words
 * it in the analyst's language; its message is the English the CLI prints).
 */
export class ExportRefusal extends Error {
  constructor(
    readonly problem: Problem,
    readonly docId: string | null,
    readonly span: DatasetSpan | null,
  ) {
    super(problemText(problem));
    this.name = 'ExportRefusal';
  }
}

/** An exporter's refusal of span `s` of document `docId`, because of `reason`. */
export function spanRefusal(docId: string, s: DatasetSpan, reason: Problem): ExportRefusal {
  const values = { doc: docId, label: s.label, start: s.start, end: s.end, reason };
  return new ExportRefusal(problem('export.spanRefused', values), docId, s);
}

/** Formats a zod-like issue path for an error message (`spans[2].start`). */
export function issuePath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else out += out ? `.${String(p)}` : String(p);
  }
  return out;
}

/**
 * The first id of a parsed line that holds a control, bidi or invisible
 * character (src/core/ids.ts), as a problem about its field, or null. `ids`
 * lists each field's path, kind and value; null values are skipped.
 */
export function idsProblem(ids: readonly [string, IdKind, string | null][]): Problem | null {
  for (const [where, kind, value] of ids) {
    if (value === null) continue;
    const p = idProblem(kind, value);
    if (p) return atPath(where, p);
  }
  return null;
}
