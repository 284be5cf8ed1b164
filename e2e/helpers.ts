// Shared e2e steps: every test starts in a fresh profile and goes through
// the first-run dialog as an analyst would.
import { expect, type Page } from '@playwright/test';

/** Opens the app in a fresh profile and creates the analyst `name`. */
export async function startAs(page: Page, name = 'Laila'): Promise<void> {
  await page.goto('/');
  const welcome = page.getByRole('dialog', { name: 'Welcome to Stance Workbench' });
  await welcome.getByRole('textbox', { name: 'Your name' }).fill(name);
  await welcome.getByRole('button', { name: 'Start annotating' }).click();
  await expect(welcome).toBeHidden();
}

/** What the Import dataset dialog must say before and after importing. */
export interface DatasetImportExpectation {
  /** Shown once the file is read, e.g. `2 valid lines`. */
  read: string;
  /** Each shown in the status once the import is done. */
  done: string[];
}

/** Imports a dataset file through the Import dataset dialog and closes it. */
export async function importDatasetFile(
  page: Page,
  file: { name: string; content: string },
  expectation: DatasetImportExpectation,
): Promise<void> {
  await page.getByRole('button', { name: 'Import dataset…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import dataset' });
  const chooser = page.waitForEvent('filechooser');
  await dialog.getByRole('button', { name: 'Choose dataset file…' }).click();
  await (
    await chooser
  ).setFiles({ name: file.name, mimeType: 'application/jsonl', buffer: Buffer.from(file.content) });
  await expect(dialog).toContainText(expectation.read);
  await dialog.getByRole('button', { name: 'Import' }).click();
  for (const text of expectation.done) await expect(dialog.getByRole('status')).toContainText(text);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** `n` and the noun, as the English catalog words a count: "1 span", "2 spans". */
export const countOf = (n: number, one: string, other = `${one}s`): string =>
  `${n} ${n === 1 ? one : other}`;
