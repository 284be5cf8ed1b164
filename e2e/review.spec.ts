// Reviewing colleagues' labels end to end: import two colleagues' files,
// read the agreement dashboard, adjudicate a document into gold in its
// review lanes, and export gold with its provenance.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { ARTICLE_1, C, K, W, W_SHORT, colleagueFile } from './review-data.ts';
import { importDatasetFile, startAs } from './helpers.ts';

async function importColleague(page: Page, annotator: string): Promise<void> {
  await importDatasetFile(
    page,
    { name: `${annotator}.jsonl`, content: colleagueFile(annotator) },
    { read: '2 valid lines', done: ['spans added'] },
  );
}

test('import two colleagues, read the dashboard, adjudicate a document, export gold', async ({
  page,
}) => {
  // A long journey (two imports, the dashboard, a whole adjudication, an export).
  test.slow();
  await page.setViewportSize({ width: 1600, height: 1000 });
  await startAs(page, 'ليلى حسن');
  await importColleague(page, 'Ahmad Kareem');
  await importColleague(page, 'Sara Ali');

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const dash = page.getByRole('region', { name: 'Agreement dashboard' });
  await expect(dash.getByRole('status').first()).toContainText('2 documents, 2 annotators');

  // Exact span F1, Ahmad–Sara, macro over the three labels they used:
  // pro-withdrawal {W, X} vs {W_SHORT, C, X} → 2·1/5 = 0.4; pro-coalition
  // {C} vs {} → 0; kurdish-skepticism {K} vs {K} → 1. Mean = 1.4/3 = 0.467.
  await dash.getByRole('combobox', { name: 'Pair figure' }).selectOption('f1_exact');
  const cell = dash.getByRole('button', {
    name: /span F1, exact Ahmad Kareem and Sara Ali, all labels \(macro\): 0\.467/,
  });
  await expect(cell).toBeVisible();
  // Every number opens the spans behind it: Sara's short extent of W only
  // overlaps Ahmad's, and her pro-withdrawal C is unmatched.
  await cell.click();
  const evidence = page.getByRole('dialog', { name: /Spans behind span F1, exact/ });
  const items = evidence.getByRole('listitem');
  await expect(items.filter({ hasText: 'Sara Ali' }).filter({ hasText: W_SHORT })).toContainText(
    'overlaps only',
  );
  await expect(
    evidence.getByRole('listitem').filter({ hasText: 'Sara Ali' }).filter({ hasText: C }),
  ).toContainText('unmatched');
  await page.screenshot({ path: test.info().outputPath('review-dashboard.png') });
  await evidence.getByRole('button', { name: 'Close' }).click();

  // The set of documents can be narrowed by words (diacritics and alef
  // variants folded): "الجولة الرابعة" only occurs in the second article.
  await dash.getByRole('searchbox', { name: 'Containing' }).fill('الجولة الرابعة');
  await expect(dash.getByRole('status').first()).toContainText('1 document, 2 annotators');
  await dash.getByRole('searchbox', { name: 'Containing' }).fill('');
  await expect(dash.getByRole('status').first()).toContainText('2 documents, 2 annotators');

  // The first article has two disagreements (W's extent, C's label); the
  // second none, so the first comes first.
  const rows = dash.getByRole('table', { name: 'Documents by disagreement' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(ARTICLE_1.title);
  await expect(rows.nth(1).getByRole('button', { name: /^Disagreements in .*: 2$/ })).toBeVisible();
  await expect(rows.nth(2).getByRole('button', { name: /^Disagreements in .*: 0$/ })).toBeVisible();
  await rows
    .nth(1)
    .getByRole('button', { name: `Review ${ARTICLE_1.title}` })
    .click();

  const review = page.getByRole('region', { name: `Review of ${ARTICLE_1.title}` });
  await expect(page.getByRole('tab', { name: 'Review', selected: true })).toBeVisible();
  await expect(review).toContainText(
    '2 disagreeing regions; by kind: 1 same extent, different label, 1 overlapping, different extent',
  );
  // Lanes are painted with the CSS Custom Highlight API from code-point
  // anchors: pro-coalition (the second label colour) covers exactly C in
  // Ahmad's lane; Sara's lane paints C as pro-withdrawal.
  const painted = (name: string): Promise<string[]> =>
    page.evaluate(
      (n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()),
      name,
    );
  await expect.poll(() => painted('rv-l1')).toEqual([C]);
  expect((await painted('rv-l0')).sort()).toEqual([C, W, W_SHORT].sort());

  // Clicking a span in a lane brings up its adjudication row.
  const box = await page.evaluate((phrase) => {
    const r = [...(CSS.highlights.get('rv-l0') ?? [])].find(
      (x) => (x as Range).toString() === phrase,
    );
    const rect = (r as Range).getBoundingClientRect();
    return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
  }, W_SHORT);
  await page.mouse.click(box.x, box.y);
  await expect(
    review.getByRole('button', { name: `Accept “${W_SHORT}” as pro-withdrawal into gold` }),
  ).toBeFocused();

  // One action accepts what both agree on exactly: K.
  await review
    .getByRole('button', { name: 'Accept all where at least 2 annotators agree exactly' })
    .click();
  await expect(review.getByRole('status').first()).toContainText('Accepted 1 span into gold');
  const gold = review.getByRole('list', { name: 'Gold spans' }).getByRole('listitem');
  await expect(gold).toHaveCount(1);
  await expect(gold).toContainText('agreed: Ahmad Kareem, Sara Ali');

  // C: Ahmad's pro-coalition, not Sara's pro-withdrawal.
  await review.getByRole('button', { name: `Accept “${C}” as pro-coalition into gold` }).click();
  await review.getByRole('button', { name: `Reject “${C}” as pro-withdrawal` }).click();
  // W: start from Sara's shorter extent, then extend it word by word to the
  // end of the clause, where it becomes Ahmad's span.
  await review
    .getByRole('button', { name: `Accept “${W_SHORT}” as pro-withdrawal into gold` })
    .click();
  const goldW = gold.filter({ hasText: 'لا حاجة' });
  await expect(goldW).toContainText('agreed: Sara Ali');
  await review.getByRole('button', { name: `Edit gold span “${W_SHORT}”` }).click();
  for (const words of ['أجنبية على', 'على الأراضي', 'الأراضي العراقية']) {
    await review.getByRole('button', { name: 'Extend end by a word' }).click();
    await expect(goldW).toContainText(words);
  }
  await expect(goldW).toContainText('agreed: Ahmad Kareem');
  await expect(gold).toHaveCount(3);
  await review.getByRole('button', { name: 'Mark adjudicated' }).click();
  await expect(review).toContainText('Gold is marked adjudicated.');
  await page.getByRole('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('review-view.png') });

  // Export gold: one line, the adjudicated document, with provenance.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exp = page.getByRole('dialog', { name: 'Export dataset' });
  await exp
    .getByRole('group', { name: 'Annotators' })
    .getByRole('checkbox', { name: 'Gold' })
    .check();
  const download = page.waitForEvent('download');
  await exp.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  const lines = (await readFile((await file.path())!, 'utf8')).trim().split('\n');
  const goldLines = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  expect(goldLines.map((l) => l._annotator_id)).toEqual(['gold']);
  const spans = goldLines[0]!.spans as { text: string; label: string; agreed_by: string[] }[];
  expect(spans.map((s) => [s.text, s.label, s.agreed_by])).toEqual([
    [W, 'pro-withdrawal', ['Ahmad Kareem']],
    [C, 'pro-coalition', ['Ahmad Kareem']],
    [K, 'kurdish-skepticism', ['Ahmad Kareem', 'Sara Ali']],
  ]);
});
