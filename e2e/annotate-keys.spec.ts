// Keyboard-first annotation on the seed articles: character mode with Alt
// inside a word, resizing by words, next span, relabelling through the
// label editor, the document stance, and "done & next".
import { expect, test } from '@playwright/test';
import {
  cpSlice,
  documentText,
  drag,
  dragPhrase,
  firstRun,
  openDocument,
  phrasePoints,
  spanItems,
  storedSpans,
} from './annotate-helpers.ts';

const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';

test.describe('zoomed', () => {
  test.use({ deviceScaleFactor: 2 });
  test('Alt-drag selects letters inside a word, which stays joined', async ({ page }) => {
    await firstRun(page);
    await openDocument(page, KADHIMI);
    const word = 'الأراضي';
    const { first, last } = await phrasePoints(page, word);
    await page.keyboard.down('Alt');
    // From inside the second letter to inside the second-to-last one.
    const step = (last.x - first.x) / (word.length - 1);
    await drag(page, { x: first.x + step, y: first.y }, { x: last.x - step, y: last.y });
    await page.keyboard.up('Alt');
    await page.keyboard.press('1');
    await expect(spanItems(page)).toHaveCount(1);
    const [span] = await storedSpans(page);
    expect(word.includes(span!.quote) && span!.quote.length < word.length).toBe(true);
    expect(cpSlice(await documentText(page, span!.docId), span!.start, span!.end)).toBe(
      span!.quote,
    );
    // A second span over the whole word overlaps the partial one.
    await dragPhrase(page, 'على الأراضي العراقية');
    await page.keyboard.press('3');
    await expect(spanItems(page)).toHaveCount(2);
    await page.keyboard.press('Escape');
    // Joined: the paragraph is still one text node, and the highlighted word
    // is as wide as the same word shaped on its own. Cut at the span's edges
    // (as wrapping elements would), its letters take their unjoined forms
    // and the width changes: the check can tell.
    const widths = await page.evaluate(
      ({ word, start, end }) => {
        const p = [...document.querySelectorAll('.rp-para')].find((x) =>
          x.textContent?.includes(word),
        )!;
        const node = p.firstChild as Text;
        const i = node.data.indexOf(word);
        const r = document.createRange();
        r.setStart(node, i);
        r.setEnd(node, i + word.length);
        const probe = (parts: string[]): number => {
          const el = document.createElement('span');
          for (const part of parts) {
            const piece = document.createElement('span');
            piece.style.display = 'inline-block';
            piece.textContent = part;
            el.append(piece);
          }
          p.append(el);
          const w = el.getBoundingClientRect().width;
          el.remove();
          return w;
        };
        return {
          textNodes: p.childNodes.length,
          inPane: r.getBoundingClientRect().width,
          alone: probe([word]),
          cut: probe([word.slice(0, start), word.slice(start, end), word.slice(end)]),
        };
      },
      {
        word,
        start: word.indexOf(span!.quote),
        end: word.indexOf(span!.quote) + span!.quote.length,
      },
    );
    expect(widths.textNodes).toBe(1);
    expect(Math.abs(widths.inPane - widths.alone)).toBeLessThan(0.5);
    expect(Math.abs(widths.cut - widths.alone)).toBeGreaterThan(1);
    const clip = await page.evaluate(() => {
      const p = [...document.querySelectorAll('.rp-para')].find((x) =>
        x.textContent?.includes('على الأراضي العراقية'),
      )!;
      const node = p.firstChild as Text;
      const i = node.data.indexOf('على الأراضي العراقية');
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 'على الأراضي العراقية'.length);
      const b = r.getBoundingClientRect();
      return { x: b.left - 10, y: b.top - 8, width: b.width + 20, height: b.height + 24 };
    });
    await page.screenshot({ path: test.info().outputPath('annotate-inside-word.png'), clip });
  });
});

test('resize by words, step through spans, and see it all in the span panel', async ({ page }) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);
  await dragPhrase(page, 'مصطفى الكاظمي');
  await page.keyboard.press('2');
  await expect(spanItems(page)).toHaveCount(1);
  // The new span is selected: Shift+← grows its end by one word (right to left).
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(spanItems(page).first()).toContainText('مصطفى الكاظمي،');
  await page.keyboard.press('Shift+ArrowLeft');
  await expect(spanItems(page).first()).toContainText('مصطفى الكاظمي، إن');
  await page.keyboard.press('Shift+Alt+ArrowRight');
  await expect(spanItems(page).first()).toContainText('، مصطفى الكاظمي، إن');
  await page.keyboard.press('Control+z');
  await expect(spanItems(page).first()).toContainText('مصطفى الكاظمي، إن');
  await expect(spanItems(page).first()).not.toContainText('، مصطفى');
  const [span] = await storedSpans(page);
  expect(span!.quote).toBe('مصطفى الكاظمي، إن');

  await dragPhrase(page, 'لا توجد حاجة');
  await page.keyboard.press('1');
  await expect(spanItems(page)).toHaveCount(2);
  await page.keyboard.press('Escape');
  await page.keyboard.press('n');
  await expect(spanItems(page).first()).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('n');
  await expect(spanItems(page).nth(1)).toHaveAttribute('aria-current', 'true');
  await page.keyboard.press('Delete');
  await expect(spanItems(page)).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('annotate-pane.png') });
});

test('renaming a label relabels its spans; deleting it asks first', async ({ page }) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);
  await dragPhrase(page, 'مصطفى الكاظمي');
  await page.keyboard.press('1');
  await expect(spanItems(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Edit labels' }).click();
  const dialog = page.getByRole('dialog', { name: 'Edit labels' });
  await dialog.getByRole('textbox', { name: 'Name', exact: true }).fill('Withdrawal now');
  await dialog.getByRole('button', { name: 'Save label' }).click();
  await expect(page.getByRole('list', { name: 'Labels' })).toContainText('withdrawal-now');
  await expect(spanItems(page).first()).toContainText('Withdrawal now');
  expect((await storedSpans(page))[0]!.label).toBe('withdrawal-now');

  await dialog.getByRole('button', { name: 'Delete label' }).click();
  await expect(dialog.getByRole('alert')).toContainText('used by 1 span: yours 1.');
  await page.screenshot({ path: test.info().outputPath('label-delete-confirm.png') });
  await expect(spanItems(page)).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Delete label and its spans' }).click();
  await expect(page.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveCount(2);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('list', { name: 'Spans' })).toHaveCount(0);
});

test('document stance, text size, and done & next', async ({ page }) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);
  const tools = page.getByRole('toolbar', { name: 'Annotation tools' });
  // Document stance and text size are in the toolbar's More tools menu.
  const more = tools.getByRole('group', { name: 'More tools' });
  await tools.getByRole('button', { name: 'More tools' }).click();
  await more.getByRole('combobox', { name: 'Document stance' }).selectOption('neutral');
  await expect(tools).toContainText('In progress');
  await more.getByRole('button', { name: 'Larger text' }).click();
  await expect(page.getByRole('article', { name: 'Article text' })).toHaveCSS('font-size', '22px');

  await page.getByRole('article', { name: 'Article text' }).click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+Enter');
  const options = page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
  await expect(options.nth(0)).toContainText('Done');
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('[');
  await expect(options.nth(0)).toHaveAttribute('aria-selected', 'true');
  await expect(more).toBeHidden();
  await tools.getByRole('button', { name: 'More tools' }).click();
  await expect(more.getByRole('combobox', { name: 'Document stance' })).toHaveValue('neutral');

  await page.reload();
  await openDocument(page, KADHIMI);
  await expect(page.getByRole('article', { name: 'Article text' })).toHaveCSS('font-size', '22px');
  await expect(page.getByRole('toolbar', { name: 'Annotation tools' })).toContainText('Done');
});

test('sticky label: every selection becomes a span; clicking a span selects it', async ({
  page,
}) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);
  await page.keyboard.press('Shift+Digit3');
  const tools = page.getByRole('toolbar', { name: 'Annotation tools' });
  await expect(tools.getByRole('combobox', { name: 'Sticky label' })).toHaveValue(
    'kurdish-skepticism',
  );
  const one = 'مصطفى الكاظمي';
  const two = 'قوات قتالية أجنبية';
  for (const [i, phrase] of [one, two].entries()) {
    const { first, last } = await phrasePoints(page, phrase);
    await drag(page, first, last);
    await expect(spanItems(page)).toHaveCount(i + 1);
  }
  const spans = await storedSpans(page);
  expect(spans.map((s) => [s.label, s.quote]).sort()).toEqual(
    [
      ['kurdish-skepticism', one],
      ['kurdish-skepticism', two],
    ].sort(),
  );
  await tools.getByRole('combobox', { name: 'Sticky label' }).selectOption('');

  // A click (no drag) on a word of the first span selects that span.
  await page.keyboard.press('Escape');
  const { first } = await phrasePoints(page, one);
  await page.mouse.click(first.x, first.y);
  await expect(spanItems(page).filter({ hasText: one })).toHaveAttribute('aria-current', 'true');
  await expect(page.getByRole('form', { name: 'Selected span' })).toContainText(one);
});

test('drag handles move the edges of the selected span by words', async ({ page }) => {
  await firstRun(page);
  await openDocument(page, KADHIMI);
  await dragPhrase(page, 'مصطفى الكاظمي');
  await page.keyboard.press('1');
  await expect(spanItems(page)).toHaveCount(1);
  // The new span is selected and shows its two handles; drag the end one
  // (on the left, in right-to-left text) onto the next word but one.
  const handles = page.locator('.rp-handle');
  await expect(handles.nth(1)).toBeVisible();
  const target = await phrasePoints(page, 'إن بلاده');
  const endNow = (await handles.nth(1).boundingBox())!;
  await page.mouse.move(endNow.x + endNow.width / 2, endNow.y + endNow.height / 2);
  await page.mouse.down();
  await page.mouse.move(target.first.x, target.first.y, { steps: 5 });
  await page.mouse.up();
  await page.screenshot({ path: test.info().outputPath('annotate-handles.png') });
  await expect(spanItems(page).first()).toContainText('مصطفى الكاظمي، إن');
  expect((await storedSpans(page))[0]!.quote).toBe('مصطفى الكاظمي، إن');
  await page.keyboard.press('Control+z');
  await expect(spanItems(page).first()).not.toContainText('، إن');
});
