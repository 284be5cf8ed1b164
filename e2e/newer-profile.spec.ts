// A profile written by a newer version of the app is refused with a clear
// message and left untouched (never upgraded, downgraded or wiped).
import { expect, test } from '@playwright/test';

test('a profile from a newer app version is refused, not wiped', async ({ page }) => {
  // An empty page on the app's origin, to plant the newer database first.
  await page.route('**/plant', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<p>plant</p>' }),
  );
  await page.goto('/plant');
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('stance-workbench', 990);
        req.onupgradeneeded = () => {
          req.result.createObjectStore('documents', { keyPath: 'id' });
          req.transaction!.objectStore('documents').put({ id: 'future-doc', text: 'من المستقبل' });
        };
        req.onsuccess = () => {
          req.result.close();
          resolve();
        };
        req.onerror = () => reject(req.error);
      }),
  );

  await page.goto('/');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Stance Workbench cannot open its data');
  await expect(alert).toContainText('written by a newer version');
  await expect(page.getByRole('dialog', { name: 'Welcome to Stance Workbench' })).toHaveCount(0);

  const kept = await page.evaluate(
    () =>
      new Promise<{ version: number; doc: unknown }>((resolve, reject) => {
        const req = indexedDB.open('stance-workbench');
        req.onsuccess = () => {
          const get = req.result
            .transaction('documents')
            .objectStore('documents')
            .get('future-doc');
          get.onsuccess = () => {
            resolve({ version: req.result.version, doc: get.result });
            req.result.close();
          };
        };
        req.onerror = () => reject(req.error);
      }),
  );
  expect(kept).toEqual({ version: 990, doc: { id: 'future-doc', text: 'من المستقبل' } });
});
