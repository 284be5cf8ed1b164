// Annotating the seed articles with real mouse drags in Chromium: the
// stored span's quote is exactly the phrase dragged over, in either
// direction and across Latin words; overlapping spans, undo and redo, and
// everything survives a reload.
import { expect, test, type Page } from '@playwright/test';
import {
  cpSlice,
  documentText,
  dragPhrase,
  firstRun,
  openDocument,
  phrasePoints,
  spanItems,
  storedSpans,
} from './annotate-helpers.ts';

const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
const WITHDRAWAL = 'العراق وإنهاء التواجد الأمريكي والأجنبي من أراضيها';

/** Checks a stored span against the document text: offsets and quote agree. */
async function expectExact(page: Page, quote: string): Promise<void> {
  const spans = await storedSpans(page);
  const span = spans.find((s) => s.quote === quote);
  expect(
    span,
    `a stored span quoting “${quote}”; stored: ${spans.map((s) => s.quote).join(' | ')}`,
  ).toBeDefined();
  const text = await documentText(page, span!.docId);
  expect(cpSlice(text, span!.start, span!.end)).toBe(quote);
}

test('drag over a phrase, forwards and backwards, and press a hotkey: the quote is exact', async ({
  page,
}) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);

  const phrase = 'لا توجد حاجة لأي قوات قتالية أجنبية';
  await dragPhrase(page, phrase);
  await page.keyboard.press('1');
  await expect(spanItems(page)).toHaveCount(1);
  await expect(spanItems(page).first()).toContainText(phrase);
  await expect(spanItems(page).first()).toContainText('Pro-withdrawal');
  await expectExact(page, phrase);

  const backwards = 'وقوات الأمن والجيش العراقي قادران على الدفاع';
  await dragPhrase(page, backwards, true);
  await page.keyboard.press('2');
  await expect(spanItems(page)).toHaveCount(2);
  await expectExact(page, backwards);
  await expect(spanItems(page).nth(1)).toContainText('Pro-coalition');

  // The first span makes the document in progress.
  await expect(page.getByRole('toolbar', { name: 'Annotation tools' })).toContainText(
    'In progress',
  );

  // Numbers keep their order: a phrase with 2500 is stored as written.
  const numbers = 'نحو 2500 جندي';
  await dragPhrase(page, numbers);
  await page.keyboard.press('3');
  await expect(spanItems(page)).toHaveCount(3);
  await expectExact(page, numbers);
});

test('drag across a Latin word inside Arabic text', async ({ page }) => {
  await firstRun(page);
  await openDocument(page, WITHDRAWAL);
  const phrase = 'المركزية (CIA) والباحث';
  await dragPhrase(page, phrase, true);
  await page.getByRole('button', { name: /kurdish-skepticism/ }).click();
  await expect(spanItems(page)).toHaveCount(1);
  await expect(spanItems(page).first()).toContainText('Kurdish skepticism');
  await expectExact(page, phrase);
});

test.describe('at device scale factor 2', () => {
  test.use({ deviceScaleFactor: 2 });
  test('overlapping spans, undo and redo, and a reload keeps everything', async ({ page }) => {
    await firstRun(page);
    await openDocument(page, KADHIMI);

    const outer = 'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية';
    const inner = 'قوات قتالية أجنبية';
    await dragPhrase(page, outer);
    await page.keyboard.press('1');
    await expect(spanItems(page)).toHaveCount(1);
    await dragPhrase(page, inner, true);
    await page.keyboard.press('3');
    await expect(spanItems(page)).toHaveCount(2);
    await expectExact(page, outer);
    await expectExact(page, inner);

    // Hovering the overlap tells how many spans cover it.
    const { first } = await phrasePoints(page, inner);
    await page.mouse.move(first.x, first.y);
    await expect(page.getByRole('tooltip')).toHaveText(
      '2 spans: Kurdish skepticism, Pro-withdrawal',
    );

    // Letters stay joined under overlapping highlights: look at it, zoomed.
    await page.keyboard.press('Escape');
    await page.mouse.move(5, 5);
    const box = await page.evaluate((outer) => {
      const p = [...document.querySelectorAll('.rp-para')].find((x) =>
        x.textContent?.includes(outer),
      )!;
      const node = p.firstChild as Text;
      const r = document.createRange();
      const i = node.data.indexOf(outer);
      r.setStart(node, i);
      r.setEnd(node, i + outer.length);
      const b = r.getBoundingClientRect();
      return { x: b.left - 10, y: b.top - 10, width: b.width + 20, height: b.height + 30 };
    }, outer);
    await page.screenshot({ path: test.info().outputPath('annotate-overlap.png'), clip: box });

    // Undo removes the inner span, redo brings it back; undo twice empties.
    await page.keyboard.press('Control+z');
    await expect(spanItems(page)).toHaveCount(1);
    await page.keyboard.press('Control+Shift+Z');
    await expect(spanItems(page)).toHaveCount(2);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('list', { name: 'Spans' })).toHaveCount(0);
    await page.keyboard.press('Control+Shift+Z');
    await page.keyboard.press('Control+Shift+Z');
    await expect(spanItems(page)).toHaveCount(2);

    // Relabel the selected span with a hotkey, add a holder, then reload.
    await spanItems(page).filter({ hasText: 'Kurdish skepticism' }).getByRole('button').click();
    await page.keyboard.press('2');
    await expect(spanItems(page).filter({ hasText: 'Pro-coalition' })).toHaveCount(1);
    const editor = page.getByRole('form', { name: 'Selected span' });
    // No save button: the holder is stored as it is typed.
    await editor.getByRole('combobox', { name: 'Holder (free text)' }).fill('الكاظمي');
    await expect(spanItems(page).filter({ hasText: 'Holder: الكاظمي' })).toHaveCount(1);

    await page.reload();
    await openDocument(page, KADHIMI);
    await expect(spanItems(page)).toHaveCount(2);
    await expect(spanItems(page).nth(0)).toContainText(outer);
    await expect(spanItems(page).nth(1)).toContainText(inner);
    await expect(spanItems(page).nth(1)).toContainText('Pro-coalition');
    await expect(spanItems(page).nth(1)).toContainText('Holder: الكاظمي');
    expect((await storedSpans(page)).map((s) => s.quote).sort()).toEqual([outer, inner].sort());
  });
});

test('the shortcut sheet lists every key, and Esc clears a selection', async ({ page }) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);
  await dragPhrase(page, 'مصطفى الكاظمي');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('status', { name: 'Selection' })).not.toContainText('Selected:');
  await page.keyboard.press('1');
  await expect(page.getByRole('list', { name: 'Spans' })).toHaveCount(0);

  await page.keyboard.press('?');
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  await expect(sheet).toContainText('Undo');
  await expect(sheet).toContainText('Next / previous document');
  await expect(sheet.getByRole('row', { name: /^h Confirm the proposed holder/ })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
