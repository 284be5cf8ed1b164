// Who holds each stance, on the seed articles, as an analyst works: the
// five actors of issue 15 made from names selected in the text, five spans
// attributed (four by confirming the proposal with one key, one by hand),
// the Analysis view's counts and an evidence link, and the CSV export.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { dragPhrase, firstRun, openDocument, spanItems, storedSpans } from './annotate-helpers.ts';

const DOC_KADHIMI = 'قال رئيس الوزراء العراقي، مصطفى الكاظمي';
const DOC_WSJ = 'واشنطن قد تسحب قواتها المقاتلة من العراق';
const DOC_BARZANI = 'نيجيرفان بارزاني: نتائج الحوار الستراتيجي';

interface NewActor {
  /** The name as selected in the text. */
  name: string;
  en: string;
  aliases: string[];
  affiliation: string;
}

const KADHIMI: NewActor = {
  name: 'مصطفى الكاظمي',
  en: 'Mustafa al-Kadhimi',
  aliases: ['الكاظمي', 'رئيس الوزراء العراقي'],
  affiliation: 'الحكومة العراقية',
};
const KHAZALI: NewActor = {
  name: 'قيس الخزعلي',
  en: 'Qais al-Khazali',
  aliases: ['الخزعلي'],
  affiliation: 'عصائب أهل الحق',
};
const FUAD: NewActor = {
  name: 'فؤاد حسين',
  en: 'Fuad Hussein',
  aliases: ['وزير الخارجية العراقي'],
  affiliation: 'الحكومة العراقية',
};
const DIZAYEE: NewActor = {
  name: 'سفين دزيي',
  en: 'Safeen Dizayee',
  aliases: ['دزيي'],
  affiliation: 'حكومة إقليم كوردستان',
};
const NECHIRVAN: NewActor = {
  name: 'نيجيرفان بارزاني',
  en: 'Nechirvan Barzani',
  aliases: [],
  affiliation: 'حكومة إقليم كوردستان',
};

/** Selects the actor's name in the article and makes it an actor in the Actors dialog. */
async function createActor(page: Page, a: NewActor, screenshot?: string): Promise<void> {
  await dragPhrase(page, a.name);
  await page.getByRole('button', { name: 'Actors…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actors' });
  await dialog.getByRole('button', { name: `New actor from “${a.name}”` }).click();
  const form = dialog.getByRole('form', { name: 'New actor' });
  await expect(form.getByRole('textbox', { name: 'Arabic name' })).toHaveValue(a.name);
  await form.getByRole('textbox', { name: 'English name' }).fill(a.en);
  await form.getByRole('textbox', { name: 'Affiliation' }).fill(a.affiliation);
  await form.getByRole('textbox', { name: 'Aliases (one per line)' }).fill(a.aliases.join('\n'));
  if (screenshot) await page.screenshot({ path: test.info().outputPath(screenshot) });
  await form.getByRole('button', { name: 'Save actor' }).click();
  await expect(dialog.getByRole('status')).toContainText(`Created: ${a.name}`);
  const row = dialog
    .getByRole('table', { name: 'Project actors' })
    .getByRole('row', { name: a.name });
  await expect(row).toContainText(a.en);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Labels `phrase` with hotkey `key` and waits for its span to be selected in the span panel. */
async function labelPhrase(page: Page, phrase: string, key: string): Promise<void> {
  await dragPhrase(page, phrase);
  await page.keyboard.press(key);
  await expect(page.getByRole('form', { name: 'Selected span' })).toContainText(phrase);
}

/** Presses H and waits for the span to have the proposed holder. */
async function confirmProposal(page: Page, holder: string, kind: string): Promise<void> {
  const editor = page.getByRole('form', { name: 'Selected span' });
  const proposal = editor.getByRole('region', { name: 'Proposed attribution' });
  await expect(proposal).toContainText(`Proposed holder: ${holder}`);
  await expect(proposal).toContainText(kind);
  await page.keyboard.press('h');
  await expect(editor.getByRole('combobox', { name: 'Holder actor' })).toHaveText(
    new RegExp(holder),
  );
  await expect(proposal).toContainText('The proposal is the span’s attribution.');
}

test('actors, attribution with the proposal, the Analysis view and its CSV on the seed articles', async ({
  page,
}) => {
  // One long session of an analyst's work: many steps, each waiting for its condition.
  test.slow();
  await firstRun(page);
  await openDocument(page, DOC_KADHIMI);
  await createActor(page, KADHIMI, 'actors-edit.png');
  for (const a of [KHAZALI, FUAD, DIZAYEE]) await createActor(page, a);

  // Editing is undoable: change an English name, undo, the old one is back.
  await page.getByRole('button', { name: 'Actors…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Actors' });
  await dialog.getByRole('button', { name: `Edit ${DIZAYEE.name}` }).click();
  const edit = dialog.getByRole('form', { name: `Edit ${DIZAYEE.name}` });
  await edit.getByRole('textbox', { name: 'English name' }).fill('Safin Dizayi');
  await edit.getByRole('button', { name: 'Save actor' }).click();
  const dizayeeRow = dialog.getByRole('row', { name: DIZAYEE.name });
  await expect(dizayeeRow).toContainText('Safin Dizayi');
  await page.screenshot({ path: test.info().outputPath('actors-dialog.png') });
  await dialog.getByRole('button', { name: /^Undo: edit/ }).click();
  await expect(dizayeeRow).toContainText(DIZAYEE.en);
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Kadhimi, Khazali and Dizayee in the Asharq article, by the proposal.
  await labelPhrase(page, 'لا توجد حاجة لأي قوات قتالية أجنبية على الأراضي العراقية', '1');
  await confirmProposal(page, KADHIMI.name, 'Direct quote');
  await labelPhrase(page, 'مؤسف للغاية ومرفوض', '1');
  await confirmProposal(page, KHAZALI.name, 'Direct quote');
  await labelPhrase(page, 'الإقليم ليس مع انسحابها', '2');
  await confirmProposal(page, DIZAYEE.name, 'Reported speech');
  await page.screenshot({ path: test.info().outputPath('actors-span-panel.png') });

  // Fuad Hussein in the Al-Modon article, chosen by hand.
  await openDocument(page, DOC_WSJ);
  const training = 'نحتاج إلى تعاون في المجال الاستخباراتي، وتقديم المساعدة في ما يتعلق بالتدريب';
  await labelPhrase(page, training, '2');
  const editor = page.getByRole('form', { name: 'Selected span' });
  await editor
    .getByRole('combobox', { name: 'Holder actor' })
    .selectOption({ label: `${FUAD.name} (${FUAD.en})` });
  await editor
    .getByRole('combobox', { name: 'Attribution' })
    .selectOption({ label: 'Direct quote' });
  await editor.getByRole('combobox', { name: 'Target' }).fill('مهمة التدريب');
  await editor.getByRole('combobox', { name: 'Target' }).blur();

  // Nechirvan Barzani in the Rudaw article: a new actor, then the proposal.
  await openDocument(page, DOC_BARZANI);
  await createActor(page, NECHIRVAN);
  await labelPhrase(page, 'أرحب بنتائج الحوار الستراتيجي بين الولايات المتحدة والعراق', '2');
  await confirmProposal(page, NECHIRVAN.name, 'Direct quote');

  // Stored: five spans, each with its actor and attribution.
  await expect
    .poll(async () => {
      const spans = (await storedSpans(page)) as unknown as {
        holder: string;
        holderActorId?: string;
        attribution?: string;
        target?: string;
      }[];
      return spans
        .map((s) => `${s.holder}|${!!s.holderActorId}|${s.attribution}|${s.target ?? ''}`)
        .sort();
    })
    .toEqual(
      [
        `${KADHIMI.name}|true|direct-quote|`,
        `${KHAZALI.name}|true|direct-quote|`,
        `${DIZAYEE.name}|true|reported-speech|`,
        `${FUAD.name}|true|direct-quote|مهمة التدريب`,
        `${NECHIRVAN.name}|true|direct-quote|`,
      ].sort(),
    );

  // The Analysis view: actors × labels.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const table = page.getByRole('table', { name: 'Actors × labels' });
  await expect(table).toBeVisible();
  const counts = async (name: string): Promise<string[]> =>
    (await table.getByRole('row', { name }).getByRole('cell').allInnerTexts()).map((t) => t.trim());
  // Columns: Pro-withdrawal, Pro-coalition, Kurdish skepticism, Total.
  await expect.poll(() => counts(KADHIMI.name)).toEqual(['1', '0', '0', '1']);
  expect(await counts(KHAZALI.name)).toEqual(['1', '0', '0', '1']);
  expect(await counts(FUAD.name)).toEqual(['0', '1', '0', '1']);
  expect(await counts(DIZAYEE.name)).toEqual(['0', '1', '0', '1']);
  expect(await counts(NECHIRVAN.name)).toEqual(['0', '1', '0', '1']);
  expect(await counts('All holders')).toEqual(['2', '3', '0', '5']);
  await expect(page.getByRole('region', { name: 'Analysis' })).toContainText(
    '5 statements from 5 spans in 3 articles.',
  );
  const byOutlet = page.getByRole('img', { name: /^Stance by outlet/ });
  await expect(byOutlet).toHaveAccessibleName(/الشرق: 2 Pro-withdrawal, 1 Pro-coalition/);
  await expect(byOutlet).toHaveAccessibleName(/رووداو: 0 Pro-withdrawal, 1 Pro-coalition/);
  await page.screenshot({ path: test.info().outputPath('analysis-view.png'), fullPage: true });

  // Evidence: Fuad Hussein's pro-coalition statement, and its link.
  await table
    .getByRole('button', { name: `1 Pro-coalition statement by ${FUAD.name}: show the evidence` })
    .click();
  const evidence = page.getByRole('region', { name: `Evidence: Pro-coalition by ${FUAD.name}` });
  await expect(evidence).toContainText('المدن');
  await page.screenshot({ path: test.info().outputPath('analysis-evidence.png'), fullPage: true });
  await evidence.getByRole('button', { name: new RegExp(`^Open “${training}” in `) }).click();
  await expect(page.getByRole('tab', { name: 'Annotate' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('article', { name: 'Article text' })).toContainText(DOC_WSJ);
  await expect(page.getByRole('form', { name: 'Selected span' })).toContainText(training);
  await expect(spanItems(page)).toHaveCount(1);

  // The table as CSV.
  await page.getByRole('tab', { name: 'Analysis' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export table as CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('stance-analysis.csv');
  const csv = await readFile((await file.path())!, 'utf8');
  const lines = csv
    .replace(/^\ufeff/, '')
    .trimEnd()
    .split('\r\n');
  expect(lines[0]).toBe(
    'holder,holder_en,holder_id,holder_type,actor_kind,affiliation,Pro-withdrawal,Pro-coalition,Kurdish skepticism,total',
  );
  const line = (name: string): string[] => {
    const l = lines.find((x) => x.startsWith(`${name},`));
    expect(l, `a CSV line for ${name}`).toBeDefined();
    const f = l!.split(',');
    return [f[1]!, f[3]!, f[4]!, f[5]!, ...f.slice(6)];
  };
  expect(line(KADHIMI.name)).toEqual([
    KADHIMI.en,
    'actor',
    'person',
    KADHIMI.affiliation,
    '1',
    '0',
    '0',
    '1',
  ]);
  expect(line(FUAD.name)).toEqual([
    FUAD.en,
    'actor',
    'person',
    FUAD.affiliation,
    '0',
    '1',
    '0',
    '1',
  ]);
  expect(lines.at(-1)).toBe('total,,,,,,2,3,0,5');
  expect(lines).toHaveLength(7);
});
