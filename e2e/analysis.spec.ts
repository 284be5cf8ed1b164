// The Analysis view over two colleagues' annotations of the seed articles
// (e2e/seed-annotations.ts): a span they label differently is flagged and
// counted once, the annotator filter changes the counts, and a chart is
// saved as SVG.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { importDatasetFile, startAs } from './helpers.ts';
import { seedColleagueFile } from './seed-annotations.ts';

async function importColleague(page: Page, annotator: string): Promise<void> {
  await importDatasetFile(
    page,
    { name: `${annotator}.jsonl`, content: seedColleagueFile(annotator) },
    { read: '3 valid lines', done: ['0 new documents, 3 matched'] },
  );
}

test('disagreements are flagged and counted once; filters; a chart saved as SVG', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await startAs(page, 'ليلى حسن');
  await importColleague(page, 'Ahmad Kareem');
  await importColleague(page, 'Sara Ali');

  await page.getByRole('tab', { name: 'Analysis' }).click();
  const view = page.getByRole('region', { name: 'Analysis' });
  const table = view.getByRole('table', { name: 'Actors × labels' });
  const cells = (row: string): Promise<string[]> =>
    table
      .getByRole('row', { name: row })
      .getByRole('cell')
      .allInnerTexts()
      .then((t) => t.map((x) => x.trim()));
  // Nine spans, five statements: the WSJ span Ahmad calls pro-coalition and
  // Sara pro-withdrawal counts once, under several labels, flagged.
  await expect(view).toContainText('5 statements from 9 spans in 3 articles.');
  await expect(view).toContainText(
    'Disagreements: 1 statement with different labels, 0 with different holders',
  );
  // Pro-withdrawal, Pro-coalition, Kurdish skepticism, Several labels, Total.
  await expect.poll(() => cells('(no holder)')).toEqual(['2', '2', '0', '1 ⚑1', '5']);
  await table
    .getByRole('button', { name: '1 Several labels statement by (no holder): show the evidence' })
    .click();
  const evidence = view.getByRole('region', { name: 'Evidence: Several labels by (no holder)' });
  await expect(evidence).toContainText('Annotators gave this statement different labels.');
  await expect(evidence).toContainText('marked by Ahmad Kareem, Sara Ali');
  await expect(evidence.getByRole('button', { name: /^Open “نحتاج إلى تعاون/ })).toHaveCount(2);
  await page.screenshot({ path: test.info().outputPath('analysis-disagreement.png') });

  // Sara's spans alone: her label counts, nothing is disputed.
  await view.getByRole('combobox', { name: 'Spans of' }).selectOption({ label: 'Sara Ali' });
  await expect(view).toContainText('5 statements from 5 spans in 3 articles.');
  await expect.poll(() => cells('(no holder)')).toEqual(['3', '2', '0', '5']);
  // One outlet: Rudaw's article only.
  await view.getByRole('combobox', { name: 'Outlet' }).selectOption({ label: 'رووداو' });
  await expect.poll(() => cells('(no holder)')).toEqual(['0', '2', '0', '2']);
  // A date range that leaves out the Rudaw article (27 July).
  await view.getByRole('textbox', { name: 'From', exact: true }).fill('2021-07-20');
  await view.getByRole('textbox', { name: 'To', exact: true }).fill('2021-07-26');
  await expect(view).toContainText('No spans pass the filters.');
  await view.getByRole('textbox', { name: 'To', exact: true }).fill('2021-07-31');
  await expect.poll(() => cells('(no holder)')).toEqual(['0', '2', '0', '2']);

  // The chart by outlet, saved as SVG, draws what the table counts.
  const download = page.waitForEvent('download');
  await view.getByRole('button', { name: 'Save “Stance by outlet” as SVG' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('stance-by-outlet.svg');
  const svg = await readFile((await file.path())!, 'utf8');
  expect(svg).toMatch(/^<\?xml[^>]*>\n<svg[^>]* xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).toContain('>رووداو</text>');
  expect(svg).toContain('>Stance by outlet</text>');
});

test('opened again, the view paints the table it kept, and never a stale one after a change', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await startAs(page, 'ليلى حسن');
  await importColleague(page, 'Ahmad Kareem');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const view = page.getByRole('region', { name: 'Analysis' });
  const summary = view.getByRole('status').filter({ hasText: 'statements from' });
  await expect(summary).toContainText('4 statements from 4 spans in 3 articles.');
  const before = await summary.innerText();

  // A reload (the app started again): the same counts, and their evidence.
  await page.reload();
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(summary).toHaveText(before);
  const table = view.getByRole('table', { name: 'Actors × labels' });
  await table
    .getByRole('button', { name: /by \(no holder\): show the evidence$/ })
    .first()
    .click();
  await expect(
    view
      .getByRole('region', { name: /^Evidence: / })
      .getByRole('listitem')
      .first(),
  ).toContainText('marked by Ahmad Kareem');

  // A colleague's spans arrive: the view counts them, whatever it kept.
  await page.getByRole('tab', { name: 'Annotate' }).click();
  await importColleague(page, 'Sara Ali');
  await page.getByRole('tab', { name: 'Analysis' }).click();
  await expect(view).toContainText('5 statements from 9 spans in 3 articles.');
});
