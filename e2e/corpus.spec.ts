// The corpus: a first run shows the five sample articles with their titles,
// dates and outlets; files dropped on the window are imported or refused
// with a reason; search ignores diacritics.
import { expect, test, type Page } from '@playwright/test';

async function firstRun(page: Page): Promise<void> {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('Laila');
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(dialog).toBeHidden();
}

test('a first run shows the five sample articles with titles, dates and outlets', async ({
  page,
}) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(5);
  await expect(options.nth(0)).toContainText('قال رئيس الوزراء العراقي، مصطفى الكاظمي');
  await expect(options.nth(0)).toContainText('الشرق');
  await expect(options.nth(1)).toContainText('واشنطن قد تسحب قواتها المقاتلة من العراق نهاية 2021');
  await expect(options.nth(1)).toContainText('المدن');
  await expect(options.nth(1)).toContainText('2021-07-23');
  await expect(options.nth(2)).toContainText('العراق وإنهاء التواجد الأمريكي والأجنبي من أراضيها');
  await expect(options.nth(2)).toContainText('26 سبتمبر');
  await expect(options.nth(2)).toContainText('2021-07-25');
  await expect(options.nth(3)).toContainText('قمة مرتقبة بين بايدن والكاظمي في واشنطن');
  await expect(options.nth(3)).toContainText('رووداو');
  await expect(options.nth(3)).toContainText('2021-07-26');
  await expect(options.nth(4)).toContainText('نيجيرفان بارزاني: نتائج الحوار الستراتيجي');
  await expect(options.nth(4)).toContainText('2021-07-27');
  await expect(options.first()).toContainText('Not started');

  // Selecting a document marks it selected; the arrow keys move on.
  await options.nth(1).click();
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(2)).toBeFocused();

  // A reload (the first run again, from the browser's point of view) adds nothing.
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await page.screenshot({ path: '/tmp/corpus-list.png' });
});
