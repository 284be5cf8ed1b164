// Team project e2e steps: a pouchdb-server per Playwright worker (or per
// test, on disk, for the one that kills it), projects made with `stance
// team`'s own code, and connecting a profile through the team dialog as an
// analyst would. Test users: omar, huda (analysts), sara, nour (analysts
// and adjudicators), lina (lead); passwords pw-NAME.
import { expect, test as base, type BrowserContext, type Page } from '@playwright/test';
import { firstRun } from './annotate-helpers.ts';
import { addTestUsers } from '../tests/support/couch-commands.ts';
import { startCouchServer, type CouchServer } from '../tests/support/couch-server.ts';
import { teamInit } from '../src/cli/team.ts';

/** A fresh profile of analyst `name`: its own browser context, past the first run. */
export type NewProfile = (name: string) => Promise<{ page: Page; context: BrowserContext }>;

export const test = base.extend<{ project: string; profile: NewProfile }, { couch: CouchServer }>({
  profile: async ({ browser }, use) => {
    const contexts: BrowserContext[] = [];
    await use(async (name) => {
      const context = await browser.newContext();
      contexts.push(context);
      const page = await context.newPage();
      await firstRun(page, name);
      return { page, context };
    });
    for (const c of contexts) await c.close();
  },
  couch: [
    // eslint-disable-next-line no-empty-pattern -- Playwright reads the fixtures a fixture uses from this pattern.
    async ({}, use) => {
      const server = await startCouchServer();
      await addTestUsers(server);
      await use(server);
      await server.stop();
    },
    { scope: 'worker' },
  ],
  project: async ({ couch }, use, info) => {
    const name = `e2e-${info.workerIndex}-${Date.now()}`;
    await createProject(couch, name);
    await use(name);
  },
});

/** Creates a project on `server`. */
export async function createProject(server: CouchServer, name: string): Promise<void> {
  const admin = { url: server.url, username: server.admin.name, password: server.admin.password };
  await teamInit(admin, name);
}

/** The header's team button, whatever it says. */
export function teamButton(page: Page) {
  return page.getByRole('button', { name: /^Team sync: / });
}

/** Connects the open profile (whose analyst is `user`) to `project` through the team dialog. */
export async function connect(
  page: Page,
  server: string,
  project: string,
  user: string,
): Promise<void> {
  await teamButton(page).click();
  const dialog = page.getByRole('dialog', { name: 'Team project' });
  await dialog.getByRole('textbox', { name: 'Server URL' }).fill(server);
  await dialog.getByRole('textbox', { name: 'Project' }).fill(project);
  await expect(dialog.getByRole('textbox', { name: 'User name' })).toHaveValue(user);
  await dialog.getByLabel('Password').fill(`pw-${user}`);
  await dialog.getByRole('button', { name: 'Connect' }).click();
  await expect(dialog.getByText(/^Connected as /)).toBeVisible({ timeout: 30_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
}

/** Waits until the header says synced (generous: a first sync crosses a server). */
export async function expectSynced(page: Page): Promise<void> {
  await expect(page.getByRole('button', { name: 'Team sync: Synced' })).toBeVisible({
    timeout: 60_000,
  });
}

export { expect };
