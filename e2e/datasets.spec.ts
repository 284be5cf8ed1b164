// Datasets through the UI: import a spans JSONL file, export it again
// byte for byte, then import that export in a second, fresh profile, where
// the spans belong to a colleague.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

const TEXT =
  'أعلن رئيس الوزراء العراقي أن الانسحاب الأمريكي ضروري 👍🏽 قبل نهاية العام.\nوقال مسؤول كردي إن الانسحاب سيترك فراغاً أمنياً.';

/** Code-point offsets of `words` (found from UTF-16 index `from`), as Python counts. */
function span(words: string, label: string, from = 0) {
  const start = [...TEXT.slice(0, TEXT.indexOf(words, from))].length;
  return { start, end: start + [...words].length, label, text: words };
}

const SPANS = [
  span('الانسحاب الأمريكي ضروري 👍🏽', 'pro-withdrawal'),
  span('الانسحاب سيترك فراغاً أمنياً', 'kurdish-skepticism', 80),
];

/** A minimal spans JSONL line, as another tool might write it. */
function datasetFile(annotatorId: string): string {
  return `${JSON.stringify({
    text: TEXT,
    spans: SPANS,
    meta: { title: 'الانسحاب الأمريكي', date: '2021-07-26', status: 'done' },
    _annotator_id: annotatorId,
  })}\r\n`;
}

async function start(page: Page, name: string): Promise<void> {
  await page.goto('/');
  const dialog = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await dialog.getByRole('textbox', { name: 'Your name' }).fill(name);
  await dialog.getByRole('button', { name: 'Start annotating' }).click();
  await expect(dialog).toBeHidden();
}

async function importFile(
  page: Page,
  name: string,
  content: string,
  expected: string[] = [],
): Promise<void> {
  await page.getByRole('button', { name: 'Import dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dataset' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose dataset file…' }).click();
  await (
    await chooser
  ).setFiles({ name, mimeType: 'application/jsonl', buffer: Buffer.from(content) });
  await expect(dialog).toContainText('1 valid line(s)');
  await dialog.getByRole('button', { name: 'Import' }).click();
  await expect(dialog.getByRole('status')).toContainText('2 span(s) added');
  for (const text of expected) await expect(dialog.getByRole('status')).toContainText(text);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

async function exportSpans(page: Page, annotatorLabel: string): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const annotators = dialog.getByRole('group', { name: 'Annotators' });
  await annotators.getByRole('checkbox', { name: annotatorLabel }).check();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByRole('status')).toContainText('Exported 1 record(s) with 2 span(s)');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFile((await file.path())!, 'utf8');
}

test('import spans JSONL, export it byte-identical, import the export as a colleague', async ({
  browser,
}) => {
  const original = datasetFile('Laila');

  const first = await browser.newContext();
  const page = await first.newPage();
  await start(page, 'Laila');
  await importFile(page, 'laila.jsonl', original);
  const exported = await exportSpans(page, 'Laila (you)');
  const line = JSON.parse(exported) as {
    text: string;
    spans: { start: number; end: number; label: string; text: string }[];
    meta: { doc_id: string; title: string; status: string };
    _annotator_id: string;
  };
  expect(exported.endsWith('}\n')).toBe(true);
  expect(line.text).toBe(TEXT);
  expect(line.spans.map(({ start, end, label, text }) => ({ start, end, label, text }))).toEqual(
    SPANS,
  );
  for (const s of line.spans) expect([...line.text].slice(s.start, s.end).join('')).toBe(s.text);
  expect(line.meta).toMatchObject({ title: 'الانسحاب الأمريكي', status: 'done' });
  expect(line._annotator_id).toBe('Laila');
  await first.close();

  const second = await browser.newContext();
  const other = await second.newPage();
  await start(other, 'Omar');
  await importFile(other, 'from-laila.jsonl', exported, ['annotators added: Laila']);
  // The colleague's spans export under the colleague's annotator id, and
  // the second export is byte-identical to the first.
  const again = await exportSpans(other, 'Laila (colleague)');
  expect(again).toBe(exported);
  await second.close();
});

test('a file with a bad line imports nothing unless only the valid lines are chosen', async ({
  page,
}) => {
  await start(page, 'Laila');
  const bad = `${datasetFile('Sara')}\n{"text":"نص","spans":[{"start":1,"end":9,"label":"x"}]}\n`;
  await page.getByRole('button', { name: 'Import dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dataset' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose dataset file…' }).click();
  await (
    await chooser
  ).setFiles({ name: 'bad.jsonl', mimeType: 'application/jsonl', buffer: Buffer.from(bad) });
  await expect(dialog.getByRole('list', { name: 'Bad lines' })).toContainText(
    'line 3: spans[0]: offsets 1–9 are out of range (the text has 2 code points)',
  );
  const importButton = dialog.getByRole('button', { name: 'Import' });
  await expect(importButton).toBeDisabled();
  await dialog.getByRole('radio', { name: 'Import only the valid lines' }).check();
  await importButton.click();
  await expect(dialog.getByRole('status')).toContainText('2 span(s) added');
  await expect(dialog.getByRole('status')).toContainText('annotators added: Sara');
  await page.screenshot({ path: '/tmp/datasets-import.png' });
});
