// The digits setting (Western or Arabic-Indic, chosen in the header) holds
// for the figures analysts read off tables: the Analysis view's counts and
// charts, the suggestion evaluation panel's F1 figures, counts, reasons and
// threshold field, the current suggestion's score, and the agreement
// dashboard's caption. In the English interface, so it is the setting, not
// the language, that decides.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { seedStanceLines } from '../tests/fixtures/seed-stances.ts';
import { firstRun, openDocument } from './annotate-helpers.ts';
import { importDatasetFile, countOf } from './helpers.ts';
import { seedColleagueFile } from './seed-annotations.ts';

const SELF = 'Laila';
const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
const WESTERN = /[0-9]/;
const ARABIC_INDIC = /[٠-٩]/;

/** The texts of `cells`, trimmed. */
async function texts(cells: Locator): Promise<string[]> {
  return (await cells.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
}

/**
 * A first run with the analyst's own spans on four seed articles (the
 * Kadhimi article held back, so the model suggests there); returns their count.
 */
async function withOwnSpans(page: Page): Promise<number> {
  await firstRun(page, SELF);
  const lines = seedStanceLines(SELF).slice(1);
  const spans = lines.reduce((n, l) => n + (JSON.parse(l) as { spans: unknown[] }).spans.length, 0);
  await importDatasetFile(
    page,
    { name: 'my-stances.jsonl', content: lines.join('\n') },
    { read: 'Some lines carry your own annotator id', done: [`${countOf(spans, 'span')} added`] },
  );
  return spans;
}

test('Arabic-Indic digits in the evaluation panel and the current suggestion', async ({ page }) => {
  // The suggester trains on the analyst's spans in a worker before it evaluates.
  test.slow();
  const spans = await withOwnSpans(page);
  // The evaluation follows all of the analyst's spans before digits change.
  await openDocument(page, KADHIMI);
  await expect(page.getByRole('status', { name: 'Suggester status' })).toContainText(
    `and your ${countOf(spans, 'span')}.`,
    { timeout: 60_000 },
  );
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('arab');

  await page.getByRole('button', { name: 'Evaluation…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Suggestion evaluation' });
  const model = dialog.getByRole('region', { name: 'Model' });
  await expect(model.getByRole('table')).toContainText('Pro-withdrawal');
  const figures = await texts(model.getByRole('cell'));
  expect(figures.length).toBeGreaterThan(0);
  for (const f of figures) {
    expect(f, `evaluation figure "${f}"`).not.toMatch(WESTERN);
    expect(f === '—' || ARABIC_INDIC.test(f), `evaluation figure "${f}"`).toBe(true);
  }
  // The threshold field shows its value in the chosen digits and reads a
  // value typed in them; the reason line says it in them too.
  const threshold = model.getByRole('textbox', {
    name: 'Threshold for Model (held-out overlap F1)',
  });
  await expect(threshold).toHaveValue('٠٫٥');
  await threshold.fill('٠٫٠٥');
  await expect(model.getByRole('heading')).toHaveText('Model: On');
  const reason = model.locator('.suggest-reason');
  await expect(reason).toContainText('reaches the threshold ٠٫٠٥');
  // "F1" is the measure's name, not a figure.
  expect((await reason.innerText()).replaceAll('F1', '')).not.toMatch(WESTERN);
  // Arrow keys step it as a number field does.
  await threshold.press('ArrowUp');
  await expect(reason).toContainText('reaches the threshold ٠٫١');
  await expect(threshold).toHaveValue('٠٫١');
  // What is not a number from 0 to 1 is refused, and said so.
  await threshold.fill('٢');
  await expect(threshold).toHaveAttribute('aria-invalid', 'true');
  await expect(model.getByRole('alert')).toContainText('Type a number from ٠ to ١');
  await threshold.fill('0.05');
  await expect(threshold).toHaveAttribute('aria-invalid', 'false');
  await page.screenshot({ path: test.info().outputPath('evaluation-arab-digits.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The current suggestion's line: label, source and score, in ٠–٩.
  const current = page.getByRole('group', { name: 'Current suggestion' });
  await expect(current.locator('.suggest-why')).toContainText(/score [٠-٩]٫[٠-٩]{2}$/, {
    timeout: 60_000,
  });
  expect(await current.locator('.suggest-why').innerText()).not.toMatch(WESTERN);
});

test('Arabic-Indic digits in the Analysis table and its charts, and back', async ({ page }) => {
  await withOwnSpans(page);
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('arab');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const view = page.getByRole('region', { name: 'Analysis' });
  const table = view.getByRole('table', { name: 'Actors × labels' });
  await expect(table).toBeVisible();
  const counts = await texts(table.getByRole('cell'));
  expect(counts.length).toBeGreaterThan(0);
  for (const c of counts) {
    expect(c, `analysis count "${c}"`).not.toMatch(WESTERN);
    expect(c, `analysis count "${c}"`).toMatch(ARABIC_INDIC);
  }
  // The charts' drawn figures and date buckets too. An outlet's name is a
  // name and stays as written (the newspaper "26 سبتمبر").
  const charts = view.getByRole('img');
  await expect(charts).toHaveCount(2);
  for (const chart of await charts.all()) {
    const drawn = await chart.locator('text').allTextContents();
    expect(drawn.filter((t) => WESTERN.test(t) && t !== '26 سبتمبر')).toEqual([]);
    expect(drawn.some((t) => ARABIC_INDIC.test(t))).toBe(true);
  }
  await page.screenshot({ path: test.info().outputPath('analysis-arab-digits.png') });

  // Back to Western digits: the same cells read 0–9 again.
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('latn');
  await expect.poll(async () => (await texts(table.getByRole('cell'))).join(' ')).toMatch(WESTERN);
  expect((await texts(table.getByRole('cell'))).join(' ')).not.toMatch(ARABIC_INDIC);
});

test('Arabic-Indic digits in the agreement dashboard caption', async ({ page }) => {
  await firstRun(page, SELF);
  for (const annotator of ['Ahmad Kareem', 'Sara Ali']) {
    await importDatasetFile(
      page,
      { name: `${annotator}.jsonl`, content: seedColleagueFile(annotator) },
      { read: '3 valid lines', done: ['0 new documents, 3 matched'] },
    );
  }
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('arab');
  await page.getByRole('tab', { name: 'Agreement' }).click();
  const dash = page.getByRole('region', { name: 'Agreement dashboard' });
  const caption = dash.locator('figure.alpha-plot figcaption');
  await expect(caption).toContainText('lines at ٠٫٦٦٧ (tentative) and ٠٫٨٠٠ (reliable)');
  await expect(caption).toContainText(/its ٩٥٪\u061c? bootstrap interval/);
  expect(await caption.innerText()).not.toMatch(WESTERN);
  await page.screenshot({ path: test.info().outputPath('agreement-arab-digits.png') });
});
