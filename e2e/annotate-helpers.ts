// Helpers of the annotation e2e tests: real mouse drags over phrases found
// in the reading pane, and reading spans straight from IndexedDB.
import { expect, type Locator, type Page } from '@playwright/test';
import { startAs } from './helpers.ts';

export interface StoredSpan {
  id: string;
  docId: string;
  label: string;
  start: number;
  end: number;
  quote: string;
  annotatorId: string;
}

/** Creates the analyst's profile through the first-run dialog. */
export async function firstRun(page: Page, name = 'ليلى حسن'): Promise<void> {
  await page.setViewportSize({ width: 1400, height: 900 });
  await startAs(page, name);
}

/**
 * Viewport points inside the first and last characters of `phrase` in the
 * reading pane (scrolled into view first), found with DOM Ranges.
 */
export async function phrasePoints(
  page: Page,
  phrase: string,
): Promise<{ first: { x: number; y: number }; last: { x: number; y: number } }> {
  return page.evaluate(async (phrase) => {
    const measure = () => {
      for (const p of document.querySelectorAll('.rp-para')) {
        const node = p.firstChild as Text | null;
        const i = node?.data.indexOf(phrase) ?? -1;
        if (!node || i < 0) continue;
        const point = (a: number) => {
          const r = document.createRange();
          r.setStart(node, a);
          r.setEnd(node, a + 1);
          const b = r.getBoundingClientRect();
          // Off the exact centre: Chromium does not start a selection when
          // the mouse goes down exactly where two caret positions meet.
          return { x: b.left + b.width * 0.3, y: b.top + b.height / 2 };
        };
        return { p, node, i, first: point(i), last: point(i + phrase.length - 1) };
      }
      throw new Error(`phrase not in the reading pane: ${phrase}`);
    };
    const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    // The Arabic web font reflows the text when it arrives.
    await document.fonts.ready;
    const m = measure();
    const scroller = m.p.closest('.reading-pane')!;
    const view = scroller.getBoundingClientRect();
    scroller.scrollBy({ top: m.first.y - view.top - view.height / 2, behavior: 'instant' });
    // Wait until the layout is still for a few frames (panels above the text
    // may still be appearing).
    let prev = JSON.stringify(measure().first);
    for (let k = 0, still = 0; k < 100 && still < 3; k++) {
      await frame();
      const now = JSON.stringify(measure().first);
      still = now === prev ? still + 1 : 0;
      prev = now;
    }
    const { first, last } = measure();
    return { first, last };
  }, phrase);
}

/** Drags the mouse from `from` to `to` in steps, like a hand would. */
export async function drag(
  page: Page,
  from: { x: number; y: number },
  to: { x: number; y: number },
): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/**
 * Drags over `phrase` from its first to its last character, or backwards,
 * once, as a hand would, and waits for the pane to show the selection: a
 * real drag must work the first time.
 */
export async function dragPhrase(
  page: Page,
  phrase: string,
  backwards = false,
  /** The selection status's name and text in the interface language. */
  status = { name: 'Selection', text: 'Selected:' },
): Promise<void> {
  const { first, last } = await phrasePoints(page, phrase);
  await (backwards ? drag(page, last, first) : drag(page, first, last));
  await expect(page.getByRole('status', { name: status.name })).toContainText(status.text);
}

/** Every stored span, read with the raw IndexedDB API. */
export async function storedSpans(page: Page): Promise<StoredSpan[]> {
  return page.evaluate(
    () =>
      new Promise<StoredSpan[]>((resolve, reject) => {
        const req = indexedDB.open('stance-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('spans').objectStore('spans').getAll();
          get.onsuccess = () => {
            req.result.close();
            resolve(get.result as StoredSpan[]);
          };
          get.onerror = () => reject(get.error);
        };
      }),
  );
}

/** The open document's text, read from IndexedDB by id. */
export async function documentText(page: Page, docId: string): Promise<string> {
  return page.evaluate(
    (docId) =>
      new Promise<string>((resolve, reject) => {
        const req = indexedDB.open('stance-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const get = req.result.transaction('documents').objectStore('documents').get(docId);
          get.onsuccess = () => {
            req.result.close();
            resolve((get.result as { text: string }).text);
          };
          get.onerror = () => reject(get.error);
        };
      }),
    docId,
  );
}

/** Python-style text[start:end] with code-point offsets. */
export function cpSlice(text: string, start: number, end: number): string {
  return Array.from(text).slice(start, end).join('');
}

/** Opens the document titled `title` and waits for the bundled Arabic font. */
export async function openDocument(page: Page, title: string): Promise<void> {
  await page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    .filter({ hasText: title })
    .click();
  await expect(page.getByRole('article', { name: 'Article text' })).toBeVisible();
  // Measure text only once the bundled Arabic font is in use.
  await page.evaluate(async () => {
    await document.fonts.load('20px "Noto Naskh Arabic"', 'قال');
    await document.fonts.ready;
  });
}

/** The items of the side panel's span list. */
export function spanItems(page: Page): Locator {
  return page.getByRole('list', { name: 'Spans' }).getByRole('listitem');
}
