// The agreement dashboard in real Chromium on real IndexedDB: opened again
// after a change, it first shows the figures and documents it kept,
// marked as being updated (the spans behind a figure and the accept-all
// action wait for the live data), then the exact ones, unmarked.
import { beforeEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { createProfile } from '../db/profile.ts';
import { makeSpan } from '../db/spans.ts';
import { storeDocuments } from '../db/store-documents.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { holdTables } from '../test/hold-tables.ts';
import { hostPerTest } from '../test/host.tsx';
import { waitFor } from '../test/wait.ts';
import { AgreementDashboard } from './AgreementDashboard.tsx';

const TEXTS = [
  'قال رئيس الوزراء إن العراق لم يعد بحاجة إلى قوات قتالية أجنبية على أراضيه.',
  'أكد وزير الخارجية أن التعاون في مجال التدريب ما زال ضروريا.',
  'رحب رئيس الإقليم بشراكة طويلة الأمد مع الولايات المتحدة.',
];

const page = hostPerTest();
let self: AnnotatorRecord;

const mount = (): void => {
  page.render(
    <I18nProvider open>
      <AgreementDashboard self={self} onOpenReview={() => undefined} />
    </I18nProvider>,
  );
};

/** A span over the first `n` code points of document `docId`. */
const spanOn = (docId: string, annotatorId: string, n: number, label = 'pro-withdrawal') =>
  makeSpan({ docId, annotatorId, label, start: 0, end: n, quote: 'x'.repeat(n) });

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.filter((t) => t.name !== 'labels').map((t) => t.clear()));
  self = await createProfile(db, 'Laila');
  await db.annotators.put({ id: 'sara', name: 'Sara', kind: 'colleague', createdAt: 1 });
  const docs = await Promise.all(
    TEXTS.map((text, i) => buildDocumentRecord({ text, title: `مقال ${i + 1}` })),
  );
  await storeDocuments(db, docs);
  // Two documents both annotated: one agreed, one labelled differently.
  await db.spans.bulkPut([
    spanOn(docs[0]!.id, self.id, 10),
    spanOn(docs[0]!.id, 'sara', 10),
    spanOn(docs[1]!.id, self.id, 10),
    spanOn(docs[1]!.id, 'sara', 10, 'pro-coalition'),
  ]);
});

describe('the agreement dashboard', () => {
  it('opened again after a change, shows the kept figures marked as being updated, then the exact ones', async () => {
    mount();
    await waitFor(() => expect(page.el.textContent).toContain('2 documents, 2 annotators.'));
    // The first visit's view is kept (its intervals too) before the view closes.
    await waitFor(async () =>
      expect((await db.viewCache.toArray()).some((r) => r.key.startsWith('agreement:'))).toBe(true),
    );
    await waitFor(() =>
      expect(page.el.querySelector('.ci-status')?.textContent).toMatch(/^Intervals/),
    );
    page.unmount();

    // A change: Sara annotates the third document.
    const third = (await db.documents.toArray()).find((d) => d.text === TEXTS[2])!;
    await db.spans.put(spanOn(third.id, 'sara', 5));

    // A slow disk: the live data waits until the hold is released.
    const hold = await holdTables(db.name, ['spanFacts']);
    mount();
    await waitFor(() => expect(page.el.textContent).toContain('Updating the figures'));
    expect(page.el.textContent).toContain('2 documents, 2 annotators.');
    const rows = page.el.querySelectorAll('table[aria-label="Documents by disagreement"] tbody tr');
    expect(rows).toHaveLength(2);
    const acceptAll = [...page.el.querySelectorAll('button')].find((b) =>
      /^Accept/.test(b.textContent ?? ''),
    );
    expect(acceptAll?.disabled).toBe(true);

    await hold.release();
    await waitFor(() => expect(page.el.textContent).toContain('3 documents, 2 annotators.'));
    expect(page.el.textContent).not.toContain('Updating the figures');
    expect(
      page.el.querySelectorAll('table[aria-label="Documents by disagreement"] tbody tr'),
    ).toHaveLength(3);
  });
});
