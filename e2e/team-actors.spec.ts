// Actors shared through a team project, end to end: two browser profiles of
// the web build connected to one pouchdb-server on 127.0.0.1. Omar makes an
// actor from a name selected in a seed article and attributes a span to it
// with the proposal; Huda, synced, finds the actor in her Actors dialog and
// attributes her own span to it, and another to a duplicate she makes. Omar
// merges the duplicate: Huda's list shows one actor and her Analysis counts
// her span of the duplicate under the actor it became, though only she may
// rewrite her spans. Omar's undo of the merge reaches her too.
import type { Page } from '@playwright/test';
import { dragPhrase, openDocument } from './annotate-helpers.ts';
import { connect, expect, expectSynced, test } from './team-helpers.ts';

const KADHIMI_DOC = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
const KADHIMI = { name: 'مصطفى الكاظمي', en: 'Mustafa al-Kadhimi', aliases: ['الكاظمي'] };
const TITLE = { name: 'رئيس الوزراء العراقي', en: 'Iraqi prime minister' };
const P1 = 'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية';
const P2 = 'وقوات الأمن والجيش العراقي قادران على الدفاع';
const P3 = 'الإطار الزمني الرسمي لإعادة انتشارهم';

// Two profiles, a server and their first syncs: a generous limit, so a busy
// machine's speed never decides a verdict.
test.describe.configure({ timeout: 300_000 });

function actorsDialog(page: Page) {
  return page.getByRole('dialog', { name: 'Actors' });
}

/** Opens the Actors dialog (its button is in the Annotate view). */
async function openActors(page: Page): Promise<void> {
  await page.getByRole('tab', { name: 'Annotate' }).click();
  await page.getByRole('button', { name: 'Actors…' }).click();
  await expect(actorsDialog(page)).toBeVisible();
}

/** The rows of the Actors dialog's table (open it first). */
function actorRows(page: Page) {
  return actorsDialog(page).getByRole('table', { name: 'Project actors' }).locator('tbody tr');
}

/** Selects `a.name` in the open article and makes it an actor in the Actors dialog. */
async function actorFromSelection(
  page: Page,
  a: { name: string; en: string; aliases?: string[] },
): Promise<void> {
  await dragPhrase(page, a.name);
  await page.getByRole('button', { name: 'Actors…' }).click();
  const dialog = actorsDialog(page);
  await dialog.getByRole('button', { name: `New actor from “${a.name}”` }).click();
  const form = dialog.getByRole('form', { name: 'New actor' });
  await expect(form.getByRole('textbox', { name: 'Arabic name' })).toHaveValue(a.name);
  await form.getByRole('textbox', { name: 'English name' }).fill(a.en);
  if (a.aliases)
    await form.getByRole('textbox', { name: 'Aliases (one per line)' }).fill(a.aliases.join('\n'));
  await form.getByRole('button', { name: 'Save actor' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Created: ${a.name}`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Labels `phrase` with hotkey `key`, its span then selected in the span panel. */
async function labelPhrase(page: Page, phrase: string, key: string): Promise<void> {
  await dragPhrase(page, phrase);
  await page.keyboard.press(key);
  await expect(page.getByRole('form', { name: 'Selected span' })).toContainText(phrase);
}

/** Picks the selected span's holder actor by hand. */
async function chooseHolder(page: Page, a: { name: string; en: string }): Promise<void> {
  const holder = page
    .getByRole('form', { name: 'Selected span' })
    .getByRole('combobox', { name: 'Holder actor' });
  await holder.selectOption({ label: `${a.name} (${a.en})` });
  await expect(holder).toHaveText(new RegExp(a.name));
}

/** The Analysis table's cells of `name`'s row (Pro-withdrawal, Pro-coalition, Kurdish skepticism, Total). */
async function analysisCounts(page: Page, name: string): Promise<string[]> {
  const table = page.getByRole('table', { name: 'Actors × labels' });
  const row = table.getByRole('row', { name });
  if ((await row.count()) === 0) return [];
  return (await row.getByRole('cell').allInnerTexts()).map((t) => t.trim());
}

test('an actor one analyst makes reaches a colleague, who attributes spans to it; a merge reaches them too', async ({
  profile,
  couch,
  project,
}) => {
  const { page: omar } = await profile('omar');
  const { page: huda } = await profile('huda');
  await connect(omar, couch.url, project, 'omar');
  await connect(huda, couch.url, project, 'huda');

  // Omar: the actor from the selected name, and a span attributed by the proposal (H).
  await omar.bringToFront();
  await openDocument(omar, KADHIMI_DOC);
  await actorFromSelection(omar, KADHIMI);
  await labelPhrase(omar, P1, '1');
  const proposal = omar
    .getByRole('form', { name: 'Selected span' })
    .getByRole('region', { name: 'Proposed attribution' });
  await expect(proposal).toContainText(`Proposed holder: ${KADHIMI.name}`);
  await omar.keyboard.press('h');
  await expect(proposal).toContainText('The proposal is the span’s attribution.');
  await expectSynced(omar);

  // Huda: the actor is in her list; she attributes her own span to it, and
  // another to a duplicate she makes from the title in the text.
  await huda.bringToFront();
  await expectSynced(huda);
  await openActors(huda);
  await expect(actorRows(huda)).toHaveCount(1, { timeout: 30_000 });
  await expect(actorRows(huda).first()).toContainText(KADHIMI.en);
  await huda.screenshot({ path: test.info().outputPath('team-actors-dialog-b.png') });
  await actorsDialog(huda).getByRole('button', { name: 'Close' }).click();
  await openDocument(huda, KADHIMI_DOC);
  await labelPhrase(huda, P2, '2');
  await chooseHolder(huda, KADHIMI);
  await actorFromSelection(huda, TITLE);
  await labelPhrase(huda, P3, '1');
  await chooseHolder(huda, TITLE);
  await expectSynced(huda);

  // Omar sees Huda's spans under the shared actor, and her duplicate.
  await omar.bringToFront();
  await omar.getByRole('tab', { name: 'Analysis' }).click();
  await expect
    .poll(() => analysisCounts(omar, KADHIMI.name), { timeout: 30_000 })
    .toEqual(['1', '1', '0', '2']);
  await expect.poll(() => analysisCounts(omar, TITLE.name)).toEqual(['1', '0', '0', '1']);

  // Omar merges the duplicate into the actor he made.
  await openActors(omar);
  const dialog = actorsDialog(omar);
  await expect(actorRows(omar)).toHaveCount(2);
  await dialog.getByRole('checkbox', { name: `Select ${KADHIMI.name} for merging` }).check();
  await dialog.getByRole('checkbox', { name: `Select ${TITLE.name} for merging` }).check();
  await dialog.getByRole('combobox', { name: 'Keep' }).selectOption({ label: KADHIMI.name });
  await dialog.getByRole('button', { name: 'Merge 2 actors into the one kept' }).click();
  await expect(actorRows(omar)).toHaveCount(1);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expectSynced(omar);

  // Huda: one actor, the title its alias; her span of the duplicate counts
  // under the actor it became, in her Analysis and in Omar's.
  await huda.bringToFront();
  await huda.getByRole('tab', { name: 'Analysis' }).click();
  await expect
    .poll(() => analysisCounts(huda, KADHIMI.name), { timeout: 30_000 })
    .toEqual(['2', '1', '0', '3']);
  expect(await analysisCounts(huda, TITLE.name)).toEqual([]);
  await huda.screenshot({ path: test.info().outputPath('team-actors-analysis-b.png') });
  await openActors(huda);
  await expect(actorRows(huda)).toHaveCount(1);
  await expect(actorRows(huda).first()).toContainText(TITLE.name);
  await huda.screenshot({ path: test.info().outputPath('team-actors-merged-b.png') });
  await actorsDialog(huda).getByRole('button', { name: 'Close' }).click();
  // Her span list names each holder as the actor is now, not as it was saved.
  await huda.getByRole('tab', { name: 'Annotate' }).click();
  const spans = huda.getByRole('list', { name: 'Spans' });
  await expect(spans.getByText(`Holder: ${KADHIMI.name}`)).toHaveCount(2);
  await expect(spans.getByText(`Holder: ${TITLE.name}`)).toHaveCount(0);
  await omar.bringToFront();
  await omar.getByRole('tab', { name: 'Analysis' }).click();
  await expect.poll(() => analysisCounts(omar, KADHIMI.name)).toEqual(['2', '1', '0', '3']);

  // Omar undoes the merge: Huda has both actors again.
  await openActors(omar);
  await dialog.getByRole('button', { name: /^Undo: merge/ }).click();
  await expect(actorRows(omar)).toHaveCount(2);
  await expectSynced(omar);
  await huda.bringToFront();
  await huda.getByRole('tab', { name: 'Analysis' }).click();
  await expect
    .poll(() => analysisCounts(huda, TITLE.name), { timeout: 30_000 })
    .toEqual(['1', '0', '0', '1']);
  expect(await analysisCounts(huda, KADHIMI.name)).toEqual(['1', '1', '0', '2']);
});
