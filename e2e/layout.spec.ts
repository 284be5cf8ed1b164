// Nothing is cut off or squeezed at 1280×720 and 1920×1080, at 100 % and
// 150 % zoom, in English and Arabic (issue 14). Zoom is emulated as the CSS
// viewport a zoomed window has: 1280×720 at 150 % is 853×480 CSS px, and
// 1920×1080 at 150 % is 1280×720, each drawn at deviceScaleFactor 1.5.
// On every main screen each visible button, select and tab must lie inside
// the viewport and show its whole text (scrollWidth ≤ clientWidth + 1), and
// the reading toolbar must be one row at 1280×720 and the header one row at
// 853×480 (1280×720 at 150 %); the reading pane, the
// document list and the side panel must each have room (expectRoom; in a
// narrow window the list and side panel take turns). Screenshots go to the
// test's output folder (test-results/…/LANG-SCREEN.png) to be looked at.
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Locator, type Page } from '@playwright/test';
import en from '../src/core/i18n/messages/en.json' with { type: 'json' };
import ar from '../src/core/i18n/messages/ar.json' with { type: 'json' };
import { importDatasetFile, startAs } from './helpers.ts';
import { seedColleagueFile } from './seed-annotations.ts';

type Lang = 'en' | 'ar';
const CATALOG: Record<Lang, Record<string, string>> = { en, ar };
const m = (lang: Lang, id: keyof typeof en): string => CATALOG[lang][id]!;

const SIZES = [
  { name: '1280x720', width: 1280, height: 720, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '1280x720-zoom150', width: 853, height: 480, scale: 1.5 },
  { name: '1920x1080-zoom150', width: 1280, height: 720, scale: 1.5 },
] as const;

/** A control that does not fit: what it is and why. */
interface Clipped {
  what: string;
  why: string;
}

/**
 * Every visible button, select, tab and text box that is cut off: sticking
 * out of the viewport or out of an ancestor that clips or scrolls sideways
 * (reaching it would take a horizontal scroll bar, or it cannot be reached
 * at all), or not showing its whole text. Lying below the fold of a pane
 * that scrolls vertically is fine: that is how long lists are read.
 */
async function clippedControls(page: Page): Promise<Clipped[]> {
  return page.evaluate(() => {
    const out: { what: string; why: string }[] = [];
    const ctx = document.createElement('canvas').getContext('2d')!;
    const vw = document.documentElement.clientWidth;
    const vh = document.documentElement.clientHeight;
    const box = (r: DOMRect): string =>
      `${Math.round(r.left)},${Math.round(r.top)}–${Math.round(r.right)},${Math.round(r.bottom)}`;
    const nodes = document.querySelectorAll<HTMLElement>(
      'button, select, [role="tab"], input:not([type="checkbox"]):not([type="radio"]):not([type="file"])',
    );
    for (const el of nodes) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const s = getComputedStyle(el);
      if (s.visibility === 'hidden' || el.closest('.sr-only, .visually-hidden, [hidden]')) continue;
      const name =
        el.getAttribute('aria-label') ||
        (el instanceof HTMLSelectElement
          ? (el.labels?.[0]?.textContent ?? el.selectedOptions[0]?.text)
          : el.textContent) ||
        el.tagName;
      const what = `${el.tagName.toLowerCase()} "${name.trim().slice(0, 40)}"`;
      let scrolledDown = false;
      for (let p = el.parentElement; p && p !== document.documentElement; p = p.parentElement) {
        const ps = getComputedStyle(p);
        const a = p.getBoundingClientRect();
        if (ps.overflowX !== 'visible' && (r.left < a.left - 1 || r.right > a.right + 1)) {
          out.push({
            what,
            why: `box ${box(r)} outside its ${p.className || p.tagName} ${box(a)}`,
          });
          break;
        }
        if (ps.overflowY === 'auto' || ps.overflowY === 'scroll') scrolledDown = true;
        else if (ps.overflowY !== 'visible' && (r.top < a.top - 1 || r.bottom > a.bottom + 1)) {
          out.push({ what, why: `box ${box(r)} clipped by ${p.className || p.tagName} ${box(a)}` });
          break;
        }
      }
      if (r.left < -1 || r.right > vw + 1 || (!scrolledDown && (r.top < -1 || r.bottom > vh + 1))) {
        out.push({ what, why: `box ${box(r)} outside the ${vw}×${vh} viewport` });
      }
      if (el.scrollWidth > el.clientWidth + 1) {
        out.push({ what, why: `text ${el.scrollWidth}px in ${el.clientWidth}px` });
      }
      if (el instanceof HTMLSelectElement) {
        // A select clips its shown option without overflowing: measure the
        // option's text in the select's font against the room it has
        // (content box less the arrow, 16 px).
        const text = el.selectedOptions[0]?.text ?? '';
        ctx.font = `${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
        const needed = ctx.measureText(text).width;
        const room =
          el.clientWidth - parseFloat(s.paddingInlineStart) - parseFloat(s.paddingInlineEnd) - 16;
        if (needed > room + 1) {
          out.push({
            what,
            why: `option "${text}" ${Math.ceil(needed)}px in ${Math.floor(room)}px`,
          });
        }
      }
    }
    return out;
  });
}

async function expectNothingClipped(page: Page, where: string): Promise<void> {
  const bad = await clippedControls(page);
  expect(bad.map((b) => `${where}: ${b.what} ${b.why}`)).toEqual([]);
}

/**
 * The α axis under the dashboard's dots: its labels do not touch, and it
 * runs from 0 at the leading edge to 1 at the far one (the right to the
 * left in Arabic), like the rows above it. Polled: the labels are placed
 * again whenever the track's width settles.
 */
async function expectAlphaAxis(page: Page, lang: Lang): Promise<void> {
  const labels = page.locator('.dot-row.axis text');
  await expect(labels.first()).toBeAttached();
  const problems = async (): Promise<string[]> => {
    const boxes = await labels.evaluateAll((ts) =>
      ts.map((t) => {
        const r = t.getBoundingClientRect();
        return { text: t.textContent ?? '', left: r.left, right: r.right };
      }),
    );
    const sorted = [...boxes].sort((a, b) => a.left - b.left);
    const out: string[] = [];
    if (sorted.length < 3) out.push(`only ${sorted.length} axis labels`);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i]!.left < sorted[i - 1]!.right)
        out.push(`axis labels ${sorted[i - 1]!.text} and ${sorted[i]!.text} touch`);
    }
    const farEnd = lang === 'ar' ? sorted[0] : sorted[sorted.length - 1];
    if (!/^[1١][.٫][0٠]$/.test(farEnd?.text ?? ''))
      out.push(`the far end is not 1 (${sorted.map((b) => b.text).join(' ')})`);
    return out;
  };
  await expect.poll(problems).toEqual([]);
}

/** The box of `locator`, which must be visible, in CSS px. */
async function boxOf(locator: Locator): Promise<{ width: number; height: number }> {
  await expect(locator).toBeVisible();
  const b = await locator.boundingBox();
  return { width: b!.width, height: b!.height };
}

/**
 * Every pane has room to be read: the reading pane at least 500 CSS px
 * wide, the document list and the side panel at least 200 wide and 300
 * high (a column shared by two panels at 853×480 gave each about 190).
 * In a narrow window the list and the side panel share one column and the
 * panel switch shows one at a time, each with the column's whole height.
 */
async function expectRoom(page: Page, lang: Lang, shot: (s: string) => Promise<void>) {
  const reading = await boxOf(page.getByRole('main', { name: m(lang, 'workbench.readingPane') }));
  expect(reading.width, 'reading pane width').toBeGreaterThanOrEqual(500);
  const list = page.getByRole('navigation', { name: m(lang, 'workbench.documents') });
  const side = page.getByRole('complementary', { name: m(lang, 'workbench.labelsAndSpans') });
  const panels = page.getByRole('group', { name: m(lang, 'workbench.panels') });
  const roomy = async (what: string, pane: Locator): Promise<void> => {
    const b = await boxOf(pane);
    expect(b.width, `${what} width`).toBeGreaterThanOrEqual(200);
    expect(b.height, `${what} height`).toBeGreaterThanOrEqual(300);
  };
  await roomy('document list', list);
  // Its rows keep room for a few documents (the controls above may scroll away).
  const rows = await boxOf(list.getByRole('listbox', { name: m(lang, 'workbench.documents') }));
  expect(rows.height, 'document rows height').toBeGreaterThanOrEqual(180);
  const narrow = (page.viewportSize()?.width ?? 0) <= 1000;
  if (!narrow) {
    await expect(panels).toBeHidden();
    await roomy('side panel', side);
    return;
  }
  const toSide = panels.getByRole('button', { name: m(lang, 'workbench.labelsAndSpans') });
  const toList = panels.getByRole('button', { name: m(lang, 'workbench.documents') });
  await expect(toList).toHaveAttribute('aria-pressed', 'true');
  await expect(side).toBeHidden();
  await toSide.click();
  await expect(toSide).toHaveAttribute('aria-pressed', 'true');
  await expect(list).toBeHidden();
  await roomy('side panel', side);
  expect((await boxOf(page.getByRole('main'))).width).toBeGreaterThanOrEqual(500);
  await shot('annotate-side-panel');
  await expectNothingClipped(page, 'side panel');
  // The panel switch and the narrow layout pass axe (no serious or critical violation).
  const axe = await new AxeBuilder({ page }).analyze();
  const serious = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' '))}`)).toEqual([]);
  // The keyboard reaches the switch and turns it back.
  await toList.focus();
  await page.keyboard.press('Enter');
  await expect(list).toBeVisible();
  await expect(side).toBeHidden();
}

/** Every visible child of `bar` shares its first row (`what` names it in the failure). */
async function expectOneRow(bar: Locator, what: string): Promise<void> {
  const tops = await bar.evaluate((el) =>
    [...el.children]
      .map((c) => c.getBoundingClientRect())
      .filter((r) => r.height > 0)
      .map((r) => Math.round(r.top)),
  );
  expect(tops.length, `${what} shows its items`).toBeGreaterThan(1);
  const below = tops.filter((top) => top > Math.min(...tops) + 12);
  expect(below, `${what} items below the first row (tops ${tops.join(', ')})`).toEqual([]);
}

for (const lang of ['en', 'ar'] as const) {
  for (const size of SIZES) {
    test(`${lang} at ${size.name}: no control is cut off`, async ({ browser }, info) => {
      test.setTimeout(120_000);
      const context = await browser.newContext({
        viewport: { width: size.width, height: size.height },
        deviceScaleFactor: size.scale,
      });
      const page = await context.newPage();
      const shot = async (screen: string): Promise<void> => {
        await page.screenshot({ path: info.outputPath(`${lang}-${size.name}-${screen}.png`) });
      };
      // Two colleagues' spans, so Review, Agreement and Analysis show figures.
      await startAs(page, 'ليلى');
      for (const annotator of ['Ahmad Kareem', 'Sara Ali']) {
        await importDatasetFile(
          page,
          { name: `${annotator}.jsonl`, content: seedColleagueFile(annotator) },
          { read: '3 valid lines', done: ['0 new documents, 3 matched'] },
        );
      }
      if (lang === 'ar') {
        await page.getByRole('combobox', { name: m('en', 'header.language') }).selectOption('ar');
        await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
      }
      const list = page.getByRole('listbox', { name: m(lang, 'workbench.documents') });
      await expect(list.getByRole('option')).toHaveCount(5);
      await list.getByRole('option').first().click();
      await expect(
        page.getByRole('article', { name: m(lang, 'annotate.articleText') }),
      ).toBeVisible();
      await shot('annotate');
      await expectNothingClipped(page, 'annotate');
      await expectRoom(page, lang, shot);

      const toolbar = page.getByRole('toolbar', { name: m(lang, 'toolbar.tools') });
      if (size.width === 1280 && size.height === 720) await expectOneRow(toolbar, 'toolbar');
      // The header is one compact row in the narrowest window too.
      if (size.width === 853) await expectOneRow(page.getByRole('banner'), 'header');
      // The More tools menu opens inside the window, and Escape closes it.
      await toolbar.getByRole('button', { name: m(lang, 'toolbar.more') }).click();
      const more = toolbar.getByRole('group', { name: m(lang, 'toolbar.more') });
      await expect(
        more.getByRole('combobox', { name: m(lang, 'toolbar.docStance') }),
      ).toBeVisible();
      await shot('more-tools');
      await expectNothingClipped(page, 'more tools');
      await page.keyboard.press('Escape');
      await expect(more).toBeHidden();

      const tabs = page.getByRole('tablist', { name: m(lang, 'mode.label') });
      const ready = {
        review: page.getByRole('region', { name: m(lang, 'review.of').split('{')[0]!.trim() }),
        agreement: page.getByRole('list', { name: m(lang, 'alpha.list') }),
        analysis: page.getByRole('table', { name: m(lang, 'analysis.table') }),
        team: page.getByText(m(lang, 'team.notConnected')),
      };
      for (const [tab, screen] of [
        ['mode.review', 'review'],
        ['mode.agreement', 'agreement'],
        ['mode.analysis', 'analysis'],
        ['mode.team', 'team'],
      ] as const) {
        await tabs.getByRole('tab', { name: m(lang, tab) }).click();
        await expect(ready[screen]).toBeVisible();
        if (screen === 'agreement') await expectAlphaAxis(page, lang);
        await shot(screen);
        await expectNothingClipped(page, screen);
      }
      await context.close();
    });
  }
}
