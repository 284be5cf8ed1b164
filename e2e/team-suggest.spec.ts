// Cue phrases in a team project, end to end: two browser profiles of the
// web build connected to one pouchdb-server on 127.0.0.1. Omar lists a cue
// phrase in the evaluation panel; in Huda's profile it shows as a proposal
// on an article nobody has annotated, saying Omar listed it, and among
// the colleagues' cue phrases of her own gazetteer editor.
import type { Page } from '@playwright/test';
import { seedStanceLines } from '../tests/fixtures/seed-stances.ts';
import { openDocument } from './annotate-helpers.ts';
import { importDatasetFile, countOf } from './helpers.ts';
import { connect, expect, expectSynced, test } from './team-helpers.ts';

const KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
/** In the Kadhimi article; no span of the seed stances covers it elsewhere. */
const CUE = 'الإطار الزمني الرسمي';

// Two profiles, a server, training and held-out evaluation: a generous
// limit, so a busy machine's speed never decides a verdict.
test.describe.configure({ timeout: 300_000 });

function evaluation(page: Page) {
  return page.getByRole('dialog', { name: 'Suggestion evaluation' });
}

test('a cue phrase one analyst lists shows as a proposal in a colleague’s profile, with who listed it', async ({
  profile,
  couch,
  project,
}) => {
  // Huda has her own stances on four articles (the Kadhimi article held back).
  const { page: huda } = await profile('huda');
  const lines = seedStanceLines('huda').slice(1);
  const spans = lines.reduce((n, l) => n + (JSON.parse(l) as { spans: unknown[] }).spans.length, 0);
  await importDatasetFile(
    huda,
    { name: 'huda.jsonl', content: lines.join('\n') },
    { read: 'Some lines carry your own annotator id', done: [`${countOf(spans, 'span')} added`] },
  );
  await connect(huda, couch.url, project, 'huda');
  const { page: omar } = await profile('omar');
  await connect(omar, couch.url, project, 'omar');

  // Omar lists a cue phrase for Pro-withdrawal.
  await omar.bringToFront();
  await openDocument(omar, KADHIMI);
  await omar.getByRole('button', { name: 'Evaluation…' }).click();
  const cues = evaluation(omar).getByRole('textbox', { name: 'Cue phrases for Pro-withdrawal' });
  await cues.fill(CUE);
  await evaluation(omar).getByRole('button', { name: 'Save cue phrases' }).click();
  await expect(evaluation(omar).getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await evaluation(omar).getByRole('button', { name: 'Close' }).click();
  await expectSynced(omar);

  // Huda switches the matcher on (its threshold to 0) on the Kadhimi article.
  await huda.bringToFront();
  await openDocument(huda, KADHIMI);
  await expect(huda.getByRole('status', { name: 'Suggester status' })).toContainText(
    `and your ${countOf(spans, 'span')}.`,
    { timeout: 120_000 },
  );
  await huda.getByRole('button', { name: 'Evaluation…' }).click();
  const dialog = evaluation(huda);
  const matcher = dialog.getByRole('region', { name: 'Matcher' });
  await matcher
    .getByRole('textbox', { name: 'Threshold for Matcher (held-out overlap F1)' })
    .fill('0');
  await expect(matcher.getByRole('heading')).toHaveText('Matcher: On');
  // Omar's phrase is among the colleagues' cue phrases, with his name.
  const theirs = dialog.getByRole('list', { name: 'Colleagues’ cue phrases for Pro-withdrawal' });
  await expect(theirs.getByRole('listitem')).toHaveText([`${CUE} listed by omar`], {
    timeout: 60_000,
  });
  // Huda's own list stays hers: empty.
  await expect(dialog.getByRole('textbox', { name: 'Cue phrases for Pro-withdrawal' })).toHaveValue(
    '',
  );
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The phrase is proposed in the article; the current suggestion says who listed it.
  const list = huda.getByRole('list', { name: 'Suggestions in this article' });
  const proposal = list.getByRole('button', { name: `Pro-withdrawal ${CUE}` });
  await expect(proposal).toBeVisible({ timeout: 60_000 });
  await proposal.click();
  const current = huda.getByRole('group', { name: 'Current suggestion' });
  await expect(current.locator('.suggest-quote')).toHaveText(CUE);
  await expect(current).toContainText('Cue phrase listed by omar');
  await huda.screenshot({ path: test.info().outputPath('team-cue-proposal.png') });

  // The same in Arabic, as Huda reads it.
  await huda.getByRole('combobox', { name: 'Language' }).selectOption('ar');
  await expect(huda.locator('html')).toHaveAttribute('lang', 'ar');
  await expect(huda.getByRole('group', { name: 'الاقتراح الحالي' })).toContainText(
    'عبارة إشارة من المعجم، أضافها: omar',
  );
  await huda.getByRole('button', { name: 'التقييم…' }).click();
  const ar = huda.getByRole('dialog', { name: 'تقييم الاقتراحات' });
  await expect(
    ar.getByRole('list', { name: 'عبارات الإشارة التي أضافها الزملاء لتصنيف Pro-withdrawal' }),
  ).toContainText(`${CUE} أضافها: omar`);
  await ar.getByRole('region', { name: 'عبارات الإشارة (المعجم)' }).scrollIntoViewIfNeeded();
  await huda.screenshot({ path: test.info().outputPath('team-cue-editor-ar.png') });
});
