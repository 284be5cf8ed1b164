/**
 * The one contract between the renderer and its host. The desktop host
 * implements it over IPC (src/preload → src/main/ipc.ts); the browser host
 * implements it with file inputs and downloads (src/renderer/src/host). Each
 * IPC channel's payload has a zod schema that the main process checks at run
 * time, because a compromised renderer could send anything.
 */
import { z } from 'zod';
import { UI_LANGUAGES, type UiLanguage } from './i18n/locale.ts';
import type { Problem } from './problems/problem.ts';

/** A file handed to the renderer: its name and raw bytes. */
export interface HostFile {
  name: string;
  bytes: Uint8Array;
  /**
   * Set when the host could not read the file (too large, a folder,
   * unreadable): why, as a problem (problems/host-file.ts) the import
   * report words next to the file's name. `bytes` is then empty.
   */
  error?: Problem;
}

export interface AppInfo {
  name: string;
  version: string;
  host: 'electron' | 'browser';
  /** e.g. `Electron 45.4.1 · Chromium 142` or the browser's user agent. */
  runtime: string;
  platform: string;
}

/** An export being written; `id` names it in the calls that follow. */
export interface ExportHandle {
  id: string;
  /** Where it will land (desktop) or the download name (browser). */
  target: string;
}

export interface BackupInfo {
  name: string;
  size: number;
  modifiedAt: number;
}

/**
 * A request to a team project's server (sync/transport.ts makes PouchDB's
 * requests into these). The host sends it with the analyst's credentials:
 * the desktop host in the main process, adding what it keeps encrypted with
 * Electron's safeStorage; the browser host with the CouchDB session cookie.
 */
export interface TeamRequest {
  url: string;
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE';
  headers: Record<string, string>;
  body?: string;
}

/** The server's answer; status 0 when it could not be reached (`body` says why). */
export interface TeamResponse {
  status: number;
  statusText: string;
  headers: Record<string, string>;
  body: string;
}

/** Who the server takes the analyst for; `name` null when not signed in. */
export interface TeamSessionInfo {
  name: string | null;
  roles: string[];
}

/** A sign-in's outcome: the session, or the HTTP status (0: unreachable) and why not. */
export type TeamSignIn =
  { ok: true; session: TeamSessionInfo } | { ok: false; status: number; reason: string };

/** Everything the renderer may ask of its host. */
export interface Host {
  readonly kind: 'electron' | 'browser';
  appInfo(): Promise<AppInfo>;
  /** Shows an open dialog for articles and datasets; [] when cancelled. */
  openFiles(): Promise<HostFile[]>;
  /** Starts an export to a file the analyst picks; null when cancelled. */
  exportBegin(suggestedName: string): Promise<ExportHandle | null>;
  exportWrite(id: string, chunk: string): Promise<void>;
  /** Finishes the export atomically (fsync + rename on desktop). */
  exportCommit(id: string): Promise<{ path: string }>;
  exportAbort(id: string): Promise<void>;
  /** Stores an automatic backup and prunes old ones. */
  backupWrite(name: string, data: string): Promise<BackupInfo>;
  backupList(): Promise<BackupInfo[]>;
  backupRead(name: string): Promise<string>;
  /**
   * Opens an http(s) URL in the system browser; anything else is refused.
   * The desktop host also refuses local and private hosts and asks the
   * analyst first (resolving without opening if they cancel).
   */
  openExternal(url: string): Promise<void>;
  /**
   * Signs in to a team server and keeps what later requests need: the
   * desktop host the credentials, encrypted with safeStorage (kept in memory
   * only where the system offers no encryption); the browser the server's
   * session cookie. The password itself is never stored by the renderer.
   */
  teamSignIn(server: string, user: string, password: string): Promise<TeamSignIn>;
  /** The current session with `server` (name null when signed out or expired). */
  teamSession(server: string): Promise<TeamSignIn>;
  /** Forgets the credentials or ends the session. */
  teamSignOut(server: string): Promise<void>;
  /** Sends a request to the signed-in server; never rejects for HTTP errors. */
  teamRequest(req: TeamRequest, signal?: AbortSignal): Promise<TeamResponse>;
  /**
   * The interface language the analyst chose: the desktop host names its
   * native menus and dialogs in it; the browser host has none to name.
   */
  setUiLanguage(lang: UiLanguage): Promise<void>;
}

/** File names the host accepts from the renderer: no paths, no dot-files. */
export const safeFileName = z
  .string()
  .min(1)
  .max(200)
  .refine(
    (n) =>
      !n.startsWith('.') && ![...n].some((c) => '/\\:*?"<>|'.includes(c) || c.charCodeAt(0) < 0x20),
    'not a plain file name',
  );

const exportId = z.string().uuid();

/** IPC channels with the schema of their single argument. */
export const ipcChannels = {
  appInfo: { channel: 'host:app-info', payload: z.undefined() },
  openFiles: { channel: 'host:open-files', payload: z.undefined() },
  exportBegin: { channel: 'host:export-begin', payload: z.object({ suggestedName: safeFileName }) },
  exportWrite: {
    channel: 'host:export-write',
    payload: z.object({ id: exportId, chunk: z.string().max(64 * 1024 * 1024) }),
  },
  exportCommit: { channel: 'host:export-commit', payload: z.object({ id: exportId }) },
  exportAbort: { channel: 'host:export-abort', payload: z.object({ id: exportId }) },
  backupWrite: {
    channel: 'host:backup-write',
    payload: z.object({ name: safeFileName, data: z.string().max(1024 * 1024 * 1024) }),
  },
  backupList: { channel: 'host:backup-list', payload: z.undefined() },
  backupRead: { channel: 'host:backup-read', payload: z.object({ name: safeFileName }) },
  openExternal: { channel: 'host:open-external', payload: z.object({ url: z.string().max(2048) }) },
  teamSignIn: {
    channel: 'host:team-sign-in',
    payload: z.object({
      server: z.string().max(2048),
      user: z.string().min(1).max(200),
      password: z.string().max(1000),
    }),
  },
  teamSession: {
    channel: 'host:team-session',
    payload: z.object({ server: z.string().max(2048) }),
  },
  teamSignOut: {
    channel: 'host:team-sign-out',
    payload: z.object({ server: z.string().max(2048) }),
  },
  teamRequest: {
    channel: 'host:team-request',
    payload: z.object({
      url: z.string().max(8192),
      method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
      headers: z.record(z.string().max(200), z.string().max(8192)),
      body: z
        .string()
        .max(256 * 1024 * 1024)
        .optional(),
    }),
  },
  setUiLanguage: {
    channel: 'host:set-ui-language',
    payload: z.object({ lang: z.enum(UI_LANGUAGES) }),
  },
} as const;

export type IpcChannelName = keyof typeof ipcChannels;

/** The name under which the preload exposes the host in the renderer. */
export const HOST_GLOBAL = 'stanceHost';

/**
 * True for URLs that may be handed to the system browser: http and https
 * only, after parsing (so `javascript:`, `file:` and tricks like
 * `https:\\evil` are refused).
 */
export function isSafeExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && u.hostname.length > 0;
  } catch {
    return false;
  }
}
