import { describe, expect, it } from 'vitest';
import type { DocumentRow } from './useDocumentRows.ts';
import { outletsOf, visibleRows, type RowFilter } from './document-rows.ts';

function row(id: string, over: Partial<DocumentRow>): DocumentRow {
  return {
    id,
    title: id,
    outlet: null,
    date: null,
    importedAt: Number(id.slice(1)),
    status: 'not-started',
    counts: {},
    spanTotal: 0,
    ...over,
  };
}

const rows = [
  row('d1', { title: 'واشنطن', outlet: 'المدن', date: '2021-07-23', status: 'done' }),
  row('d2', {
    title: 'العراق',
    outlet: 'رووداو',
    date: '2021-07-26',
    counts: { 'pro-withdrawal': 2 },
    spanTotal: 2,
    status: 'in-progress',
  }),
  row('d3', { title: 'بارزاني', outlet: 'رووداو', date: null }),
  row('d4', { title: 'Alpha', outlet: null, date: '2021-07-27' }),
];
const all: RowFilter = { status: 'all', label: 'any', outlet: 'all', matches: null };
const ids = (r: DocumentRow[]): string[] => r.map((x) => x.id);

describe('document list rows', () => {
  it('sorts by date (newest first, undated last), title, outlet, status and import order', () => {
    expect(ids(visibleRows(rows, all, 'date'))).toEqual(['d4', 'd2', 'd1', 'd3']);
    expect(ids(visibleRows(rows, all, 'imported'))).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ids(visibleRows(rows, all, 'outlet'))).toEqual(['d1', 'd2', 'd3', 'd4']);
    expect(ids(visibleRows(rows, all, 'status'))).toEqual(['d3', 'd4', 'd2', 'd1']);
    // Arabic alphabetical (ا ب و), then Latin, as an Arabic reader expects.
    expect(ids(visibleRows(rows, all, 'title'))).toEqual(['d2', 'd3', 'd1', 'd4']);
  });

  it('filters by status, label, outlet and search matches together', () => {
    expect(ids(visibleRows(rows, { ...all, status: 'done' }, 'imported'))).toEqual(['d1']);
    expect(ids(visibleRows(rows, { ...all, label: 'pro-withdrawal' }, 'imported'))).toEqual(['d2']);
    expect(ids(visibleRows(rows, { ...all, outlet: 'رووداو' }, 'imported'))).toEqual(['d2', 'd3']);
    expect(
      ids(
        visibleRows(rows, { ...all, outlet: 'رووداو', matches: new Set(['d3', 'd1']) }, 'imported'),
      ),
    ).toEqual(['d3']);
    expect(outletsOf(rows)).toEqual(['المدن', 'رووداو']);
  });
});
