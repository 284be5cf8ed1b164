/**
 * Problems as data. Whatever src/core or the app's data layer refuses (a
 * bad line of a dataset, a backup that does not check, a write the store
 * refused) is described by a stable code and the values it names (line,
 * field, file, figures), never by English prose meant for the interface:
 * the app words a problem in the analyst's language from its catalogs
 * (`problem.<code>` in src/core/i18n/messages), and the `stance` CLI in
 * English through `problemText`, from the same English catalog. The codes
 * are listed once, in codes.ts.
 */
import { IntlMessageFormat } from 'intl-messageformat';
import en from '../i18n/messages/en.json' with { type: 'json' };
import { describeError, isQuotaOrAbort } from '../errors.ts';
import { formatMb, formatMs } from '../limits.ts';
import type { ProblemCode } from './codes.ts';
import { systemProblem } from './system.ts';

/**
 * A value a problem names: a number (formatted in the reader's digits),
 * text (a name, an id, a path: shown as it is), a quantity (a size or a
 * time, worded with its unit in the reader's language and digits), or a
 * problem it wraps (the reason a file could not be read), worded in the
 * same language.
 */
export type ProblemValue = string | number | Quantity | Problem;

/** A size in bytes or a time in milliseconds, as a problem names it ("20 MB", "30 s"). */
export type Quantity = { readonly bytes: number } | { readonly ms: number };

/** Size `n` bytes, as a problem value. */
export const byteSize = (n: number): Quantity => ({ bytes: n });

/** Time `n` milliseconds, as a problem value. */
export const duration = (n: number): Quantity => ({ ms: n });

/** Whether `v` is a quantity (a size or a time) rather than a problem. */
export function isQuantity(v: unknown): v is Quantity {
  if (typeof v !== 'object' || v === null || 'code' in v) return false;
  const q = v as { bytes?: unknown; ms?: unknown };
  return typeof q.bytes === 'number' || typeof q.ms === 'number';
}

/** A quantity in English as the CLI prints it ("20.0 MB", "30 s"). */
export function quantityText(q: Quantity): string {
  return 'bytes' in q ? formatMb(q.bytes) : formatMs(q.ms);
}

/** One problem: what kind (`code`) and what it names (`values`). */
export interface Problem {
  code: ProblemCode;
  values?: Readonly<Record<string, ProblemValue>>;
  /** The field it is about, as a path into the data (`spans[2].start`), if any. */
  path?: string;
}

/** Makes a problem. */
export function problem(
  code: ProblemCode,
  values?: Record<string, ProblemValue>,
  path?: string,
): Problem {
  const p: Problem = { code };
  if (values) p.values = values;
  if (path) p.path = path;
  return p;
}

/** `p` about field `path` (a path already on `p` goes after it: `spans[2].start`). */
export function atPath(path: string, p: Problem): Problem {
  if (!path) return p;
  const inner = p.path ? (p.path.startsWith('[') ? path + p.path : `${path}.${p.path}`) : path;
  return { ...p, path: inner };
}

/** Whether `v` is a problem (errors carry one as `problem`; refusals may be one). */
export function isProblem(v: unknown): v is Problem {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as Problem).code === 'string' &&
    `problem.${(v as Problem).code}` in en
  );
}

/** An Error that carries a problem; its message is the problem in English. */
export class ProblemError extends Error {
  constructor(readonly problem: Problem) {
    super(problemText(problem));
    this.name = 'ProblemError';
  }
}

/** The problem an error carries, if it carries one. */
export function problemOf(err: unknown): Problem | null {
  if (isProblem(err)) return err;
  if (typeof err === 'object' && err !== null && isProblem((err as { problem?: unknown }).problem))
    return (err as { problem: Problem }).problem;
  return null;
}

const EN = en as Record<string, string>;

/**
 * Numbers in English as JavaScript writes them (no grouping, every
 * decimal), as the CLI always printed them; the interface groups them in
 * the reader's digits instead.
 */
const PLAIN = {
  getNumberFormat: (locales?: string | string[], opts?: Intl.NumberFormatOptions) =>
    new Intl.NumberFormat(locales, { ...opts, useGrouping: false, maximumFractionDigits: 20 }),
  getDateTimeFormat: (locales?: string | string[], opts?: Intl.DateTimeFormatOptions) =>
    new Intl.DateTimeFormat(locales, opts),
  getPluralRules: (locales?: string | string[], opts?: Intl.PluralRulesOptions) =>
    new Intl.PluralRules(locales, opts),
};
const compiled = new Map<string, IntlMessageFormat>();

/** Message `id` of the English catalog with `values`, as the CLI prints it. */
function english(id: string, values: Readonly<Record<string, ProblemValue>>): string {
  let f = compiled.get(id);
  if (!f) {
    f = new IntlMessageFormat(EN[id] ?? id, 'en', undefined, { formatters: PLAIN });
    compiled.set(id, f);
  }
  const plain: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(values))
    plain[k] = isQuantity(v) ? quantityText(v) : typeof v === 'object' ? problemText(v) : v;
  const out = f.format(plain);
  return typeof out === 'string' ? out : String(out);
}

/** The problem in English, as the `stance` CLI prints it (`spans[2].start: …`). */
export function problemText(p: Problem): string {
  const text = english(`problem.${p.code}`, p.values ?? {});
  return p.path ? `${p.path}: ${text}` : text;
}

/**
 * Any thrown value as a problem: the one it carries; a full disk or an
 * aborted write by name; a system refusal (a missing file, a permission
 * denied: system.ts) by its kind; anything else as `unexpected`, with the
 * error's own text (see describeError) as its detail.
 */
export function errorProblem(err: unknown): Problem {
  const own = problemOf(err);
  if (own) return own;
  const storage = isQuotaOrAbort(err);
  if (storage) return problem(storage === 'quota' ? 'storage.quota' : 'storage.aborted');
  return systemProblem(err) ?? problem('unexpected', { detail: describeError(err) });
}
