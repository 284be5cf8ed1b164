// Article 000 of the sample corpus names no title and no date on its page.
// The workbench says so plainly ("No title", "No date") rather than passing
// a cut-off first sentence off as a title, and still lets the analyst tell
// the article apart by its opening words, quoted beside "No title".
import { expect, test } from '@playwright/test';
import en from '../src/core/i18n/messages/en.json' with { type: 'json' };
import ar from '../src/core/i18n/messages/ar.json' with { type: 'json' };
import { firstRun, openDocument } from './annotate-helpers.ts';

const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';

test('an article whose page names no title says "No title" plainly, beside its opening words', async ({
  page,
}) => {
  await firstRun(page, 'ليلى');
  const row = page
    .getByRole('listbox', { name: 'Documents' })
    .getByRole('option')
    .filter({ hasText: KADHIMI });
  await expect(row).toContainText(en['toolbar.noTitle']);
  await expect(row).toContainText(en['docs.noDate']);
  await expect(row.locator('q')).toContainText(KADHIMI);
  // The other four keep the titles their pages give.
  await expect(
    page
      .getByRole('option')
      .filter({ hasText: 'واشنطن قد تسحب قواتها المقاتلة من العراق نهاية 2021' }),
  ).not.toContainText(en['toolbar.noTitle']);

  await openDocument(page, KADHIMI);
  await expect(page.getByRole('heading', { level: 2, name: en['toolbar.noTitle'] })).toBeVisible();
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(
    page.getByRole('region', { name: `Review of ${en['toolbar.noTitle']}` }),
  ).toBeVisible();

  await page.getByRole('combobox', { name: en['header.language'] }).selectOption('ar');
  const rowAr = page
    .getByRole('listbox', { name: ar['workbench.documents'] })
    .getByRole('option')
    .filter({ hasText: KADHIMI });
  await expect(rowAr).toContainText(ar['toolbar.noTitle']);
  await page.screenshot({ path: test.info().outputPath('untitled-ar.png') });
});
