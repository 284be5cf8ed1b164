// Datasets through the UI: import a spans JSONL file, export it again
// byte for byte, then import that export in a second, fresh profile, where
// the spans belong to a colleague.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { dragPhrase, openDocument } from './annotate-helpers.ts';
import { importDatasetFile, startAs, countOf } from './helpers.ts';

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

const start = startAs;

async function importFile(
  page: Page,
  name: string,
  content: string,
  expected: string[] = [],
  spans = 2,
): Promise<void> {
  await importDatasetFile(
    page,
    { name, content },
    { read: 'valid line', done: [`${countOf(spans, 'span')} added`, ...expected] },
  );
}

async function exportSpans(
  page: Page,
  annotatorLabel: string,
  summary = 'Exported 1 record with 2 spans',
): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const annotators = dialog.getByRole('group', { name: 'Annotators' });
  await annotators.getByRole('checkbox', { name: annotatorLabel }).check();
  await page.screenshot({ path: test.info().outputPath('datasets-export.png') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByRole('status')).toContainText(summary);
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFile((await file.path())!, 'utf8');
}

test('import spans JSONL and export it; imported as a colleague, the export exports byte-identical', async ({
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
  await expect(dialog.getByRole('status')).toContainText('2 spans added');
  await expect(dialog.getByRole('status')).toContainText('annotators added: Sara');
  await page.screenshot({ path: test.info().outputPath('datasets-import.png') });
});

test('a backup restores into a fresh profile, and asks before replacing data', async ({
  browser,
}) => {
  const first = await browser.newContext();
  const page = await first.newPage();
  await start(page, 'Laila');
  await importFile(page, 'laila.jsonl', datasetFile('Laila'));
  await page.getByRole('button', { name: 'Backup…' }).click();
  const panel = page.getByRole('dialog', { name: 'Backup and restore' });
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Save backup file…' }).click();
  const backup = await readFile((await (await download).path())!, 'utf8');
  await expect(panel.getByRole('status')).toContainText('Backup saved');
  await first.close();

  const second = await browser.newContext();
  const other = await second.newPage();
  await start(other, 'Omar');
  // Omar has data, so the restore asks first; keeping it changes nothing.
  await importFile(other, 'mine.jsonl', datasetFile('Omar'));
  await other.getByRole('button', { name: 'Backup…' }).click();
  const restorePanel = other.getByRole('dialog', { name: 'Backup and restore' });
  const restoreFrom = async (): Promise<void> => {
    const chooser = other.waitForEvent('filechooser');
    await restorePanel.getByRole('button', { name: 'Restore from file…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'backup.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(backup),
    });
  };
  await restoreFrom();
  const ask = restorePanel.getByRole('alertdialog', { name: 'Replace this profile?' });
  await expect(ask).toContainText('replaces everything');
  await other.screenshot({ path: test.info().outputPath('datasets-backup.png') });
  await ask.getByRole('button', { name: 'Keep my data' }).click();
  await expect(other.getByRole('banner')).toContainText('Omar');

  await restoreFrom();
  await ask.getByRole('button', { name: 'Replace with the backup' }).click();
  await expect(restorePanel.getByRole('status')).toContainText('Restored backup.jsonl');
  // The profile is Laila's again: her name, her spans under her own id.
  await expect(other.getByRole('banner')).toContainText('Laila');
  await restorePanel.getByRole('button', { name: 'Close' }).click();
  await other.getByRole('button', { name: 'Export…' }).click();
  await expect(other.getByRole('group', { name: 'Annotators' }).getByRole('checkbox')).toHaveCount(
    1,
  );
  await expect(
    other.getByRole('group', { name: 'Annotators' }).getByRole('checkbox', { name: 'Laila (you)' }),
  ).toBeChecked();
  await second.close();
});

// Two steps, each within the ordinary time limit: the second imports the
// file the first exported from a span made by mouse.
test.describe('a span made by mouse in a seed article', () => {
  test.describe.configure({ mode: 'serial' });
  let exported = '';

  test('exports with Python offsets, and re-importing it adds no second copy', async ({
    browser,
  }) => {
    const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
    const PHRASE = 'لا توجد حاجة لأي قوات قتالية أجنبية';

    const first = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await first.newPage();
    await start(page, 'Laila');
    await openDocument(page, KADHIMI);
    await dragPhrase(page, PHRASE);
    await page.keyboard.press('1');
    await expect(page.getByRole('list', { name: 'Spans' }).getByRole('listitem')).toHaveCount(1);

    exported = await exportSpans(page, 'Laila (you)', 'with 1 span');
    const lines = exported
      .split('\n')
      .filter(Boolean)
      .map(
        (l) =>
          JSON.parse(l) as {
            text: string;
            spans: { start: number; end: number; label: string; text: string }[];
            _annotator_id: string;
          },
      );
    const annotated = lines.filter((l) => l.spans.length > 0);
    expect(annotated).toHaveLength(1);
    const [s] = annotated[0]!.spans;
    expect(s).toMatchObject({ label: 'pro-withdrawal', text: PHRASE });
    // Python's text[start:end], in code points.
    expect([...annotated[0]!.text].slice(s!.start, s!.end).join('')).toBe(PHRASE);

    // Re-importing one's own export warns that the lines are the analyst's
    // and adds no second copy of the span made in the app.
    await importDatasetFile(
      page,
      { name: 'mine-again.jsonl', content: exported },
      {
        read: 'Some lines carry your own annotator id',
        done: ['0 spans added', '1 already there'],
      },
    );
    await expect(page.getByRole('list', { name: 'Spans' }).getByRole('listitem')).toHaveCount(1);
    await first.close();
  });

  test('imports into a colleague profile and exports byte-identical', async ({ browser }) => {
    expect(exported).not.toBe('');
    const second = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const other = await second.newPage();
    await start(other, 'Omar');
    await importFile(other, 'from-laila.jsonl', exported, ['annotators added: Laila'], 1);
    const again = await exportSpans(other, 'Laila (colleague)', 'with 1 span');
    expect(again).toBe(exported);
    await other.screenshot({ path: test.info().outputPath('datasets-colleague.png') });
    await second.close();
  });
});
