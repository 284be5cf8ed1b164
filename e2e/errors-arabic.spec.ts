// Someone who reads only Arabic must understand why something was refused:
// in the Arabic interface, a dataset with bad lines is listed line by line in
// Arabic (line numbers and offsets in Arabic-Indic digits), the refusal to
// import such a file is said in Arabic, and a file in the wrong encoding is
// an Arabic alert naming its line and byte; an export refused for a damaged
// span, a cue phrase over the limit and a team address sending passwords
// in clear are said in Arabic too, what failed and where included. axe
// checks each screen with its message.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import ar from '../src/core/i18n/messages/ar.json' with { type: 'json' };
import { encodeCp1256 } from '../src/core/testing/cp1256.ts';
import { importDatasetFile, startAs } from './helpers.ts';
import { seedColleagueFile } from './seed-annotations.ts';

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

/** Starts as ليلى in the Arabic interface. */
async function startInArabic(page: Page): Promise<void> {
  await startAs(page, 'ليلى');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
}

test('an export refused for a damaged span says in Arabic what, where and why', async ({
  page,
}) => {
  await startAs(page, 'ليلى');
  await importDatasetFile(
    page,
    { name: 'sara.jsonl', content: seedColleagueFile('Sara Ali') },
    { read: '3 valid lines', done: ['0 new documents, 3 matched'] },
  );
  // A damaged profile: one stored span no longer quotes its text.
  await page.evaluate(
    () =>
      new Promise<void>((resolve, reject) => {
        const req = indexedDB.open('stance-workbench');
        req.onerror = () => reject(req.error);
        req.onsuccess = () => {
          const tx = req.result.transaction('spans', 'readwrite');
          const store = tx.objectStore('spans');
          const all = store.getAll();
          all.onsuccess = () => {
            const span = (all.result as { quote: string }[])[0]!;
            store.put({ ...span, quote: `${span.quote}…` });
          };
          tx.oncomplete = () => {
            req.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: ar['datasets.export'] }).click();
  const dialog = page.getByRole('dialog', { name: ar['export.title'] });
  await dialog.getByRole('checkbox', { name: 'Sara Ali (زميل)' }).check();
  await dialog.getByRole('button', { name: ar['export.export'], exact: true }).click();
  const alert = dialog.getByRole('alert');
  await expect(alert).toContainText(`فشل: ${ar['failureTask.export']}`);
  await expect(alert).toContainText(ar['export.title']);
  await expect(alert).toContainText('الوثيقة');
  await expect(alert).toContainText('المقطع');
  await expect(alert).toContainText('لا المقتبَس');
  await expect(alert).not.toContainText('document');
  await page.screenshot({ path: test.info().outputPath('ar-export-refused.png') });
  await axe(page, 'export dialog with an Arabic refusal');
});

test('a cue phrase over the limit is refused in Arabic, naming where', async ({ page }) => {
  await startInArabic(page);
  await page
    .getByRole('listbox', { name: ar['workbench.documents'] })
    .getByRole('option')
    .first()
    .click();
  await page.getByRole('button', { name: ar['suggest.evaluation'] }).click();
  const dialog = page.getByRole('dialog', { name: ar['suggest.evalTitle'] });
  const cues = dialog.getByRole('textbox', { name: /^عبارات الإشارة لتصنيف/ }).first();
  await cues.fill('قوات قتالية\n' + 'ا'.repeat(501));
  await dialog.getByRole('button', { name: ar['suggest.savePhrases'] }).click();
  const status = dialog.getByRole('status').filter({ hasText: ar['suggest.problems'] });
  await expect(status).toContainText('[1]');
  await expect(status).toContainText('عبارة الإشارة لا تتجاوز ٥٠٠ حرف');
  await expect(status).not.toContainText('characters');
  await status.scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('ar-cue-phrase.png') });
  await axe(page, 'evaluation dialog with an Arabic refusal');
});

test('the team form refuses a plain http address in Arabic', async ({ page }) => {
  await startInArabic(page);
  await page.getByRole('button', { name: new RegExp(`^${ar['teamStatus.label']}`) }).click();
  const dialog = page.getByRole('dialog', { name: ar['teamDlg.title'] });
  await dialog
    .getByRole('textbox', { name: ar['teamDlg.server'] })
    .fill('http://couch.example.org');
  await dialog.getByRole('textbox', { name: ar['teamDlg.project'] }).fill('stance-2026');
  await dialog.getByLabel(ar['teamDlg.password']).fill('pw');
  await dialog.getByRole('button', { name: ar['teamDlg.connect'] }).click();
  await expect(dialog).toContainText('يُرفض http:// غير المشفَّر مع');
  await expect(dialog).toContainText('couch.example.org');
  // A project name the server cannot hold, in Arabic too.
  await dialog
    .getByRole('textbox', { name: ar['teamDlg.server'] })
    .fill('https://couch.example.org');
  await dialog.getByRole('textbox', { name: ar['teamDlg.project'] }).fill('Stance');
  await dialog.getByRole('button', { name: ar['teamDlg.connect'] }).click();
  await expect(dialog).toContainText('ليس اسم مشروع صالحًا');
  await page.screenshot({ path: test.info().outputPath('ar-team-form.png') });
  await axe(page, 'team dialog with an Arabic refusal');
});

test('the actor form refuses a duplicate name in Arabic, naming the actor it already is', async ({
  page,
}) => {
  await startAs(page, 'ليلى');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: ar['actors.open'] }).click();
  const dialog = page.getByRole('dialog', { name: ar['actors.title'] });
  const rows = dialog.getByRole('table', { name: ar['actors.list'] }).locator('tbody tr');
  for (const name of ['مصطفى الكاظمي', 'مصطفى الكاظمى']) {
    await dialog.getByRole('button', { name: ar['actors.newActor'], exact: true }).click();
    const form = dialog.getByRole('form', { name: ar['actors.newActor'] });
    await form.getByRole('textbox', { name: ar['actors.nameAr'] }).fill(name);
    await form.getByRole('button', { name: ar['actors.save'] }).click();
  }
  await expect(rows).toHaveCount(1);
  // The field by its label, the names isolated (U+2068…U+2069) in the sentence.
  await expect(dialog.getByRole('alert')).toHaveText(
    'الاسم العربي: «\u2068مصطفى الكاظمى\u2069» هو الفاعل \u2068مصطفى الكاظمي\u2069 من قبل: اختره، أو ادمج الاثنين',
  );
  await page.screenshot({ path: test.info().outputPath('actor-refusal-ar.png') });
  await axe(page, 'actor form refusal');
});
