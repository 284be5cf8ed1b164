// Runs in real Chromium on real IndexedDB: an accept or reject in one
// document's review shows in its row before its transaction commits (the
// span table is held by a second connection, a slow disk made on demand),
// the gold stored afterwards is the same as before (provenance, quote), and
// a write that fails rolls its row back and is reported, naming what failed;
// a decision's write, which waits for the frame that shows it, is stored
// also in a window that paints no frame.
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createRoot, type Root } from 'react-dom/client';
import { buildDocumentRecord } from '@core/document.ts';
import { GOLD_ANNOTATOR_ID, type AnnotatorRecord, type DocumentRecord } from '@core/model.ts';
import { utf16ToCp } from '@core/offsets.ts';
import { db } from '../db/db.ts';
import { getRejected } from '../db/gold.ts';
import { createProfile } from '../db/profile.ts';
import { makeSpan } from '../db/spans.ts';
import { FailureList } from '../components/FailureList.tsx';
import { currentFailures, dismissFailure } from '../failures.ts';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { holdTables } from '../test/hold-tables.ts';
import { waitFor } from '../test/wait.ts';
import { ReviewView } from './ReviewView.tsx';

const TEXT =
  'وأضاف الكاظمي: "لا توجد حاجة لأي قوات قتالية أجنبية"، وقال إن المستشارين سيبقون.\nفقرة ثانية عن الانسحاب الكامل.';
const AGREED = 'قوات قتالية أجنبية';
const OMAR_ONLY = 'الانسحاب الكامل';

let root: Root | null = null;
let host: HTMLElement | null = null;
let self: AnnotatorRecord;
let doc: DocumentRecord;

function spanOver(annotatorId: string, quote: string, label: string) {
  const start = utf16ToCp(TEXT, TEXT.indexOf(quote));
  return makeSpan({
    docId: doc.id,
    annotatorId,
    label,
    start,
    end: start + [...quote].length,
    quote,
  });
}

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  for (const f of currentFailures()) dismissFailure(f.id);
  self = await createProfile(db, 'Laila');
  doc = await buildDocumentRecord({ text: TEXT, title: 'اختبار' });
  await db.documents.put(doc);
  await db.annotators.bulkPut(
    ['Ahmad', 'Omar'].map((id) => ({ id, name: id, kind: 'colleague' as const, createdAt: 1 })),
  );
  const agreed = { ...spanOver('Ahmad', AGREED, 'pro-withdrawal'), note: 'قالها الكاظمي' };
  await db.spans.bulkAdd([
    agreed,
    { ...spanOver('Omar', AGREED, 'pro-withdrawal'), note: 'قالها الكاظمي' },
    spanOver('Omar', OMAR_ONLY, 'pro-coalition'),
  ]);
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  root.render(
    <I18nProvider open>
      <ReviewView self={self} docId={doc.id} />
      <FailureList layer={0} />
    </I18nProvider>,
  );
  await waitFor(() =>
    expect(button(`Accept “${AGREED}” as pro-withdrawal into gold`)).toBeTruthy(),
  );
});

afterEach(() => {
  root?.unmount();
  host?.remove();
  vi.restoreAllMocks();
});

function button(name: string): HTMLButtonElement | undefined {
  return [...host!.querySelectorAll('button')].find((b) => b.getAttribute('aria-label') === name);
}

/** The proposal row holding `quote`: its class, state text, whether it is still being written. */
function row(quote: string): { className: string; state: string; busy: boolean } {
  const li = [...host!.querySelectorAll<HTMLElement>('li.proposal')].find((l) =>
    l.textContent!.includes(quote),
  )!;
  return {
    className: li.className,
    state: li.querySelector('.state')!.textContent!,
    busy: li.getAttribute('aria-busy') === 'true',
  };
}

const goldSpans = () =>
  db.spans.where('[docId+annotatorId]').equals([doc.id, GOLD_ANNOTATOR_ID]).toArray();

it('shows an accept in its row before the write commits, then stores the same gold as before', async () => {
  const hold = await holdTables(db.name, ['spans']);
  button(`Accept “${AGREED}” as pro-withdrawal into gold`)!.click();
  // The write waits behind the hold: whatever the row shows now is unsaved.
  await waitFor(() =>
    expect(row(AGREED)).toEqual({ className: 'proposal accepted', state: 'in gold', busy: true }),
  );
  expect(button(`Accept “${AGREED}” as pro-withdrawal into gold`)!.disabled).toBe(true);
  await hold.release();
  await waitFor(async () => expect(await goldSpans()).toHaveLength(1));
  expect((await goldSpans())[0]).toMatchObject({
    label: 'pro-withdrawal',
    quote: AGREED,
    provenance: ['Ahmad', 'Omar'],
    note: 'قالها الكاظمي',
  });
  // Once stored and read back, the row shows the stored state and the gold list has it.
  await waitFor(() => expect(row(AGREED).busy).toBe(false));
  expect(row(AGREED).className).toBe('proposal accepted');
  expect(host!.querySelector('[aria-label="Gold spans"]')!.textContent).toContain(
    'agreed: Ahmad, Omar',
  );
});

it('rolls the row back and names what failed when the write fails', async () => {
  const hold = await holdTables(db.name, ['spans']);
  vi.spyOn(IDBObjectStore.prototype, 'add').mockImplementation(() => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  });
  button(`Accept “${AGREED}” as pro-withdrawal into gold`)!.click();
  await waitFor(() => expect(row(AGREED).className).toBe('proposal accepted'));
  await hold.release();
  await waitFor(() =>
    expect(document.querySelector('[role="alert"]')?.textContent).toMatch(
      /^Accepting “قوات قتالية أجنبية” as pro-withdrawal into gold failed \(Review\): the disk or the browser storage quota is full \(QuotaExceededError\)/,
    ),
  );
  expect(row(AGREED)).toEqual({ className: 'proposal', state: 'pending', busy: false });
  expect(button(`Accept “${AGREED}” as pro-withdrawal into gold`)!.disabled).toBe(false);
  vi.restoreAllMocks();
  expect(await goldSpans()).toEqual([]);
  // The next accept that is stored clears the failure.
  button(`Accept “${AGREED}” as pro-withdrawal into gold`)!.click();
  await waitFor(async () => expect(await goldSpans()).toHaveLength(1));
  await waitFor(() => expect(document.querySelector('[role="alert"]')).toBeNull());
});

it('rejects and undoes the rejection from the keyboard, each shown at once and stored', async () => {
  const hold = await holdTables(db.name, ['settings']);
  button(`Reject “${OMAR_ONLY}” as pro-coalition`)!.focus();
  await userEvent.keyboard('{Enter}');
  await waitFor(() =>
    expect(row(OMAR_ONLY)).toEqual({
      className: 'proposal rejected',
      state: 'rejected',
      busy: true,
    }),
  );
  await hold.release();
  await waitFor(async () => expect(await getRejected(db, doc.id)).toHaveLength(1));
  await waitFor(() => expect(row(OMAR_ONLY).busy).toBe(false));

  const undo = button(`Undo rejecting “${OMAR_ONLY}” as pro-coalition`)!;
  undo.focus();
  await userEvent.keyboard('{Enter}');
  await waitFor(() => expect(row(OMAR_ONLY).className).toBe('proposal'));
  await waitFor(async () => expect(await getRejected(db, doc.id)).toEqual([]));
  await waitFor(() => expect(row(OMAR_ONLY).busy).toBe(false));
  expect(row(OMAR_ONLY).state).toBe('pending');
  expect(await goldSpans()).toEqual([]);
});

it('stores an accept made while no frame is painted (a hidden window)', async () => {
  // A window that paints nothing never runs animation frames.
  vi.spyOn(window, 'requestAnimationFrame').mockImplementation(() => 0);
  button(`Accept “${AGREED}” as pro-withdrawal into gold`)!.click();
  await waitFor(async () => expect(await goldSpans()).toHaveLength(1));
  await waitFor(() =>
    expect(row(AGREED)).toEqual({ className: 'proposal accepted', state: 'in gold', busy: false }),
  );
});
