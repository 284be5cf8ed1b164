// The dataset dialogs are modal: while Export, Import dataset or Backup is
// open, the article behind it gets no key. Seen before: Delete removed the
// selected span behind the open Export dialog. Shortcuts act only on the
// workbench that has focus, and act again once the dialog is closed.
import { expect, test } from '@playwright/test';
import { dragPhrase, firstRun, openDocument, spanItems, storedSpans } from './annotate-helpers.ts';

const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';

const DIALOGS = [
  ['Export…', 'Export dataset'],
  ['Import dataset…', 'Import dataset'],
  ['Backup…', 'Backup and restore'],
] as const;

for (const [button, name] of DIALOGS) {
  test(`no shortcut reaches the article behind the open ${name} dialog`, async ({ page }) => {
    await firstRun(page);
    await openDocument(page, KADHIMI);
    await dragPhrase(page, 'مصطفى الكاظمي');
    await page.keyboard.press('1');
    await expect(spanItems(page)).toHaveCount(1);
    // The new span is the selected one: Delete would remove it.
    await expect(spanItems(page).first()).toHaveAttribute('aria-current', 'true');
    // Article 000 names no title: its heading says so (the next document's would not).
    const title = page.getByRole('heading', { level: 2, name: 'No title' });
    await expect(title).toBeVisible();

    await page.getByRole('button', { name: button }).click();
    const dialog = page.getByRole('dialog', { name });
    await expect(dialog).toBeVisible();
    // Focus is inside the dialog, and stays there.
    await page.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
    // Delete, a label hotkey, next span and next document: all for the article.
    for (const key of ['Delete', 'Backspace', '2', 'n', ']']) await page.keyboard.press(key);
    await page.screenshot({ path: test.info().outputPath('modal.png') });
    await page.keyboard.press('Escape');
    await expect(dialog).toBeHidden();
    await expect(spanItems(page)).toHaveCount(1);
    await expect(title).toBeVisible();
    const [span] = await storedSpans(page);
    expect(span).toMatchObject({ label: 'pro-withdrawal', quote: 'مصطفى الكاظمي' });

    // With the dialog closed the same key acts on the article again.
    await page.keyboard.press('Delete');
    await expect(spanItems(page)).toHaveCount(0);
    expect(await storedSpans(page)).toEqual([]);
  });
}
