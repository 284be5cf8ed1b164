// The interface in both languages and both themes: every screen passes
// axe-core with no serious or critical violation, and is photographed
// (test-results/screens/LANG-THEME-SCREEN.png, not committed) to be looked
// at. And the main path, annotate then export, done entirely in Arabic.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import en from '../src/core/i18n/messages/en.json' with { type: 'json' };
import ar from '../src/core/i18n/messages/ar.json' with { type: 'json' };
import { dragPhrase, storedSpans } from './annotate-helpers.ts';

type Lang = 'en' | 'ar';
const CATALOG: Record<Lang, Record<string, string>> = { en, ar };
const SCREENS = join('test-results', 'screens');
const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';

/** The plain text of message `id` in `lang` (messages without arguments). */
const m = (lang: Lang, id: keyof typeof en): string => CATALOG[lang][id]!;

/** Fails on serious or critical axe violations, naming each. */
async function expectAccessible(page: Page, screen: string): Promise<void> {
  const result = await new AxeBuilder({ page }).analyze();
  const bad = result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${screen}: ${v.id} (${v.impact}) ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
    );
  expect(bad, bad.join('\n')).toEqual([]);
}

async function look(page: Page, lang: Lang, theme: string, screen: string): Promise<void> {
  await expectAccessible(page, `${lang}/${theme}/${screen}`);
  await page.screenshot({ path: join(SCREENS, `${lang}-${theme}-${screen}.png`) });
}

/** Switches the interface to `lang` with the header's (or first run's) language menu. */
async function chooseLanguage(page: Page, from: Lang, to: Lang): Promise<void> {
  await page.getByRole('combobox', { name: m(from, 'header.language') }).selectOption(to);
  await expect(page.locator('html')).toHaveAttribute('lang', to);
}

for (const lang of ['en', 'ar'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test(`every screen in ${lang}, ${theme}: no serious axe violation`, async ({ page }) => {
      test.setTimeout(300_000);
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.goto('/');
      const welcomeEn = page.getByRole('dialog', { name: m('en', 'firstRun.title') });
      await expect(welcomeEn).toBeVisible();
      if (lang === 'ar') await chooseLanguage(page, 'en', 'ar');
      await expect(page.locator('html')).toHaveAttribute('dir', lang === 'ar' ? 'rtl' : 'ltr');
      await look(page, lang, theme, 'first-run');

      const welcome = page.getByRole('dialog', { name: m(lang, 'firstRun.title') });
      await welcome.getByRole('textbox', { name: m(lang, 'firstRun.name') }).fill('ليلى');
      await welcome.getByRole('button', { name: m(lang, 'firstRun.start') }).click();
      const list = page.getByRole('listbox', { name: m(lang, 'workbench.documents') });
      await expect(list.getByRole('option')).toHaveCount(5);
      await list.getByRole('option').first().click();
      await expect(
        page.getByRole('article', { name: m(lang, 'annotate.articleText') }),
      ).toBeVisible();
      await look(page, lang, theme, 'annotate');

      // One span, so the side panel, Analysis and the actors have content.
      await page.evaluate(() => document.fonts.ready);
      await dragPhrase(page, 'مصطفى الكاظمي', false, {
        name: m(lang, 'annotate.selection'),
        text: lang === 'ar' ? 'المحدَّد' : 'Selected:',
      });
      await page.keyboard.press('1');
      await expect.poll(async () => (await storedSpans(page)).length).toBe(1);
      await look(page, lang, theme, 'annotate-span');

      await page.keyboard.press('?');
      const sheet = page.getByRole('dialog', { name: m(lang, 'sheet.title') });
      await expect(sheet).toBeVisible();
      await look(page, lang, theme, 'shortcut-sheet');
      await page.keyboard.press('Escape');
      await expect(sheet).toBeHidden();

      for (const [button, title, screen] of [
        ['datasets.export', 'export.title', 'export'],
        ['datasets.import', 'dsImport.title', 'import'],
        ['datasets.backup', 'backup.title', 'backup'],
        ['actors.open', 'actors.title', 'actors'],
        ['labels.edit', 'labels.edit', 'label-editor'],
      ] as const) {
        await page.getByRole('button', { name: m(lang, button) }).click();
        const dialog = page.getByRole('dialog', { name: m(lang, title) });
        await expect(dialog).toBeVisible();
        await look(page, lang, theme, screen);
        await dialog.getByRole('button', { name: m(lang, 'dialog.close') }).click();
        await expect(dialog).toBeHidden();
      }

      const tabs = page.getByRole('tablist', { name: m(lang, 'mode.label') });
      await tabs.getByRole('tab', { name: m(lang, 'mode.review') }).click();
      await expect(page.getByText(m(lang, 'review.soloWhat'))).toBeVisible();
      await look(page, lang, theme, 'review');
      await tabs.getByRole('tab', { name: m(lang, 'mode.agreement') }).click();
      await expect(
        page.getByRole('region', { name: m(lang, 'agreement.dashboard') }),
      ).toBeVisible();
      await look(page, lang, theme, 'agreement');
      await tabs.getByRole('tab', { name: m(lang, 'mode.team') }).click();
      await expect(page.getByText(m(lang, 'team.notConnected'))).toBeVisible();
      await look(page, lang, theme, 'team');
      await tabs.getByRole('tab', { name: m(lang, 'mode.analysis') }).click();
      const analysis = page.getByRole('region', { name: m(lang, 'analysis.region') });
      // A first visit counts the whole project: on a loaded machine that
      // can take longer than the default wait.
      await expect(analysis.getByRole('table').first()).toBeVisible({ timeout: 60_000 });
      await look(page, lang, theme, 'analysis');
    });
  }
}

test('Review for one analyst explains itself and offers no adjudication', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('textbox', { name: 'Your name' }).fill('Laila');
  await page.getByRole('button', { name: 'Start annotating' }).click();
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  await page.getByRole('tab', { name: 'Review' }).click();
  await expect(page.getByText(en['review.soloHow'])).toBeVisible();
  await expect(page.getByRole('button', { name: /Accept all/ })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Mark adjudicated' })).toHaveCount(0);
  await expect(page.getByText('Gold', { exact: true })).toHaveCount(0);
});

test('the language is remembered, and the article keeps its own direction', async ({ page }) => {
  await page.goto('/');
  await chooseLanguage(page, 'en', 'ar');
  await page.getByRole('textbox', { name: m('ar', 'firstRun.name') }).fill('Laila');
  await page.getByRole('button', { name: m('ar', 'firstRun.start') }).click();
  // The profile is stored once the workbench shows (a reload before that may find none).
  await expect(page.getByRole('listbox', { name: m('ar', 'workbench.documents') })).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await chooseLanguage(page, 'ar', 'en');
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('listbox', { name: 'Documents' }).getByRole('option').first().click();
  const para = page.getByRole('article', { name: 'Article text' }).locator('p').first();
  await expect(para).toHaveAttribute('dir', 'rtl');
  await expect(para).toHaveAttribute('lang', 'ar');
  // Arabic-Indic digits, chosen in the header, number the list.
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('arab');
  await expect(page.getByText('٥ of ٥ documents')).toBeVisible();
});

test('annotate and export, entirely in the Arabic interface', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await chooseLanguage(page, 'en', 'ar');
  await page.getByRole('textbox', { name: m('ar', 'firstRun.name') }).fill('ليلى');
  await page.getByRole('button', { name: m('ar', 'firstRun.start') }).click();
  await page
    .getByRole('listbox', { name: m('ar', 'workbench.documents') })
    .getByRole('option')
    .filter({ hasText: KADHIMI })
    .click();
  await expect(page.getByRole('article', { name: m('ar', 'annotate.articleText') })).toBeVisible();
  await page.evaluate(async () => {
    await document.fonts.load('20px "Noto Naskh Arabic"', 'قال');
    await document.fonts.ready;
  });
  const phrase = 'مصطفى الكاظمي';
  await dragPhrase(page, phrase, false, { name: m('ar', 'annotate.selection'), text: 'المحدَّد' });
  await page.keyboard.press('1');
  await expect.poll(async () => (await storedSpans(page)).map((s) => s.quote)).toContain(phrase);
  // Arabic-Indic digits by default in Arabic.
  await expect(page.getByRole('heading', { name: 'المقاطع (١)' })).toBeVisible();
  // The label is named by its Arabic name in the Arabic interface.
  await expect(page.getByRole('button', { name: /مؤيد للانسحاب/ }).first()).toBeVisible();

  await page.getByRole('button', { name: m('ar', 'datasets.export') }).click();
  const dialog = page.getByRole('dialog', { name: m('ar', 'export.title') });
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: m('ar', 'export.export') }).click();
  const file = await download;
  await expect(dialog.getByRole('status')).toContainText('صُدِّر سجلًا واحدًا بمقطع واحد');
  const lines = (await readFile((await file.path())!, 'utf8')).split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  const record = JSON.parse(lines[0]!) as { spans: { label: string }[] };
  expect(record.spans).toHaveLength(1);

  // Undo and redo say in Arabic what they took back, the label by its Arabic name.
  await dialog.getByRole('button', { name: m('ar', 'dialog.close') }).click();
  await expect(dialog).toBeHidden();
  const status = page.getByRole('status', { name: m('ar', 'annotate.selection') });
  await page.keyboard.press('Control+z');
  await expect(status).toHaveText('تراجعت عن: إضافة مقطع \u2068مؤيد للانسحاب\u2069.');
  await expect(page.getByRole('heading', { name: 'المقاطع (٠)' })).toBeVisible();
  await expect.poll(async () => (await storedSpans(page)).length).toBe(0);
  await page.screenshot({ path: test.info().outputPath('ar-undid.png') });
  await page.keyboard.press('Control+Shift+Z');
  await expect(status).toHaveText('أعدت: إضافة مقطع \u2068مؤيد للانسحاب\u2069.');
  await expect(page.getByRole('heading', { name: 'المقاطع (١)' })).toBeVisible();
  await page.keyboard.press('Control+Shift+Z');
  await expect(status).toHaveText(m('ar', 'edit.nothingToRedo'));
  await expect(status).not.toContainText(/[A-Za-z]/);
});
