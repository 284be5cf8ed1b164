// Someone who reads only Arabic must understand why a file was refused: in
// the Arabic interface, a dataset with bad lines is listed line by line in
// Arabic (line numbers and offsets in Arabic-Indic digits), the refusal to
// import such a file is said in Arabic, and a file in the wrong encoding is
// an Arabic alert naming its line and byte. axe checks the dialog with it.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { encodeCp1256 } from '../src/core/testing/cp1256.ts';
import { startAs } from './helpers.ts';

const TEXT = 'قال المتحدث إن الانسحاب ضروري';
const GOOD = JSON.stringify({ text: TEXT, spans: [], _annotator_id: 'Sara' });
const BACKWARDS = JSON.stringify({
  text: TEXT,
  spans: [{ start: 5, end: 3, label: 'pro-withdrawal' }],
  _annotator_id: 'Sara',
});

/** Chooses `bytes` as `name` in the open Import dataset dialog (in Arabic). */
async function choose(page: Page, name: string, bytes: Buffer): Promise<void> {
  const dialog = page.getByRole('dialog', { name: 'استيراد مجموعة بيانات' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'اختيار ملف مجموعة بيانات…' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/jsonl', buffer: bytes });
}

/** Fails on any serious or critical axe violation. */
async function axe(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' '))}`);
  expect(bad).toEqual([]);
}

test('a bad dataset file is explained in Arabic, naming its lines', async ({ page }) => {
  await startAs(page, 'ليلى');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');

  await page.getByRole('button', { name: 'استيراد مجموعة بيانات…' }).click();
  const dialog = page.getByRole('dialog', { name: 'استيراد مجموعة بيانات' });
  await choose(page, 'bad.jsonl', Buffer.from([GOOD, BACKWARDS, '{"text": "x",'].join('\n')));

  // Each bad line, by its number, in Arabic words and Arabic-Indic digits.
  const bad = dialog.getByRole('list', { name: 'الأسطر المعيبة' }).getByRole('listitem');
  await expect(bad).toHaveCount(2);
  await expect(bad.nth(0)).toContainText('السطر ٢');
  await expect(bad.nth(0)).toContainText('spans[0]');
  await expect(bad.nth(0)).toContainText('يجب أن تكون النهاية (٣) أكبر من البداية (٥)');
  await expect(bad.nth(1)).toContainText('السطر ٣');
  await expect(bad.nth(1)).toContainText('ليس JSON صالحًا');

  // Only "valid lines only" can import such a file: the count says why.
  await expect(dialog).toContainText('سطران معيبان');
  await expect(dialog.getByRole('button', { name: 'استيراد', exact: true })).toBeDisabled();
  await page.screenshot({ path: test.info().outputPath('ar-bad-lines.png') });

  // A file in Windows-1256: refused whole, naming the line and byte, in Arabic.
  const legacy = encodeCp1256('{"text":"الانسحاب ضروري","spans":[]}\n');
  await choose(page, 'legacy.jsonl', Buffer.from(legacy));
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText('legacy.jsonl');
  await expect(alert).toContainText('السطر ١');
  await expect(alert).toContainText('ليس UTF-8 صالحًا عند البايت ٩');
  await expect(alert).toContainText('يبدو الملف بترميز Windows-1256 (العربي القديم)');
  await expect(alert).toContainText('لا يمكن استيراد شيء منه');
  await expect(alert).toContainText('فشل: قراءة');
  await page.screenshot({ path: test.info().outputPath('ar-not-utf8.png') });
  await axe(page, 'import dialog with an Arabic failure');
});
