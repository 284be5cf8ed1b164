// The Actors dialog as an analyst tidies the list: duplicates merged, an
// actor deleted, each undone (buttons and Ctrl+Z); and adjudication settling
// a gold span's holder and attribution, which the Analysis view then counts
// as gold.
import { expect, test } from '@playwright/test';
import { firstRun, openDocument } from './annotate-helpers.ts';
import { importDatasetFile } from './helpers.ts';
import { seedColleagueFile } from './seed-annotations.ts';

const DOC_KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
const KADHIMI = { name: 'مصطفى الكاظمي', en: 'Mustafa al-Kadhimi' };

test('duplicates merged, an actor deleted, each undone; gold attribution settled in Review', async ({
  page,
}) => {
  test.slow();
  await firstRun(page);
  await importDatasetFile(
    page,
    { name: 'ahmad.jsonl', content: seedColleagueFile('Ahmad Kareem') },
    { read: '3 valid lines', done: ['0 new documents, 3 matched'] },
  );
  await page.getByRole('button', { name: 'Actors…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actors' });
  const actors = dialog.getByRole('table', { name: 'Project actors' }).locator('tbody tr');
  for (const [ar, en] of [
    [KADHIMI.name, KADHIMI.en],
    ['رئيس الوزراء العراقي', 'Iraqi prime minister'],
  ] as const) {
    await dialog.getByRole('button', { name: 'New actor', exact: true }).click();
    const form = dialog.getByRole('form', { name: 'New actor' });
    await form.getByRole('textbox', { name: 'Arabic name' }).fill(ar);
    await form.getByRole('textbox', { name: 'English name' }).fill(en);
    await form.getByRole('button', { name: 'Save actor' }).click();
    await expect(dialog.getByRole('status')).toContainText(`Created: ${ar}`);
  }
  await expect(actors).toHaveCount(2);

  // Merge the title into the person: one actor, the title an alias.
  await dialog.getByRole('checkbox', { name: `Select ${KADHIMI.name} for merging` }).check();
  await dialog.getByRole('checkbox', { name: 'Select رئيس الوزراء العراقي for merging' }).check();
  await dialog.getByRole('combobox', { name: 'Keep' }).selectOption({ label: KADHIMI.name });
  await dialog.getByRole('button', { name: 'Merge 2 actors into the one kept' }).click();
  await expect(actors).toHaveCount(1);
  await expect(actors.first()).toContainText('رئيس الوزراء العراقي');
  await dialog.getByRole('button', { name: /^Undo: merge/ }).click();
  await expect(actors).toHaveCount(2);
  await dialog.getByRole('button', { name: /^Redo: merge/ }).click();
  await expect(actors).toHaveCount(1);
  // Delete, and undo with the keyboard.
  await dialog.getByRole('button', { name: `Delete ${KADHIMI.name}` }).click();
  await expect(dialog.getByText('No actors yet.')).toBeVisible();
  await dialog.getByRole('button', { name: /^Undo: delete/ }).focus();
  await page.keyboard.press('Control+z');
  await expect(actors).toHaveCount(1);
  await expect(actors.first()).toContainText(KADHIMI.en);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Adjudication: Ahmad's Kadhimi span into gold, its holder and attribution settled.
  await openDocument(page, DOC_KADHIMI);
  await page.getByRole('tab', { name: 'Review' }).click();
  const quote = 'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية';
  await page.getByRole('button', { name: `Accept “${quote}” as pro-withdrawal into gold` }).click();
  await page.getByRole('button', { name: `Edit gold span “${quote}”` }).click();
  const gold = page.getByRole('group', { name: 'Gold attribution' });
  await gold.getByRole('combobox', { name: 'Gold holder' }).selectOption({ label: KADHIMI.name });
  await gold.getByRole('combobox', { name: 'Gold attribution' }).selectOption({
    label: 'Direct quote',
  });
  await expect(gold.getByRole('combobox', { name: 'Gold attribution' })).toHaveValue(
    'direct-quote',
  );
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const view = page.getByRole('region', { name: 'Analysis' });
  await view
    .getByRole('combobox', { name: 'Spans of' })
    .selectOption({ label: 'Gold (adjudicated)' });
  const row = view.getByRole('table', { name: 'Actors × labels' }).getByRole('row', {
    name: KADHIMI.name,
  });
  await expect(row.getByRole('cell')).toHaveText(['1', '0', '0', '1']);
});
