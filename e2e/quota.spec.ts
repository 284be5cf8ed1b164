// A full disk. IndexedDB is made to refuse writes the way Chromium does when
// the quota is exhausted or the disk fails: put/add throw QuotaExceededError
// or AbortError (the real error types; an init script injects them, since
// Chromium's quota override is not enforced in test contexts). The analyst
// is told what failed; nothing is shown as saved; nothing stored is lost.
import { expect, test, type Page } from '@playwright/test';
import {
  dragPhrase,
  firstRun as startAnnotating,
  openDocument,
  spanItems,
  storedSpans,
} from './annotate-helpers.ts';
import { startAs } from './helpers.ts';

/** Installs a switch that makes every IndexedDB put/add throw `name`. */
async function installDiskSwitch(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __failWrites?: string };
    for (const method of ['put', 'add'] as const) {
      const original = IDBObjectStore.prototype[method];
      IDBObjectStore.prototype[method] = function (
        this: IDBObjectStore,
        ...args: [unknown, IDBValidKey?]
      ) {
        if (w.__failWrites) throw new DOMException('The disk refused the write.', w.__failWrites);
        return original.apply(this, args);
      };
    }
  });
}

async function firstRun(page: Page): Promise<void> {
  await startAs(page);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
}

for (const errorName of ['QuotaExceededError', 'AbortError']) {
  test(`an import refused with ${errorName} is reported and nothing stored is lost`, async ({
    page,
  }) => {
    await installDiskSwitch(page);
    await firstRun(page);
    await page.evaluate(
      (n) => ((window as unknown as { __failWrites?: string }).__failWrites = n),
      errorName,
    );

    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Open files…' }).click();
    await (
      await chooser
    ).setFiles({
      name: 'parliament.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(
        'البرلمان العراقي يناقش انسحاب القوات\n\nناقش البرلمان العراقي اليوم مستقبل القوات الأجنبية.',
      ),
    });
    const report = page.getByRole('region', { name: 'Import report' });
    await expect(report.getByRole('listitem')).toHaveText([
      new RegExp(
        `parliament\\.txt: not imported: nothing of this file was stored: .*\\(${errorName}\\)`,
      ),
    ]);
    await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(
      5,
    );

    // The disk recovers; after a reload the corpus is whole and the failed article absent.
    await page.evaluate(() => delete (window as unknown as { __failWrites?: string }).__failWrites);
    await page.reload();
    await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(
      5,
    );
    await expect(page.getByRole('option', { name: /البرلمان العراقي يناقش/ })).toHaveCount(0);
  });
}

test('a span the disk refuses is reported, with what and where, until dismissed', async ({
  page,
}) => {
  await installDiskSwitch(page);
  await startAnnotating(page);
  await openDocument(page, 'قال رئيس الوزراء العراقي، مصطفى الكاظمي');
  await dragPhrase(page, 'مصطفى الكاظمي');
  await page.evaluate(
    () => ((window as unknown as { __failWrites?: string }).__failWrites = 'QuotaExceededError'),
  );
  await page.keyboard.press('1');
  const failure = page.getByRole('alert').filter({ hasText: 'Saving the edit' });
  await expect(failure).toContainText(
    'Saving the edit “add pro-withdrawal span” failed (Reading pane): the disk or the browser storage quota is full (QuotaExceededError)',
  );
  await page.screenshot({ path: test.info().outputPath('span-write-refused.png') });
  // Nothing shows as saved.
  await expect(page.getByRole('list', { name: 'Spans' })).toHaveCount(0);
  expect(await storedSpans(page)).toEqual([]);

  await failure
    .getByRole('button', { name: 'Dismiss: Saving the edit “add pro-withdrawal span” failed' })
    .click();
  await expect(failure).toHaveCount(0);

  // The disk recovers: the same selection and key store the span.
  await page.evaluate(() => delete (window as unknown as { __failWrites?: string }).__failWrites);
  await dragPhrase(page, 'مصطفى الكاظمي');
  await page.keyboard.press('1');
  await expect(spanItems(page)).toHaveCount(1);
  await expect(page.getByRole('alert')).toHaveCount(0);
});
