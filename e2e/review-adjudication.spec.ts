// A team lead's adjudication of three analysts' files that bring their own
// tokens (split clitics, unlike the workbench tokenizer): every figure of
// the Agreement dashboard, with its 95 % interval, equals `stance agreement
// --json --ci` on the same files; the dashboard says the figures rest on
// the files' tokens; then gold is built, progress and feedback follow, and
// Export from Review writes stance-gold-<date>.jsonl.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { RELIABILITY_TEXT, reliabilityOf } from '../src/core/agreement/reliability.ts';
import { importDatasetFile, startAs } from './helpers.ts';

const DIR = join(import.meta.dirname, '..', 'tests', 'fixtures', 'agreement');
const FILES = ['ahmad', 'sara', 'omar'].map((n) => join(DIR, `${n}.jsonl`));
const NAMES: Record<string, string> = {
  ahmad: 'Ahmad Kareem',
  sara: 'Sara Ali',
  omar: 'Omar Haddad',
};

type Interval = [number, number] | null;
interface CliReport {
  annotators: string[];
  documents: number;
  labels: Record<string, Figures>;
  macro: Figures;
  units: { alpha: { tokens: number; documents: number } };
  reliability: Record<string, string | null>;
  ci: {
    labels: Record<string, { alpha: Interval; kappa: Pairs<Interval> }>;
    macro: { alpha: Interval; kappa: Pairs<Interval> };
  };
}
/** Per pair, nested: `m[a][b]`, a before b in `annotators` order. */
type Pairs<T> = Record<string, Record<string, T>>;
interface Figures {
  alpha: number | null;
  kappa: Pairs<number | null>;
  f1_exact: Pairs<number | null>;
  f1_overlap: Pairs<number | null>;
}

function cli(files: string[]): CliReport {
  const out = execFileSync(
    process.execPath,
    ['bin/stance.mjs', 'agreement', ...files, '--json', '--ci'],
    { encoding: 'utf8' },
  );
  return JSON.parse(out) as CliReport;
}

/** The dashboard's formatting: three decimals, "—" when undefined. */
function fmt(x: number | null | undefined): string {
  if (x === null || x === undefined) return '—';
  const s = x.toFixed(3);
  return s === '-0.000' ? '0.000' : s;
}
const range = (ci: Interval | undefined): string =>
  ci ? `, 95% interval ${fmt(ci[0])}–${fmt(ci[1])}` : '';

test('three analysts: the dashboard equals stance agreement --ci, then adjudication', async ({
  page,
}) => {
  // A long journey (three imports, 45 figures, a whole adjudication).
  test.slow();
  await page.setViewportSize({ width: 1280, height: 800 });
  await startAs(page, 'ليلى حسن');
  for (const f of FILES) {
    const name = f.split('/').pop()!;
    await importDatasetFile(
      page,
      { name, content: readFileSync(f, 'utf8') },
      { read: '12 valid lines', done: ['spans added'] },
    );
  }
  const report = cli(FILES);
  // The files' tokens matter: on the workbench tokenizer (tokens removed)
  // the figures differ, so this test would catch the app ignoring them.
  const bare = mkdtempSync(join(tmpdir(), 'bare-'));
  const bareFiles = FILES.map((f, i) => {
    const path = join(bare, `${i}.jsonl`);
    const lines = readFileSync(f, 'utf8').trim().split('\n');
    writeFileSync(
      path,
      lines.map((l) => JSON.stringify({ ...JSON.parse(l), tokens: undefined })).join('\n'),
    );
    return path;
  });
  const workbench = cli(bareFiles);
  expect(workbench.macro.alpha).not.toBeCloseTo(report.macro.alpha!, 3);

  await page.getByRole('tab', { name: 'Agreement' }).click();
  const dash = page.getByRole('region', { name: 'Agreement dashboard' });
  await expect(dash.getByRole('status').first()).toContainText('12 documents, 3 annotators');
  await expect(dash.getByRole('note', { name: 'Tokens the figures rest on' })).toContainText(
    `the files' own tokens (all 12 documents): ${report.units.alpha.tokens} tokens`,
  );
  await expect(dash.getByText('Intervals: 95 % bootstrap, 1,000 resamples')).toBeVisible();

  // α per label and overall, with intervals and reliability bands: the
  // chart's numbers, and its dots (keyboard-focusable controls too).
  const alphaName = (name: string, alpha: number | null, ci: Interval): string => {
    const band = reliabilityOf(alpha);
    return `alpha for ${name}: ${fmt(alpha)}${range(ci)}${band ? `, ${RELIABILITY_TEXT[band]}` : ''}`;
  };
  for (const [name, f] of Object.entries(report.labels)) {
    const full = alphaName(name, f.alpha, report.ci.labels[name]!.alpha);
    expect(report.reliability[name]).toBe(reliabilityOf(f.alpha));
    await expect(dash.getByRole('button', { name: full, exact: true })).toBeVisible();
    await expect(
      dash.getByRole('button', { name: `${full} (point on the chart)`, exact: true }),
    ).toBeVisible();
  }
  await expect(
    dash.getByRole('button', {
      name: alphaName('all labels (macro)', report.macro.alpha, report.ci.macro.alpha),
      exact: true,
    }),
  ).toBeVisible();

  // Every pair figure of every label and the macro, from the heat map.
  const metricNames = {
    kappa: "Cohen's κ (tokens)",
    f1_exact: 'span F1, exact',
    f1_overlap: 'span F1, overlap',
  } as const;
  let checked = 0;
  for (const target of [...Object.keys(report.labels), null]) {
    await dash.getByRole('combobox', { name: 'Pair label' }).selectOption(target ?? '');
    const f = target === null ? report.macro : report.labels[target]!;
    const cis = target === null ? report.ci.macro.kappa : report.ci.labels[target]!.kappa;
    for (const metric of ['kappa', 'f1_exact', 'f1_overlap'] as const) {
      await dash.getByRole('combobox', { name: 'Pair figure' }).selectOption(metric);
      for (const [a, row] of Object.entries(f[metric]))
        for (const [b, v] of Object.entries(row)) {
          const cell = dash.getByRole('button', {
            name: `${metricNames[metric]} ${a} and ${b}, ${target ?? 'all labels (macro)'}: ${fmt(v)}${
              metric === 'kappa' ? range(cis[a]![b]) : ''
            };`,
          });
          await expect(cell).toBeVisible();
          checked++;
        }
    }
  }
  expect(checked).toBe(4 * 3 * 3);
  await dash.getByRole('combobox', { name: 'Pair figure' }).selectOption('kappa');
  await page.getByRole('main').evaluate((m) => m.scrollTo(0, 0));
  await page.screenshot({ path: test.info().outputPath('dashboard-1280.png') });

  // The dot is a control too: Enter opens the spans behind α.
  await dash
    .getByRole('button', { name: /^alpha for pro-coalition: .*\(point on the chart\)$/ })
    .focus();
  await page.keyboard.press('Enter');
  const evidence = page.getByRole('dialog', { name: 'Spans behind alpha for pro-coalition' });
  await expect(evidence.getByRole('listitem').first()).toBeVisible();
  await evidence.getByRole('button', { name: 'Close' }).click();

  // Adjudication: accept what at least two agree on, everywhere.
  const progress = dash.getByRole('region', { name: 'Adjudication' });
  await expect(progress).toContainText('0 of 12 documents adjudicated');
  await progress
    .getByRole('button', {
      name: 'Accept all where at least 2 annotators agree exactly, in every document',
    })
    .click();
  await expect(progress.getByRole('status')).toContainText('into gold across 12 documents');
  const table = dash.getByRole('table', { name: 'Documents by disagreement' });
  await expect(table).toContainText('proposals pending');

  // One document's lanes: three analysts and gold.
  const first = table.getByRole('row').nth(1);
  const title = (await first.getByRole('button', { name: /^Review / }).textContent())!;
  await first.getByRole('button', { name: /^Review / }).click();
  const review = page.getByRole('region', { name: `Review of ${title}` });
  await expect(review.getByRole('checkbox', { name: /^Show / })).toHaveCount(4);
  await expect(review.locator('[data-lane]').first()).toBeVisible();
  // Click the first lane: the side panel shows that passage's proposals.
  await review
    .getByRole('group', { name: /^Passage/ })
    .first()
    .locator('[data-lane]')
    .first()
    .click();
  const side = page.getByRole('complementary', { name: 'Labels and proposals' });
  await expect(side.getByRole('heading', { name: 'Selected passage' })).toBeVisible();
  await expect(side.getByRole('list', { name: 'Proposals in the selected passage' })).toBeVisible();
  await expect(side).not.toContainText('select words');
  await page.screenshot({ path: test.info().outputPath('lanes-1280.png') });
  // Reject every proposal still pending (the agreed ones are in gold).
  const pending = review.getByRole('listitem').filter({ hasText: 'pending' });
  for (let n = await pending.count(); n > 0; n--) {
    await pending
      .first()
      .getByRole('button', { name: /^Reject / })
      .click();
    await expect(pending).toHaveCount(n - 1);
  }
  await review.getByRole('button', { name: 'Mark adjudicated' }).click();
  await expect(review).toContainText('Gold is marked adjudicated.');

  // Export from Review: gold by default, named stance-gold-<date>.jsonl.
  await page.getByRole('button', { name: 'Export…' }).click();
  const exp = page.getByRole('dialog', { name: 'Export dataset' });
  await expect(
    exp.getByRole('group', { name: 'Annotators' }).getByRole('checkbox', { name: 'Gold' }),
  ).toBeChecked();
  const download = page.waitForEvent('download');
  await exp.getByRole('button', { name: 'Export' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^stance-gold-\d{4}-\d{2}-\d{2}\.jsonl$/);
  const gold = readFileSync((await file.path())!, 'utf8')
    .trim()
    .split('\n');
  expect(
    gold.every((l) => (JSON.parse(l) as { _annotator_id: string })._annotator_id === 'gold'),
  ).toBe(true);
  await exp.getByRole('button', { name: 'Close' }).click();

  // Back on the dashboard: progress, the filter, and feedback per analyst.
  await page.getByRole('tab', { name: 'Agreement' }).click();
  await expect(progress).toContainText('1 of 12 documents adjudicated');
  await dash
    .getByRole('checkbox', { name: /^Only documents that need adjudication \(11\)/ })
    .check();
  await expect(table.getByRole('row')).toHaveCount(12);
  await expect(table).not.toContainText(title);
  const feedback = dash.getByRole('region', { name: 'Feedback against gold' });
  await feedback.getByRole('combobox', { name: 'Analyst' }).selectOption({ label: NAMES.omar! });
  await expect(
    feedback.getByRole('table', { name: 'Differences from gold per label' }),
  ).toBeVisible();
});
