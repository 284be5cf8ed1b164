// The Analysis view in real Chromium on real IndexedDB: a project with
// more holders than a page shows the first page and the rest on request;
// opened after a change, the view first shows the table it kept, marked as
// being updated (CSV export off meanwhile), then the exact counts.
import { beforeEach, describe, expect, it } from 'vitest';
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { keepAnalysisSummary, loadAnalysis } from '../db/analysis.ts';
import { readLabels } from '../db/labels.ts';
import { createProfile } from '../db/profile.ts';
import { makeSpan } from '../db/spans.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { holdTables } from '../test/hold-tables.ts';
import { hostPerTest } from '../test/host.tsx';
import { waitFor } from '../test/wait.ts';
import { AnalysisView } from './AnalysisView.tsx';
import { ROWS_PAGE } from './AnalysisTable.tsx';

const page = hostPerTest();
let self: AnnotatorRecord;

/** `n` statements on one document, each by its own free-text holder. */
const statements = (from: number, n: number) =>
  Array.from({ length: n }, (_, k) => {
    const i = from + k;
    return {
      ...makeSpan({
        docId: 'd1',
        annotatorId: self.id,
        label: 'pro-withdrawal',
        start: i * 10,
        end: i * 10 + 5,
        quote: 'قوات',
      }),
      holder: `متحدث ${i}`,
    };
  });

const mount = (): void => {
  page.render(
    <I18nProvider open>
      <AnalysisView self={self} onOpenSpan={() => undefined} />
    </I18nProvider>,
  );
};
const bodyRows = (): number => page.el.querySelectorAll('table tbody tr').length;
const button = (name: RegExp): HTMLButtonElement | undefined =>
  [...page.el.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.filter((t) => t.name !== 'labels').map((t) => t.clear()));
  self = await createProfile(db, 'Laila');
});

describe('the Analysis view', () => {
  it('shows a page of holders, the largest first, and the rest on request', async () => {
    await db.spans.bulkPut(statements(0, ROWS_PAGE + 20));
    mount();
    await waitFor(() => expect(bodyRows()).toBe(ROWS_PAGE));
    const more = button(/^Show 20 more holders of 20$/);
    expect(more).toBeDefined();
    more!.click();
    await waitFor(() => expect(bodyRows()).toBe(ROWS_PAGE + 20));
    expect(button(/more holders/)).toBeUndefined();
  });

  it('opened after a change, shows the kept table marked as being updated, then the exact counts', async () => {
    await db.spans.bulkPut(statements(0, 3));
    const labels = (await readLabels(db)).map((l) => l.key);
    const filter = { annotators: null, outlets: null, from: null, to: null };
    const options = { labels, timeBucket: 'day' as const };
    await keepAnalysisSummary(db, filter, options, await loadAnalysis(db, filter, options));
    // A change after the visit: one more statement.
    await db.spans.bulkPut(statements(3, 1));

    // A slow disk: the whole view's read waits until the hold is released.
    const hold = await holdTables(db.name, ['spanFacts']);
    mount();
    const csv = (): HTMLButtonElement | undefined => button(/Export table as CSV/);
    await waitFor(() => expect(page.el.textContent).toContain('Counting the latest changes'));
    expect(page.el.textContent).toContain('3 statements from 3 spans');
    expect(page.el.querySelector('table')?.getAttribute('aria-busy')).toBe('true');
    expect(csv()?.disabled).toBe(true);

    await hold.release();
    await waitFor(() =>
      expect(page.el.textContent).toContain('4 statements from 4 spans in 1 article.'),
    );
    expect(page.el.querySelector('table')?.getAttribute('aria-busy')).toBe('false');
    expect(page.el.textContent).not.toContain('Counting the latest changes');
    expect(csv()?.disabled).toBe(false);
  });

  it('a filter changed while its figures are read keeps the filters and the last figures, marked', async () => {
    await db.spans.bulkPut(statements(0, 3));
    mount();
    await waitFor(() => expect(page.el.textContent).toContain('3 statements from 3 spans'));
    const who = [...page.el.querySelectorAll('select')].find((el) =>
      [...el.options].some((o) => o.value === self.id),
    )!;
    const hold = await holdTables(db.name, ['spanFacts']);
    who.value = self.id;
    who.dispatchEvent(new Event('change', { bubbles: true }));
    await waitFor(() => expect(page.el.textContent).toContain('Counting the latest changes'));
    // The same control, still on screen (the keyboard focus stays on it).
    expect(who.isConnected).toBe(true);
    expect(page.el.textContent).toContain('3 statements from 3 spans');
    await hold.release();
    await waitFor(() => expect(page.el.textContent).not.toContain('Counting the latest changes'));
    expect(who.isConnected).toBe(true);
    expect(who.value).toBe(self.id);
  });
});
