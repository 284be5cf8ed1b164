// Colleagues' annotations of the bundled seed articles attach to the seed
// documents already in the profile, and their agreement and disagreements
// read from the dashboard and the review lanes.
import { expect, test, type Page } from '@playwright/test';
import { seedColleagueFile } from './seed-annotations.ts';
import { importDatasetFile, startAs } from './helpers.ts';

async function importColleague(page: Page, annotator: string): Promise<void> {
  // The three seed articles are matched, not duplicated.
  await importDatasetFile(
    page,
    { name: `${annotator}.jsonl`, content: seedColleagueFile(annotator) },
    { read: '3 valid lines', done: ['0 new documents, 3 matched'] },
  );
}

test('colleagues on the seed articles: dashboard and review lanes', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await startAs(page, 'ليلى حسن');
  await importColleague(page, 'Ahmad Kareem');
  await importColleague(page, 'Sara Ali');

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const dash = page.getByRole('region', { name: 'Agreement dashboard' });
  await expect(dash.getByRole('status').first()).toContainText('3 documents, 2 annotators');
  // One disagreement in each article: extent, label, only one annotator.
  const table = dash.getByRole('table', { name: 'Documents by disagreement' });
  await expect(table.getByRole('button', { name: /^Disagreements in .*: 1$/ })).toHaveCount(3);
  // The label-disagreement count of the WSJ article opens the two spans.
  await table
    .getByRole('button', { name: /^same extent, different label in واشنطن.*: 1$/ })
    .click();
  const evidence = page.getByRole('dialog', { name: /^Spans behind same extent, different label/ });
  const items = evidence.getByRole('listitem');
  await expect(items).toHaveCount(2);
  await expect(items.filter({ hasText: 'Ahmad Kareem' })).toContainText('pro-coalition');
  await expect(items.filter({ hasText: 'Sara Ali' })).toContainText('pro-withdrawal');
  await expect(items.first()).toContainText('نحتاج إلى تعاون في المجال الاستخباراتي');
  await page.screenshot({ path: test.info().outputPath('review-seed-dashboard.png') });
  await evidence.getByRole('button', { name: 'Close' }).click();

  await table.getByRole('button', { name: /^Review .*الكاظمي/ }).click();
  const review = page.getByRole('region', { name: /^Review of / });
  await expect(review).toContainText(
    '1 disagreeing region; by kind: 1 overlapping, different extent',
  );
  await expect(review.getByRole('group', { name: /^Passage/ })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath('review-seed-view.png') });
});
