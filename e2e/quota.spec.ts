// A full disk. IndexedDB is made to refuse writes the way Chromium does when
// the quota is exhausted or the disk fails: put/add throw QuotaExceededError
// or AbortError (the real error types; an init script injects them, since
// Chromium's quota override is not enforced in test contexts). The analyst
// is told what failed; nothing is shown as saved; nothing stored is lost.
import { expect, test, type Page } from '@playwright/test';
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
