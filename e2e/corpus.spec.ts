// The corpus: a first run shows the five sample articles with their titles,
// dates and outlets; files dropped on the window are imported or refused
// with a reason; search ignores diacritics.
import { readFileSync } from 'node:fs';
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

/** Drops files on the window the way a file manager does. */
async function dropFiles(page: Page, files: { name: string; bytes: number[] }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }
  }, files);
}

test('dropping a Windows-1256 article and a bad file imports one and explains the other', async ({
  page,
}) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(5);

  const cp1256 = [...readFileSync('e2e/fixtures/parliament-windows-1256.txt')];
  const binary = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48];
  await dropFiles(page, [
    { name: 'parliament-windows-1256.txt', bytes: cp1256 },
    { name: 'scan.txt', bytes: binary },
  ]);

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toHaveText('2 files: 1 imported, 1 not imported.');
  await expect(report.getByRole('listitem')).toHaveText([
    'parliament-windows-1256.txt: imported as “البرلمان العراقي يناقش قانون الانتخابات الجديد”',
    'scan.txt: not imported: the file is binary, not text',
  ]);
  await expect(list.getByRole('option')).toHaveCount(6);
  const added = list.getByRole('option', {
    name: /البرلمان العراقي يناقش قانون الانتخابات الجديد/,
  });
  await expect(added).toContainText('2021-07-29');
  // The imported article opens, and its cleanup shows the share line removed.
  await expect(added).toHaveAttribute('aria-selected', 'true');

  // The same article again is recognised, not duplicated.
  await dropFiles(page, [{ name: 'again.txt', bytes: cp1256 }]);
  await expect(report.getByRole('listitem')).toHaveText([
    'again.txt: already in the corpus as “البرلمان العراقي يناقش قانون الانتخابات الجديد”; not imported again',
  ]);
  await expect(list.getByRole('option')).toHaveCount(6);
  await report.getByRole('button', { name: 'Dismiss' }).click();
  await expect(report).toBeHidden();
});

test('search ignores diacritics, tatweel and letter variants', async ({ page }) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const search = page.getByRole('searchbox', { name: 'Search documents' });
  // Tashkeel and alef maqsura for yeh: still finds 004's title.
  await search.fill('نِيجِيرفان بارزانى');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('نيجيرفان بارزاني');
  // Tatweel and a body word (not in any title): "سفين دزيي" is quoted in 000 only.
  await search.fill('سفيـــن دزيي');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('قال رئيس الوزراء العراقي');
  await search.fill('');
  await expect(list.getByRole('option')).toHaveCount(5);
  await expect(page.getByText('5 of 5 documents')).toBeVisible();
});

test('the cleanup view lists what was removed and why, and switches to the raw text', async ({
  page,
}) => {
  await firstRun(page);
  await page.getByRole('option', { name: /واشنطن قد تسحب قواتها/ }).click();
  const toggle = page.getByRole('button', { name: /Cleanup: 8 removals/ });
  await toggle.click();
  const removals = page.getByRole('list', { name: 'Removed at import' }).getByRole('listitem');
  await expect(removals).toHaveCount(8);
  await expect(removals.nth(0)).toContainText('Date line (the date is kept as metadata)');
  await expect(removals.nth(0)).toContainText('الجمعة 2021/07/23');
  await expect(removals.nth(5)).toContainText('increase حجم الخط decrease');
  await expect(removals.nth(7)).toContainText('Comments section');
  await page.screenshot({ path: '/tmp/corpus-cleanup.png' });

  await page.getByRole('radio', { name: 'Raw text, as imported' }).click();
  await expect(
    page.getByRole('button', { name: /Cleanup: 8 removals \(raw text in use\)/ }),
  ).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Raw text, as imported' })).toBeChecked();
  // Still one document for this article, now selected under its new id.
  await expect(page.getByRole('option', { name: /واشنطن قد تسحب قواتها/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await page.getByRole('radio', { name: 'Cleaned text' }).click();
  await expect(page.getByRole('button', { name: /^Cleanup: 8 removals$/ })).toBeVisible();
});
