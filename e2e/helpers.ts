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
