// The digits setting (Western or Arabic-Indic, chosen in the header) holds
// for the figures analysts read off tables: the Analysis view's counts and
// charts, and the suggestion evaluation panel's F1 figures and counts. In
// the English interface, so it is the setting, not the language, that
// decides.
import { expect, test, type Locator } from '@playwright/test';
import { seedStanceLines } from '../tests/fixtures/seed-stances.ts';
import { firstRun } from './annotate-helpers.ts';
import { importDatasetFile } from './helpers.ts';

const SELF = 'Laila';
const WESTERN = /[0-9]/;
const ARABIC_INDIC = /[٠-٩]/;

/** The texts of `cells`, trimmed. */
async function texts(cells: Locator): Promise<string[]> {
  return (await cells.allInnerTexts()).map((t) => t.trim()).filter((t) => t !== '');
}

test('Arabic-Indic digits in the Analysis table, its charts and the evaluation panel', async ({
  page,
}) => {
  test.setTimeout(180_000);
  await firstRun(page, SELF);
  const lines = seedStanceLines(SELF);
  const spans = lines.reduce((n, l) => n + (JSON.parse(l) as { spans: unknown[] }).spans.length, 0);
  await importDatasetFile(
    page,
    { name: 'my-stances.jsonl', content: lines.join('\n') },
    { read: 'Some lines carry your own annotator id', done: [`${spans} span(s) added`] },
  );
  // The evaluation follows all of the analyst's spans before digits change.
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  await expect(page.getByRole('status', { name: 'Suggester status' })).toContainText(
    `and your ${spans} span(s).`,
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
  await page.screenshot({ path: test.info().outputPath('evaluation-arab-digits.png') });
  await dialog.getByRole('button', { name: 'Close' }).click();

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
