/**
 * The actors × labels table as CSV: RFC 4180 (comma separated, CRLF line
 * ends, a field quoted when it holds a comma, a quote, CR or LF, quotes
 * doubled), UTF-8 with a byte-order mark so that Excel reads Arabic
 * correctly (LibreOffice, pandas and R skip the mark). A text field that
 * starts with = + - @ (or a tab or CR) is prefixed with ' so that a
 * spreadsheet never runs a name taken from a scraped article as a formula
 * (CSV injection). Counts are plain integers.
 */
import { SEVERAL_LABELS, type AnalysisView } from './analysis.ts';

/** The byte-order mark a CSV export starts with. */
export const CSV_BOM = '\ufeff';

const FORMULA_START = /^[=+\-@\t\r]/u;

/** One text field: neutralised if it could start a formula, quoted if needed. */
export function csvText(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/u.test(safe) ? `"${safe.replace(/"/gu, '""')}"` : safe;
}

/** One line of fields (text fields escaped, numbers as they are), CRLF-terminated. */
export function csvLine(fields: readonly (string | number)[]): string {
  return `${fields.map((f) => (typeof f === 'number' ? String(f) : csvText(f))).join(',')}\r\n`;
}

/** How to write the table. */
export interface CsvOptions {
  /** Header of each label column (default: the label key). */
  labelNames?: Readonly<Record<string, string>>;
  /** Start with a byte-order mark (default true: Excel needs it for Arabic). */
  bom?: boolean;
}

/**
 * The table as CSV: one row per holder (as the view orders them) with its
 * id, names, kind, affiliation, one count per column and the total, then a
 * total line.
 */
export function analysisCsv(
  view: Pick<AnalysisView, 'columns' | 'totals'> & {
    rows: readonly Pick<AnalysisView['rows'][number], 'holder' | 'counts' | 'total'>[];
  },
  options: CsvOptions = {},
): string {
  const name = (c: string): string =>
    c === SEVERAL_LABELS ? 'several labels' : (options.labelNames?.[c] ?? c);
  let out = options.bom === false ? '' : CSV_BOM;
  out += csvLine([
    'holder',
    'holder_en',
    'holder_id',
    'holder_type',
    'actor_kind',
    'affiliation',
    ...view.columns.map(name),
    'total',
  ]);
  for (const r of view.rows)
    out += csvLine([
      r.holder.name,
      r.holder.nameEn,
      r.holder.actorId ?? '',
      r.holder.kind,
      r.holder.actorKind ?? '',
      r.holder.affiliation ?? '',
      ...view.columns.map((c) => r.counts[c] ?? 0),
      r.total,
    ]);
  out += csvLine([
    'total',
    '',
    '',
    '',
    '',
    '',
    ...view.columns.map((c) => view.totals.counts[c] ?? 0),
    view.totals.total,
  ]);
  return out;
}
