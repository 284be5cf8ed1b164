// First run in a fresh profile: the analyst is asked for a name once, the
// default labels appear, and both come back from IndexedDB after a reload.
import { expect, test } from '@playwright/test';

test('first run asks for the name, shows the default labels, and keeps both after reload', async ({
  page,
}) => {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await expect(dialog).toBeVisible();

  // An empty name is refused with a message naming what is missing.
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Enter your name');

  // A bidi override would make the name (every span's annotator id) lie about itself.
  await dialog.getByRole('textbox', { name: 'Your name' }).fill('ليلى\u202E حسن');
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Your name contains U+202E (right-to-left override), an invisible or control character: type it without.',
  );

  await dialog.getByRole('textbox', { name: 'Your name' }).fill('ليلى حسن');
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(dialog).toBeHidden();

  const header = page.getByRole('banner');
  await expect(header).toContainText('ليلى حسن');
  const labels = page.getByRole('list', { name: 'Labels' });
  await expect(labels.getByRole('listitem')).toHaveText([
    /pro-withdrawal.*مؤيد للانسحاب/,
    /pro-coalition.*مؤيد لبقاء التحالف/,
    /kurdish-skepticism.*تشكك كردي/,
  ]);
  await expect(labels.getByLabel('hotkey 1')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('banner')).toContainText('ليلى حسن');
  await expect(page.getByRole('dialog', { name: 'Welcome to Stance Workbench' })).toHaveCount(0);
  await expect(page.getByRole('list', { name: 'Labels' }).getByRole('listitem')).toHaveCount(3);
});
