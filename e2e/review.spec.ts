// Reviewing colleagues' labels: the agreement dashboard, a document's
// review lanes, and adjudication into gold.
import { expect, test } from '@playwright/test';
import { ARTICLE_1, C, K, W, W_SHORT, seedColleagues } from './review-fixture.ts';

test('dashboard figures, review lanes, and adjudicating a document into gold', async ({ page }) => {
  await page.setViewportSize({ width: 1600, height: 1000 });
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('ليلى حسن');
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(dialog).toBeHidden();
  await seedColleagues(page, 'ليلى-حسن');

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const dash = page.getByRole('region', { name: 'Agreement dashboard' });
  await expect(dash.getByRole('status').first()).toContainText('2 documents, 3 annotators');

  // Exact span F1, Ahmad–Sara, macro over the three labels they used:
  // pro-withdrawal {W, X} vs {W_SHORT, C, X} → 2·1/5 = 0.4; pro-coalition
  // {C} vs {} → 0; kurdish-skepticism {K} vs {K} → 1. Mean = 1.4/3 = 0.467.
  await dash.getByRole('combobox', { name: 'Pair figure' }).selectOption('f1_exact');
  const cell = dash.getByRole('button', {
    name: /span F1, exact Ahmad Kareem and Sara Ali, all labels \(macro\): 0\.467/,
  });
  await expect(cell).toBeVisible();
  // The number opens the spans behind it: Sara's short extent is unmatched.
  await cell.click();
  const evidence = page.getByRole('dialog', { name: /Spans behind span F1, exact/ });
  await expect(evidence).toContainText(W_SHORT);
  await expect(evidence).toContainText('unmatched');
  await page.screenshot({ path: '/tmp/review-dashboard.png', fullPage: true });
  await evidence.getByRole('button', { name: 'Close' }).click();

  // The first document has three disagreements: W vs W_SHORT (extent), C
  // labelled two ways (label), K that the analyst did not tag (only some).
  const rows = dash.getByRole('table', { name: 'Documents by disagreement' }).getByRole('row');
  await expect(rows.nth(1)).toContainText(ARTICLE_1.title);
  await expect(rows.nth(1).getByRole('button', { name: /Disagreements in .*: 3/ })).toBeVisible();
  await rows
    .nth(1)
    .getByRole('button', { name: `Review ${ARTICLE_1.title}` })
    .click();

  const review = page.getByRole('region', { name: `Review of ${ARTICLE_1.title}` });
  await expect(review).toContainText('3 disagreements');
  await expect(page.getByRole('tab', { name: 'Review', selected: true })).toBeVisible();

  // Lanes are painted with the CSS Custom Highlight API: the pro-coalition
  // highlight (second label colour) covers C in the analyst's and Ahmad's
  // lanes, exactly; Sara's lane paints C as pro-withdrawal instead.
  const painted = (name: string): Promise<string[]> =>
    page.evaluate(
      (n) => [...(CSS.highlights.get(n) ?? [])].map((r) => (r as Range).toString()),
      name,
    );
  await expect.poll(() => painted('rv-l1')).toEqual([C, C]);
  expect(await painted('rv-l0')).toEqual(expect.arrayContaining([W, W, W_SHORT, C]));

  await review
    .getByRole('button', { name: 'Accept all where at least 2 annotators agree exactly' })
    .click();
  await expect(review.getByRole('status').first()).toContainText('Accepted 3 spans into gold');
  // Gold spans are listed under each passage.
  const gold = review.getByRole('list', { name: 'Gold spans' }).getByRole('listitem');
  await expect(gold).toHaveCount(3);

  // Prefer Sara's shorter extent: reject W, accept W_SHORT.
  await review.getByRole('button', { name: `Reject “${W}” as pro-withdrawal` }).click();
  await review
    .getByRole('button', { name: `Accept “${W_SHORT}” as pro-withdrawal into gold` })
    .click();
  await expect(gold.filter({ hasText: W_SHORT })).toContainText('agreed: Sara Ali');
  // Edit: K shrunk by one word at the end is nobody's span any more.
  await review.getByRole('button', { name: `Edit gold span “${K}”` }).click();
  await review.getByRole('button', { name: 'Shrink end by a word' }).click();
  await expect(gold.filter({ hasText: 'no annotator has exactly this span' })).toHaveCount(1);
  await expect(gold.filter({ hasText: C })).toContainText('agreed: Ahmad Kareem, ليلى حسن');
  await expect(gold).toHaveCount(3);
  await expect.poll(() => painted('rv-l1')).toEqual([C, C, C]);
  await page.getByRole('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: '/tmp/review-view.png' });
});
