// Automatic daily backups: one is kept as soon as the profile holds the
// sample corpus, it can be saved as a download, and restoring it brings back
// a document lost behind the app's back.
import { expect, test } from '@playwright/test';
import { startAs } from './helpers.ts';

test('the daily backup is kept automatically and restores what was lost', async ({ page }) => {
  await startAs(page);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);

  await page.getByRole('button', { name: 'Backup…' }).click();
  const panel = page.getByRole('dialog', { name: 'Backup and restore' });
  const kept = panel.getByRole('list', { name: 'Backups kept in the app' }).getByRole('listitem');
  await expect(kept).toHaveCount(1);
  const name = (await kept.first().textContent())!.match(/stance-backup-[\w.-]+\.jsonl/)![0];

  // The browser host offers the kept backup as a download.
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: `Save a copy of ${name}` }).click();
  expect((await download).suggestedFilename()).toBe(name);
  await panel.getByRole('button', { name: 'Close' }).click();

  // Lose something behind the app's back: the first document, record and
  // list row (the app writes and deletes them together).
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('stance-workbench');
        req.onsuccess = () => {
          const tx = req.result.transaction(['documents', 'docMeta'], 'readwrite');
          const cursor = tx.objectStore('documents').openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) return;
            tx.objectStore('docMeta').delete(c.primaryKey);
            c.delete();
          };
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(4);

  await page.getByRole('button', { name: 'Backup…' }).click();
  await panel.getByRole('button', { name: `Restore ${name}` }).click();
  await panel.getByRole('button', { name: 'Replace with the backup' }).click();
  await expect(panel.getByRole('status')).toContainText(`Restored ${name}`);
  // What the restore replaced (four documents) was kept first.
  await expect(panel.getByRole('status')).toContainText(
    /What it replaced is kept as stance-backup-before-restore-/,
  );
  await expect(kept).toHaveCount(2);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
});

test('a file that is not a backup is refused inside the dialog, naming it', async ({ page }) => {
  await startAs(page);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await page.getByRole('button', { name: 'Backup…' }).click();
  const panel = page.getByRole('dialog', { name: 'Backup and restore' });
  const chooser = page.waitForEvent('filechooser');
  await panel.getByRole('button', { name: 'Restore from file…' }).click();
  await (
    await chooser
  ).setFiles({
    name: 'colleague.jsonl',
    mimeType: 'application/jsonl',
    buffer: Buffer.from(`${JSON.stringify({ text: 'نص', spans: [] })}\n`),
  });
  const failure = panel.getByRole('alert');
  await expect(failure).toHaveText(
    /^Restoring from a file failed \(Backup and restore\): colleague\.jsonl is not a backup file/,
  );
  await page.screenshot({ path: test.info().outputPath('restore-refused.png') });
  await failure.getByRole('button', { name: /^Dismiss/ }).click();
  await expect(panel.getByRole('alert')).toHaveCount(0);
  await panel.getByRole('button', { name: 'Close' }).click();
  await expect(panel).toBeHidden();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
});
