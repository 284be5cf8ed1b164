// The types of the team-project browser commands, which run in Node
// (tests/support/couch-commands.ts) for tests running in Chromium.
import 'vitest/browser';

declare module 'vitest/browser' {
  interface BrowserCommands {
    teamProject: (name: string, serverId?: string) => Promise<{ url: string }>;
    teamAdmin: (request: {
      method: string;
      path: string;
      body?: unknown;
      serverId?: string;
    }) => Promise<{ status: number; body: unknown }>;
    teamServerStart: () => Promise<{ id: string; url: string }>;
    teamServerKill: (id: string) => Promise<void>;
    teamServerRestart: (id: string) => Promise<void>;
    teamServerStop: (id: string) => Promise<void>;
  }
}
