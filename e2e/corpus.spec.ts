// The corpus: a first run shows the five sample articles with their titles,
// dates and outlets; files dropped on the window are imported or refused
// with a reason; search ignores diacritics.
import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { startAs } from './helpers.ts';

const firstRun = (page: Page): Promise<void> => startAs(page, 'Laila');

test('a first run shows the five sample articles with titles, dates and outlets', async ({
  page,
}) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const options = list.getByRole('option');
  await expect(options).toHaveCount(5);
  await expect(options.nth(0)).toContainText('قال رئيس الوزراء العراقي، مصطفى الكاظمي');
  await expect(options.nth(0)).toContainText('الشرق');
  await expect(options.nth(1)).toContainText('واشنطن قد تسحب قواتها المقاتلة من العراق نهاية 2021');
  await expect(options.nth(1)).toContainText('المدن');
  await expect(options.nth(1)).toContainText('2021-07-23');
  await expect(options.nth(2)).toContainText('العراق وإنهاء التواجد الأمريكي والأجنبي من أراضيها');
  await expect(options.nth(2)).toContainText('26 سبتمبر');
  await expect(options.nth(2)).toContainText('2021-07-25');
  await expect(options.nth(3)).toContainText('قمة مرتقبة بين بايدن والكاظمي في واشنطن');
  await expect(options.nth(3)).toContainText('رووداو');
  await expect(options.nth(3)).toContainText('2021-07-26');
  await expect(options.nth(4)).toContainText('نيجيرفان بارزاني: نتائج الحوار الستراتيجي');
  await expect(options.nth(4)).toContainText('2021-07-27');
  await expect(options.first()).toContainText('Not started');

  // Selecting a document marks it selected; the arrow keys move on.
  await options.nth(1).click();
  await expect(options.nth(1)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowDown');
  await expect(options.nth(2)).toHaveAttribute('aria-selected', 'true');
  await expect(options.nth(2)).toBeFocused();

  // A reload (the first run again, from the browser's point of view) adds nothing.
  await page.reload();
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await page.screenshot({ path: test.info().outputPath('corpus-list.png') });
});

/** Drops files on the window the way a file manager does. */
async function dropFiles(page: Page, files: { name: string; bytes: number[] }[]): Promise<void> {
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
    const target = document.querySelector('main') ?? document.body;
    for (const type of ['dragenter', 'dragover', 'drop']) {
      target.dispatchEvent(
        new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }),
      );
    }
  }, files);
}

test('dropping a Windows-1256 article and a bad file imports one and explains the other', async ({
  page,
}) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(5);

  const cp1256 = [...readFileSync('e2e/fixtures/parliament-windows-1256.txt')];
  const binary = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48];
  await dropFiles(page, [
    { name: 'parliament-windows-1256.txt', bytes: cp1256 },
    { name: 'scan.txt', bytes: binary },
  ]);

  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('status')).toHaveText('2 files: 1 imported, 1 not imported.');
  await expect(report.getByRole('listitem')).toHaveText([
    'parliament-windows-1256.txt: imported as “البرلمان العراقي يناقش قانون الانتخابات الجديد”',
    'scan.txt: not imported: the file is binary, not text',
  ]);
  await expect(list.getByRole('option')).toHaveCount(6);
  await page.screenshot({ path: test.info().outputPath('corpus-import.png') });
  const added = list.getByRole('option', {
    name: /البرلمان العراقي يناقش قانون الانتخابات الجديد/,
  });
  await expect(added).toContainText('2021-07-29');
  // The imported article opens; its cleanup took out the date and share lines.
  await expect(added).toHaveAttribute('aria-selected', 'true');
  await page.getByRole('button', { name: 'Cleanup: 2 removals' }).click();
  await expect(
    page.getByRole('list', { name: 'Removed at import' }).getByRole('listitem'),
  ).toHaveText([/Date line.*الخميس 29\/07\/2021/, /Page controls.*شارك: فيسبوك تويتر واتساب/]);

  // The same article again is recognised, not duplicated.
  await dropFiles(page, [{ name: 'again.txt', bytes: cp1256 }]);
  await expect(report.getByRole('listitem')).toHaveText([
    'again.txt: already in the corpus as “البرلمان العراقي يناقش قانون الانتخابات الجديد”; not imported again',
  ]);
  await expect(list.getByRole('option')).toHaveCount(6);
  await report.getByRole('button', { name: 'Dismiss' }).click();
  await expect(report).toBeHidden();
});

test('search ignores diacritics, tatweel and letter variants', async ({ page }) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  const search = page.getByRole('searchbox', { name: 'Search documents' });
  // Tashkeel and alef maqsura for yeh: still finds 004's title.
  await search.fill('نِيجِيرفان بارزانى');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('نيجيرفان بارزاني');
  // Tatweel and a body word (not in any title): "سفين دزيي" is quoted in 000 only.
  await search.fill('سفيـــن دزيي');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('قال رئيس الوزراء العراقي');
  await search.fill('');
  await expect(list.getByRole('option')).toHaveCount(5);
  await expect(page.getByText('5 of 5 documents')).toBeVisible();
});

test('the cleanup view lists what was removed and why, and switches to the raw text', async ({
  page,
}) => {
  await firstRun(page);
  await page.getByRole('option', { name: /واشنطن قد تسحب قواتها/ }).click();
  const toggle = page.getByRole('button', { name: /Cleanup: 8 removals/ });
  await toggle.click();
  const removals = page.getByRole('list', { name: 'Removed at import' }).getByRole('listitem');
  await expect(removals).toHaveCount(8);
  await expect(removals.nth(0)).toContainText('Date line (the date is kept as metadata)');
  await expect(removals.nth(0)).toContainText('الجمعة 2021/07/23');
  await expect(removals.nth(5)).toContainText('increase حجم الخط decrease');
  await expect(removals.nth(7)).toContainText('Comments section');
  await page.screenshot({ path: test.info().outputPath('corpus-cleanup.png') });

  await page.getByRole('radio', { name: 'Raw text, as imported' }).click();
  await expect(
    page.getByRole('button', { name: /Cleanup: 8 removals \(raw text in use\)/ }),
  ).toBeVisible();
  await expect(page.getByRole('radio', { name: 'Raw text, as imported' })).toBeChecked();
  // Still one document for this article, now selected under its new id.
  await expect(page.getByRole('option', { name: /واشنطن قد تسحب قواتها/ })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  await page.getByRole('radio', { name: 'Cleaned text' }).click();
  await expect(page.getByRole('button', { name: /^Cleanup: 8 removals$/ })).toBeVisible();
});

test('a long list renders only what is on screen and reaches the end', async ({ page }) => {
  await firstRun(page);
  await expect(page.getByRole('listbox', { name: 'Documents' }).getByRole('option')).toHaveCount(5);
  // Add 2,000 small articles straight into the profile's IndexedDB, as the
  // app stores them: the record and its list row (the 10,000-document start
  // is measured by npm run bench).
  await page.evaluate(async () => {
    const open = indexedDB.open('stance-workbench');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const tx = idb.transaction(['documents', 'docMeta'], 'readwrite');
    const store = tx.objectStore('documents');
    const meta = tx.objectStore('docMeta');
    for (let i = 0; i < 2_000; i++) {
      const title = `مقال تجريبي رقم ${i}`;
      const text = `${title}\n\nنص المقال رقم ${i} عن الحوار الاستراتيجي.`;
      const id = `bulk-${String(i).padStart(5, '0')}`;
      const importedAt = 2_000_000_000_000 + i;
      store.put({
        id,
        text,
        rawText: text,
        textSource: 'clean',
        removed: [],
        title,
        date: null,
        author: null,
        outlet: 'اختبار',
        file: null,
        importedAt,
        folded: `${title}\n${text}`,
      });
      meta.put({ id, title, outlet: 'اختبار', date: null, importedAt });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    idb.close();
  });
  await page.reload();
  // Counts are grouped as the interface language writes numbers.
  await expect(page.getByText('2,005 of 2,005 documents')).toBeVisible();
  const options = page.getByRole('listbox', { name: 'Documents' }).getByRole('option');
  expect(await options.count()).toBeLessThan(60);
  await options.first().click();
  await page.keyboard.press('End');
  const last = page.getByRole('option', { name: /مقال تجريبي رقم 1999/ });
  await expect(last).toBeFocused();
  await expect(last).toHaveAttribute('aria-selected', 'true');
  await expect(last).toHaveAttribute('aria-posinset', '2005');
  // Search still narrows the big list.
  await page.getByRole('searchbox', { name: 'Search documents' }).fill('رقم 1424');
  await expect(page.getByText('1 of 2,005 documents')).toBeVisible();
});

test('Open files… imports an HTML page and sends a dataset to the dataset import', async ({
  page,
}) => {
  await firstRun(page);
  const html = `<!doctype html><html lang="ar"><head>
    <meta property="og:title" content="بايدن يستقبل الكاظمي في البيت الأبيض">
    <meta property="og:site_name" content="الحرة">
    <meta property="article:published_time" content="2021-07-26T18:00:00Z">
    <script>document.title = 'hacked'</script></head>
    <body><nav>الرئيسية | أخبار</nav><article><h1>بايدن يستقبل الكاظمي في البيت الأبيض</h1>
    <p>${'استقبل الرئيس الأميركي جو بايدن رئيس الوزراء العراقي مصطفى الكاظمي في البيت الأبيض لبحث مستقبل القوات الأميركية في العراق. '.repeat(3)}</p>
    </article></body></html>`;
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open files…' }).click();
  await (
    await chooser
  ).setFiles([
    { name: 'biden.html', mimeType: 'text/html', buffer: Buffer.from(html) },
    {
      name: 'labels.jsonl',
      mimeType: 'application/json',
      buffer: Buffer.from('{"text":"نص","spans":[],"_annotator_id":"Karwan"}\n'),
    },
  ]);
  const report = page.getByRole('region', { name: 'Import report' });
  await expect(report.getByRole('listitem')).toHaveText([
    'biden.html: imported as “بايدن يستقبل الكاظمي في البيت الأبيض”',
  ]);
  // The dataset opens in the dataset import, which reads it before asking.
  const datasetDialog = page.getByRole('dialog', { name: 'Import dataset' });
  await expect(datasetDialog).toContainText('labels.jsonl');
  await expect(datasetDialog).toContainText('valid line');
  await datasetDialog.getByRole('button', { name: 'Close' }).click();
  await expect(datasetDialog).toBeHidden();
  const option = page.getByRole('option', { name: /بايدن يستقبل الكاظمي/ });
  await expect(option).toContainText('الحرة');
  await expect(option).toContainText('2021-07-26');
  expect(await page.title()).not.toBe('hacked');
});

test('the list shows status and span counts, and filters by status, label and outlet', async ({
  page,
}) => {
  await firstRun(page);
  const list = page.getByRole('listbox', { name: 'Documents' });
  await expect(list.getByRole('option')).toHaveCount(5);
  // Give Laila spans on 003 and a finished status on 001, straight in
  // IndexedDB, as a profile of an older build holds them: no span counts and
  // no derived-tables marker, so the app recounts once at start.
  await page.evaluate(async () => {
    const open = indexedDB.open('stance-workbench');
    const idb = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const docs = await new Promise<{ id: string; file: string }[]>((resolve) => {
      const req = idb.transaction('documents').objectStore('documents').getAll();
      req.onsuccess = () => resolve(req.result as { id: string; file: string }[]);
    });
    const id = (prefix: string): string => docs.find((d) => d.file.startsWith(prefix))!.id;
    const tx = idb.transaction(['spans', 'statuses', 'settings'], 'readwrite');
    tx.objectStore('settings').delete('derivedTables');
    const span = (n: number, label: string) => ({
      id: `s${n}`,
      docId: id('003'),
      annotatorId: 'Laila',
      label,
      start: n * 10,
      end: n * 10 + 5,
      quote: 'x',
      holder: null,
      note: null,
      createdAt: n,
      updatedAt: n,
    });
    tx.objectStore('spans').put(span(1, 'pro-withdrawal'));
    tx.objectStore('spans').put(span(2, 'pro-withdrawal'));
    tx.objectStore('spans').put(span(3, 'kurdish-skepticism'));
    tx.objectStore('spans').put({ ...span(4, 'pro-coalition'), annotatorId: 'Omar' });
    tx.objectStore('statuses').put({
      docId: id('001'),
      annotatorId: 'Laila',
      status: 'done',
      docStance: null,
      updatedAt: 1,
    });
    await new Promise<void>((resolve) => (tx.oncomplete = () => resolve()));
    idb.close();
  });
  await page.reload();
  const rudaw = list.getByRole('option', { name: /قمة مرتقبة/ });
  await expect(rudaw).toContainText('In progress');
  await expect(rudaw).toContainText('Pro-withdrawal: 2');
  await expect(rudaw).toContainText('Kurdish skepticism: 1');
  await expect(rudaw).not.toContainText('Pro-coalition'); // Omar's span is not Laila's
  await page.screenshot({ path: test.info().outputPath('corpus-list-status.png') });

  await page.getByRole('combobox', { name: 'Status' }).selectOption('done');
  await expect(list.getByRole('option')).toHaveCount(1);
  await expect(list.getByRole('option')).toContainText('واشنطن قد تسحب قواتها');
  await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
  await page.getByRole('combobox', { name: 'Label' }).selectOption({ label: 'Kurdish skepticism' });
  await expect(list.getByRole('option')).toHaveCount(1);
  await page.getByRole('combobox', { name: 'Label' }).selectOption('any');
  await page.getByRole('combobox', { name: 'Outlet' }).selectOption('رووداو');
  await expect(list.getByRole('option')).toHaveCount(2);
  await page.getByRole('combobox', { name: 'Outlet' }).selectOption('all');
  await page.getByRole('combobox', { name: 'Sort' }).selectOption({ label: 'Date (newest first)' });
  await expect(list.getByRole('option').first()).toContainText('نيجيرفان بارزاني');
  await expect(list.getByRole('option').last()).toContainText('قال رئيس الوزراء العراقي');
});
