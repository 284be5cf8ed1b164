/**
 * Sorting and filtering of the document list's rows, kept apart from the
 * component so the rules are easy to read and test.
 */
import type { DocStatus } from '@core/model.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import type { DocumentRow } from './useDocumentRows.ts';

export type SortKey = 'imported' | 'date' | 'title' | 'outlet' | 'status';

/** The message naming each sort order. */
export const SORT_LABELS: Record<SortKey, MessageId> = {
  imported: 'docs.sort.imported',
  date: 'docs.sort.date',
  title: 'docs.sort.title',
  outlet: 'docs.sort.outlet',
  status: 'docs.sort.status',
};

/** The message naming each status. */
export const STATUS_LABELS: Record<DocStatus, MessageId> = {
  'not-started': 'status.not-started',
  'in-progress': 'status.in-progress',
  done: 'status.done',
};

const STATUS_ORDER: Record<DocStatus, number> = { 'not-started': 0, 'in-progress': 1, done: 2 };

export interface RowFilter {
  status: DocStatus | 'all';
  /** A label key: documents with at least one span of it; or 'any'. */
  label: string;
  outlet: string | 'all';
  /** Ids matching the search, or null when there is no search. */
  matches: ReadonlySet<string> | null;
}

const collator = new Intl.Collator(['ar', 'en'], { sensitivity: 'base', numeric: true });

function byNullable(a: string | null, b: string | null, cmp: (x: string, y: string) => number) {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return cmp(a, b);
}

/** The rows that pass `filter`, sorted by `sort` (ties: import order). */
export function visibleRows(rows: DocumentRow[], filter: RowFilter, sort: SortKey): DocumentRow[] {
  const kept = rows.filter(
    (r) =>
      (filter.status === 'all' || r.status === filter.status) &&
      (filter.label === 'any' || (r.counts[filter.label] ?? 0) > 0) &&
      (filter.outlet === 'all' || r.outlet === filter.outlet) &&
      (filter.matches === null || filter.matches.has(r.id)),
  );
  const tie = (a: DocumentRow, b: DocumentRow): number => a.importedAt - b.importedAt;
  const cmp: Record<SortKey, (a: DocumentRow, b: DocumentRow) => number> = {
    imported: tie,
    date: (a, b) => byNullable(a.date, b.date, (x, y) => y.localeCompare(x)) || tie(a, b),
    title: (a, b) => collator.compare(a.title, b.title) || tie(a, b),
    outlet: (a, b) => byNullable(a.outlet, b.outlet, collator.compare) || tie(a, b),
    status: (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || tie(a, b),
  };
  return kept.sort(cmp[sort]);
}

/** The distinct outlets of `rows`, sorted. */
export function outletsOf(rows: DocumentRow[]): string[] {
  return [...new Set(rows.flatMap((r) => (r.outlet ? [r.outlet] : [])))].sort(collator.compare);
}
