// Team projects end to end: browser profiles (one context each) of the web
// build, connected through the team dialog to one pouchdb-server on
// 127.0.0.1. A colleague's span shows in Review while they work; gold
// changed offline by two adjudicators comes back as a conflict to resolve;
// an analyst cannot write gold; the server killed mid-sync and restarted
// loses and doubles nothing; three analysts' exports converge byte for byte.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { addTestUsers } from '../tests/support/couch-commands.ts';
import { startCouchServer } from '../tests/support/couch-server.ts';
import { dragPhrase, openDocument, storedSpans } from './annotate-helpers.ts';
import { importDatasetFile, countOf } from './helpers.ts';
import { connect, createProject, expect, expectSynced, teamButton, test } from './team-helpers.ts';

const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
const P1 = 'لا توجد حاجة لأي قوات قتالية أجنبية';
const P2 = 'وقوات الأمن والجيش العراقي قادران على الدفاع';
const P3 = 'الإطار الزمني الرسمي لإعادة انتشارهم';

// Several profiles, a server and first syncs per test: a generous limit, so
// a busy machine's speed never decides a verdict (speed is measured in the bench).
test.describe.configure({ timeout: 300_000 });

async function label(page: Page, phrase: string, key: string): Promise<void> {
  await page.bringToFront();
  await dragPhrase(page, phrase);
  await page.keyboard.press(key);
}

function review(page: Page) {
  return page.getByRole('region', { name: /^Review of / });
}

test('a span one analyst makes shows in a colleague’s Review while they work', async ({
  profile,
  couch,
  project,
}) => {
  const a = await profile('omar');
  const b = await profile('huda');
  await connect(a.page, couch.url, project, 'omar');
  await connect(b.page, couch.url, project, 'huda');
  await expectSynced(a.page);
  await expectSynced(b.page);

  await b.page.bringToFront();
  await openDocument(b.page, KADHIMI);
  await b.page.getByRole('tab', { name: 'Review' }).click();
  await a.page.bringToFront();
  await openDocument(a.page, KADHIMI);
  await dragPhrase(a.page, P1);
  const pressed = Date.now();
  await a.page.keyboard.press('1');
  // The product target is 2 s (measured in npm run bench); the verdict here
  // must not depend on this machine's speed.
  await expect(review(b.page).getByLabel('omar: 1 span')).toBeVisible({ timeout: 30_000 });
  test
    .info()
    .annotations.push({ type: 'span to colleague', description: `${Date.now() - pressed} ms` });
  await expectSynced(a.page);
  await b.page.screenshot({ path: test.info().outputPath('team-review-live.png') });
});

test('two adjudicators change gold offline; back online the conflict shows and is resolved', async ({
  profile,
  couch,
  project,
}) => {
  const sara = await profile('sara');
  const nour = await profile('nour');
  for (const [p, who] of [
    [sara.page, 'sara'],
    [nour.page, 'nour'],
  ] as const) {
    await connect(p, couch.url, project, who);
    await openDocument(p, KADHIMI);
  }
  await label(sara.page, P1, '1');
  await label(nour.page, P2, '2');
  for (const p of [sara.page, nour.page]) {
    await expectSynced(p);
    await p.getByRole('tab', { name: 'Review' }).click();
    // Each sees both lanes (their own is called “NAME (you)”).
    await expect(review(p).getByLabel(/^sara( \(you\))?: 1 span$/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(review(p).getByLabel(/^nour( \(you\))?: 1 span$/)).toBeVisible({
      timeout: 30_000,
    });
  }

  await sara.context.setOffline(true);
  await nour.context.setOffline(true);
  await sara.page.bringToFront();
  await review(sara.page)
    .getByRole('button', { name: `Accept “${P1}” as pro-withdrawal into gold` })
    .click();
  await review(nour.page)
    .getByRole('button', { name: `Accept “${P2}” as pro-coalition into gold` })
    .click();
  for (const p of [sara.page, nour.page]) {
    await expect(review(p).getByLabel('Gold: 1 span').first()).toBeVisible();
    await expect(teamButton(p)).toHaveAccessibleName(/change.* waiting/, { timeout: 30_000 });
  }
  await sara.context.setOffline(false);
  await nour.context.setOffline(false);

  const conflict = (p: Page) =>
    p.getByRole('region', { name: 'Gold conflict: two versions of this document’s gold' });
  for (const p of [sara.page, nour.page]) {
    await expect(conflict(p)).toBeVisible({ timeout: 60_000 });
    await expect(conflict(p).getByRole('list', { name: 'Spans of sara’s version' })).toContainText(
      P1,
    );
    await expect(conflict(p).getByRole('list', { name: 'Spans of nour’s version' })).toContainText(
      P2,
    );
  }
  await sara.page.bringToFront();
  await sara.page.screenshot({ path: test.info().outputPath('team-gold-conflict.png') });
  await conflict(sara.page).getByRole('button', { name: 'Keep nour’s version' }).click();
  for (const p of [sara.page, nour.page]) {
    await expect(conflict(p)).toBeHidden({ timeout: 60_000 });
    await expect(review(p).getByRole('list', { name: 'Gold spans' }).first()).toContainText(P2);
    await expectSynced(p);
  }
});

test('an analyst without the adjudicator role cannot write gold, and is told why', async ({
  profile,
  couch,
  project,
}) => {
  const omar = await profile('omar');
  await connect(omar.page, couch.url, project, 'omar');
  await openDocument(omar.page, KADHIMI);
  await label(omar.page, P1, '1');
  await expectSynced(omar.page);
  await omar.page.getByRole('tab', { name: 'Review' }).click();
  await review(omar.page)
    .getByRole('button', { name: `Accept “${P1}” as pro-withdrawal into gold` })
    .click();
  // The row showed the accept at once; refused, it rolls back and says why.
  await expect(omar.page.getByRole('alert').filter({ hasText: 'Accepting' })).toContainText(
    `Accepting “${P1}” as pro-withdrawal into gold failed (Review): Not saved: in the team project ${project}, only adjudicators change gold, and omar (analyst) is not one.`,
  );
  await expect(
    review(omar.page).getByRole('listitem').filter({ hasText: P1 }).filter({ hasText: 'pending' }),
  ).toBeVisible();
  await expect(review(omar.page).getByLabel('Gold: 0 spans')).toBeVisible();
  await expectSynced(omar.page);
  const res = await couch.adminFetch(
    `/${project}/_all_docs?startkey=%22gold%3A%22&endkey=%22gold%3A%EF%BF%B0%22`,
  );
  expect(((await res.json()) as { rows: unknown[] }).rows).toEqual([]);
  await omar.page.screenshot({ path: test.info().outputPath('team-gold-refused.png') });
});

test('the server killed mid-sync and restarted: nothing lost, nothing doubled', async ({
  profile,
}) => {
  const server = await startCouchServer({ persistent: true });
  try {
    await addTestUsers(server);
    await createProject(server, 'survivors');
    const omar = await profile('omar');
    const huda = await profile('huda');
    await connect(omar.page, server.url, 'survivors', 'omar');
    await connect(huda.page, server.url, 'survivors', 'huda');
    await expectSynced(omar.page);
    await omar.page.bringToFront();
    await openDocument(omar.page, KADHIMI);
    await label(omar.page, P1, '1');
    await server.kill();
    await label(omar.page, P2, '2');
    await label(omar.page, P3, '1');
    await expect(teamButton(omar.page)).toHaveAccessibleName(
      /^Team sync: Server unreachable — \d+ changes? waiting$/,
      { timeout: 60_000 },
    );
    await omar.page.screenshot({ path: test.info().outputPath('team-unreachable.png') });
    await server.restart();
    await expectSynced(omar.page);
    const onServer = await server.adminFetch(
      '/survivors/_all_docs?startkey=%22span%3Aomar%3A%22&endkey=%22span%3Aomar%3A%EF%BF%B0%22',
    );
    expect(((await onServer.json()) as { rows: unknown[] }).rows).toHaveLength(3);
    await expect(async () => {
      const spans = (await storedSpans(huda.page)).filter((s) => s.annotatorId === 'omar');
      expect(spans.map((s) => s.quote).sort()).toEqual([P1, P2, P3].sort());
    }).toPass({ timeout: 60_000 });
  } finally {
    await server.stop();
  }
});

/** 50 articles, and one analyst's spans on each, as a spans JSONL file. */
function fiftyDocuments(annotator: string, seed: number): { file: string; spans: number } {
  const lines: string[] = [];
  let spans = 0;
  for (let i = 0; i < 50; i++) {
    const text = `المقال رقم ${i + 1}: قال وزير الخارجية إن الحوار مع الولايات المتحدة مستمر. وأكد نواب أن انسحاب القوات القتالية ضروري.`;
    const phrases = ['قال وزير الخارجية', 'الحوار مع الولايات المتحدة', 'انسحاب القوات القتالية'];
    const mine = phrases.filter((_, k) => (i + k + seed) % 3 !== 0);
    const labels = ['pro-withdrawal', 'pro-coalition', 'kurdish-skepticism'];
    lines.push(
      JSON.stringify({
        text,
        spans: mine.map((p, k) => {
          const start = text.indexOf(p);
          return { start, end: start + p.length, label: labels[(i + k + seed) % 3], text: p };
        }),
        meta: { title: `مقال ${i + 1}`, status: (i + seed) % 2 ? 'done' : 'in-progress' },
        _annotator_id: annotator,
      }),
    );
    spans += mine.length;
  }
  return { file: `${lines.join('\n')}\n`, spans };
}

/** Exports every span of `names` from `page`'s profile, as its user would. */
async function exportEverything(page: Page, names: string[]): Promise<string> {
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export dataset' });
  const group = dialog.getByRole('group', { name: 'Annotators' });
  // The annotator list is a live query: wait for each analyst's box by name
  // (a count taken at one instant may see the list before it has loaded).
  for (const who of names) await group.getByRole('checkbox', { name: new RegExp(who) }).check();
  await expect(group.getByRole('checkbox', { checked: true })).toHaveCount(names.length);
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  await expect(dialog.getByRole('status')).toContainText('Exported');
  await dialog.getByRole('button', { name: 'Close' }).click();
  return readFile((await file.path())!, 'utf8');
}

test('three analysts × 50 documents converge: every profile exports the same bytes', async ({
  profile,
  couch,
  project,
}) => {
  const names = ['omar', 'huda', 'sara'];
  const pages: Page[] = [];
  let total = 0;
  for (const [k, who] of names.entries()) {
    const { page } = await profile(who);
    const data = fiftyDocuments(who, k);
    total += data.spans;
    await importDatasetFile(
      page,
      { name: `${who}.jsonl`, content: data.file },
      { read: '50 valid lines', done: [`${countOf(data.spans, 'span')} added`] },
    );
    await connect(page, couch.url, project, who);
    pages.push(page);
  }
  for (const page of pages)
    await expect(async () => expect(await storedSpans(page)).toHaveLength(total)).toPass({
      timeout: 120_000,
    });
  for (const page of pages) await expectSynced(page);
  const exports = [];
  for (const page of pages) exports.push(await exportEverything(page, names));
  expect(exports[0]!.split('\n').length).toBeGreaterThan(150);
  expect(exports[1]).toBe(exports[0]);
  expect(exports[2]).toBe(exports[0]);
  await pages[0]!.getByRole('tab', { name: 'Team' }).click();
  await expect(pages[0]!.getByRole('table', { name: 'Progress' })).toContainText('huda');
  await pages[0]!.screenshot({ path: test.info().outputPath('team-progress.png') });
});
