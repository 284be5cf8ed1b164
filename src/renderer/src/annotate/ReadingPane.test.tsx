// Runs in real Chromium on real IndexedDB: the reading pane turns a
// selection plus a hotkey into a stored span, paints it without touching
// the text nodes, and reports a failed write instead of showing it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import { buildDocumentRecord } from '@core/document.ts';
import type { AnnotatorRecord, DocumentRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import { createProfile } from '../db/profile.ts';
import { updateSession } from '../annotate/session.ts';
import { FailureList } from '../components/FailureList.tsx';
import { currentFailures, dismissFailure } from '../failures.ts';
import { ReadingPane } from './ReadingPane.tsx';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { SpanPanel } from './SpanPanel.tsx';
import { holdTables } from '../test/hold-tables.ts';
import { waitFor } from '../test/wait.ts';

const TEXT =
  'وأضاف الكاظمي: "لا توجد حاجة لأي قوات قتالية أجنبية"، وقال إن CIA تراقب 2500 جندي.\nفقرة ثانية عن الانسحاب.';

let root: Root | null = null;
let host: HTMLElement | null = null;
let self: AnnotatorRecord;
let doc: DocumentRecord;

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.map((t) => t.clear()));
  self = await createProfile(db, 'Laila');
  doc = await buildDocumentRecord({ text: TEXT, title: 'اختبار' });
  await db.documents.put(doc);
  updateSession({ selectedSpanId: null, pending: null, sticky: null, notice: null });
  for (const f of currentFailures()) dismissFailure(f.id);
  host = document.createElement('div');
  document.body.appendChild(host);
  root = createRoot(host);
  root.render(
    <I18nProvider open>
      <ReadingPane self={self} docId={doc.id} />
      <SpanPanel self={self} docId={doc.id} />
      <FailureList layer={0} />
    </I18nProvider>,
  );
  await waitFor(() => expect(host!.querySelector('.rp-para')).not.toBeNull());
  // The label set is read on its own: a hotkey means nothing until it is
  // (the toolbar's sticky-label list then offers Off and the three default labels).
  await waitFor(() =>
    expect(host!.querySelector('.rp-tools select')?.querySelectorAll('option')).toHaveLength(4),
  );
});

afterEach(() => {
  root?.unmount();
  host?.remove();
  vi.restoreAllMocks();
});

/**
 * Selects `needle` in the paragraph holding it (backwards, as a
 * right-to-left drag from its end would) and releases the mouse once, as a
 * hand does: the pane's listeners are live from the moment its text is in
 * the DOM.
 */
function dragOver(needle: string, opts: { partial?: boolean; altKey?: boolean } = {}): void {
  const p = [...host!.querySelectorAll('.rp-para')].find((x) => x.textContent!.includes(needle))!;
  const node = p.firstChild as Text;
  const a = node.data.indexOf(needle) + (opts.partial ? 1 : 0);
  const b = node.data.indexOf(needle) + needle.length - (opts.partial ? 1 : 0);
  const sel = window.getSelection()!;
  sel.removeAllRanges();
  sel.setBaseAndExtent(node, b, node, a);
  p.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, button: 0 }));
  p.dispatchEvent(
    new MouseEvent('mouseup', { bubbles: true, button: 0, altKey: opts.altKey ?? false }),
  );
}

/** Drags over `needle` and waits for the pane's "Selection" status line to show it. */
async function selectAndRelease(
  needle: string,
  opts: { partial?: boolean; altKey?: boolean } = {},
): Promise<void> {
  dragOver(needle, opts);
  const status = host!.querySelector('[role="status"][aria-label="Selection"]')!;
  await waitFor(() => expect(status.textContent).toMatch(/^Selected:/));
}

function press(key: string, code: string): void {
  document.body.dispatchEvent(new KeyboardEvent('keydown', { key, code, bubbles: true }));
}

describe('ReadingPane', () => {
  it('renders each paragraph right to left as a single text node', () => {
    const paras = [...host!.querySelectorAll('.rp-para')];
    expect(paras.map((p) => p.textContent)).toEqual(TEXT.split('\n'));
    for (const p of paras) {
      expect(p.getAttribute('dir')).toBe('rtl');
      expect(p.childNodes.length).toBe(1);
    }
  });

  it('snaps a partial selection to whole words, stores the span on hotkey 1 and paints it', async () => {
    await selectAndRelease('الكاظمي: "لا توجد', { partial: true });
    press('1', 'Digit1');
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    const [span] = await db.spans.toArray();
    expect(span).toMatchObject({
      label: 'pro-withdrawal',
      quote: 'الكاظمي: "لا توجد',
      start: 6,
      end: 23,
      annotatorId: 'Laila',
    });
    expect((await db.statuses.get([doc.id, 'Laila']))?.status).toBe('in-progress');
    await waitFor(() => expect(CSS.highlights.has('sw-l0')).toBe(true));
    // Painting never splits the text node.
    expect(host!.querySelector('.rp-para')!.childNodes.length).toBe(1);
    await waitFor(() =>
      expect(host!.querySelector('[aria-label="Spans"]')!.textContent).toContain(
        'الكاظمي: "لا توجد',
      ),
    );
  });

  it('with Alt selects characters, keeping a letter with its marks', async () => {
    await selectAndRelease('CIA', { partial: true, altKey: true });
    press('2', 'Digit2');
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    expect((await db.spans.toArray())[0]).toMatchObject({ quote: 'I', label: 'pro-coalition' });
  });

  it('shows a failed write as an error and never as a saved span', async () => {
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    });
    await selectAndRelease('قوات قتالية');
    press('1', 'Digit1');
    await waitFor(() =>
      expect(host!.querySelector('[role="alert"]')?.textContent).toMatch(
        /^Saving the edit “add pro-withdrawal span” failed \(Reading pane\): the disk or the browser storage quota is full \(QuotaExceededError\)/,
      ),
    );
    vi.restoreAllMocks();
    expect(await db.spans.count()).toBe(0);
    // The span painted while it was being written is taken back.
    expect(CSS.highlights.get('sw-l0')?.size ?? 0).toBe(0);
    expect(host!.querySelector('[aria-label="Spans"]')).toBeNull();
  });

  it('undoes and redoes with Ctrl+Z and Ctrl+Shift+Z', async () => {
    await selectAndRelease('جندي');
    press('3', 'Digit3');
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'z', code: 'KeyZ', ctrlKey: true, bubbles: true }),
    );
    await waitFor(async () => expect(await db.spans.count()).toBe(0));
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', {
        key: 'Z',
        code: 'KeyZ',
        ctrlKey: true,
        shiftKey: true,
        bubbles: true,
      }),
    );
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    expect((await db.spans.toArray())[0]!.quote).toBe('جندي');
  });

  it('takes its shortcuts from key positions with an Arabic keyboard layout', async () => {
    await selectAndRelease('جندي');
    press('3', 'Digit3');
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    // Ctrl+Z on an Arabic layout types ئ; Shift+/ types the Arabic question mark.
    document.body.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'ئ', code: 'KeyZ', ctrlKey: true, bubbles: true }),
    );
    await waitFor(async () => expect(await db.spans.count()).toBe(0));
    press('؟', 'Slash');
    await waitFor(() =>
      expect(document.querySelector('[role="dialog"], dialog[open]')).not.toBeNull(),
    );
  });
  // A slow disk, made on demand: the span table is held by another
  // connection, so the first span's write waits until the test lets go.
  it('labels the selection made while an earlier span was being written, never that span', async () => {
    const hold = await holdTables(db.name, ['spans']);
    await selectAndRelease('قوات قتالية');
    press('1', 'Digit1');
    await selectAndRelease('جندي');
    await hold.release();
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    // The finished write left the new selection alone: the next hotkey labels it.
    expect(host!.querySelector('[aria-label="Selection"]')!.textContent).toMatch(/جندي/);
    press('2', 'Digit2');
    await waitFor(async () => expect(await db.spans.count()).toBe(2));
    const byQuote = Object.fromEntries((await db.spans.toArray()).map((s) => [s.quote, s.label]));
    expect(byQuote).toEqual({ 'قوات قتالية': 'pro-withdrawal', جندي: 'pro-coalition' });
  });

  it('applies a hotkey pressed while the pane is still reading its labels', async () => {
    root!.unmount();
    // Rewriting the labels in a transaction drops Dexie's cached label
    // query, so the new pane must read them from IndexedDB, which is held.
    const labels = await db.labels.toArray();
    await db.transaction('rw', db.labels, () => db.labels.bulkPut(labels));
    const hold = await holdTables(db.name, ['labels']);
    root = createRoot(host!);
    root.render(
      <I18nProvider open>
        <ReadingPane self={self} docId={doc.id} />
      </I18nProvider>,
    );
    await waitFor(() => expect(host!.querySelector('.rp-para')).not.toBeNull());
    await selectAndRelease('جندي');
    // The labels are not read yet: the sticky-label menu offers only "Off".
    const sticky = host!.querySelector<HTMLSelectElement>('.rp-tools select')!;
    expect(sticky.options.length).toBe(1);
    press('3', 'Digit3');
    await hold.release();
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    expect((await db.spans.toArray())[0]).toMatchObject({
      quote: 'جندي',
      label: 'kurdish-skepticism',
    });
  });

  it('leaves the text where the analyst scrolled when a span made earlier is stored', async () => {
    const long = await buildDocumentRecord({
      text: Array.from({ length: 80 }, (_, i) => `الفقرة ${i + 1}. ${TEXT}`).join('\n'),
      title: 'مقال طويل',
    });
    await db.documents.put(long);
    host!.className = 'reading-pane';
    host!.style.height = '300px';
    host!.style.overflow = 'auto';
    root!.render(
      <I18nProvider open>
        <ReadingPane self={self} docId={long.id} />
      </I18nProvider>,
    );
    await waitFor(() =>
      expect(host!.querySelector('.rp-para')!.textContent).toMatch(/^الفقرة 1\./),
    );
    updateSession({ sticky: 'pro-withdrawal' });
    const hold = await holdTables(db.name, ['spans']);
    // Sticky mode: the drag makes the span at once; then the analyst reads on.
    dragOver('الفقرة 1.');
    host!.scrollTop = host!.scrollHeight / 2;
    const first = host!.querySelector('.rp-para')!;
    const outOfView = (): boolean =>
      first.getBoundingClientRect().bottom < host!.getBoundingClientRect().top;
    expect(outOfView()).toBe(true);
    await hold.release();
    await waitFor(async () => expect(await db.spans.count()).toBe(1));
    await waitFor(() => expect(CSS.highlights.has('sw-selected')).toBe(true));
    // A later render has run every effect of the earlier ones.
    updateSession({ notice: { id: 'edit.nothingToRedo' } });
    await waitFor(() =>
      expect(host!.querySelector('[aria-label="Selection"]')!.textContent).toBe('Nothing to redo.'),
    );
    // The span's paragraph was not scrolled back into view.
    expect(outOfView()).toBe(true);
  });
});
