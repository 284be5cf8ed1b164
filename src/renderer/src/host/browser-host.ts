/**
 * The host contract for a plain browser (no Electron): files come from a
 * file input, exports leave as downloads, backups are kept in a separate
 * IndexedDB database and can be downloaded from the UI, and team servers
 * are reached with CouchDB session cookies (browser-team.ts).
 */
import { backupsToPrune, KEEP_PER_KIND } from '@core/backup-names.ts';
import Dexie, { type EntityTable } from 'dexie';
import type { AppInfo, BackupInfo, ExportHandle, Host, HostFile } from '@core/host-contract.ts';
import { isSafeExternalUrl } from '@core/host-contract.ts';
import { MAX_OPEN_BYTES } from '@core/limits.ts';
import { fileCannotRead, fileTooLarge } from '@core/problems/host-file.ts';
import { browserTeam } from './browser-team.ts';

interface StoredBackup {
  name: string;
  data: string;
  modifiedAt: number;
}

function backupDb(): Dexie & { backups: EntityTable<StoredBackup, 'name'> } {
  const db = new Dexie('stance-workbench-backups', {
    chromeTransactionDurability: 'strict',
  }) as Dexie & {
    backups: EntityTable<StoredBackup, 'name'>;
  };
  db.version(1).stores({ backups: '&name, modifiedAt' });
  return db;
}

/**
 * Reads files the analyst picked or dropped into `HostFile`s, each on its
 * own: one that cannot be read, or is over the desktop app's 200 MB limit
 * (MAX_OPEN_BYTES), comes back with an `error`. Never rejects.
 */
export async function readFiles(files: Iterable<File>): Promise<HostFile[]> {
  const out: HostFile[] = [];
  for (const f of files) {
    if (f.size > MAX_OPEN_BYTES) {
      out.push({
        name: f.name,
        bytes: new Uint8Array(0),
        error: fileTooLarge(f.size, MAX_OPEN_BYTES),
      });
      continue;
    }
    try {
      out.push({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) });
    } catch (err) {
      // A dropped folder, or a file removed or locked meanwhile: report it
      // and read the rest of the batch.
      out.push({
        name: f.name,
        bytes: new Uint8Array(0),
        error: fileCannotRead(err, true),
      });
    }
  }
  return out;
}

/** Shows a file picker; resolves [] when the analyst cancels. */
function pickFiles(): Promise<File[]> {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = '.txt,.html,.htm,.jsonl,.json,text/plain,text/html';
    input.addEventListener('change', () => resolve([...(input.files ?? [])]), { once: true });
    input.addEventListener('cancel', () => resolve([]), { once: true });
    input.click();
  });
}

/** Triggers a download of `blob` named `name`. */
export function download(name: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.rel = 'noopener';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** Creates the browser implementation of the host contract. */
export function createBrowserHost(): Host {
  const pending = new Map<string, { name: string; parts: string[] }>();
  const backups = backupDb();

  return {
    kind: 'browser',
    appInfo: async (): Promise<AppInfo> => ({
      name: 'Stance Workbench',
      version: __APP_VERSION__,
      host: 'browser',
      runtime: navigator.userAgent,
      platform: navigator.platform,
    }),
    openFiles: async () => readFiles(await pickFiles()),
    exportBegin: async (suggestedName): Promise<ExportHandle> => {
      const id = crypto.randomUUID();
      pending.set(id, { name: suggestedName, parts: [] });
      return { id, target: suggestedName };
    },
    exportWrite: async (id, chunk) => {
      const p = pending.get(id);
      if (!p) throw new Error(`no export in progress with id ${id}`);
      p.parts.push(chunk);
    },
    exportCommit: async (id) => {
      const p = pending.get(id);
      if (!p) throw new Error(`no export in progress with id ${id}`);
      pending.delete(id);
      download(p.name, new Blob(p.parts, { type: 'application/octet-stream' }));
      return { path: p.name };
    },
    exportAbort: async (id) => {
      pending.delete(id);
    },
    backupWrite: async (name, data): Promise<BackupInfo> => {
      const rec = { name, data, modifiedAt: Date.now() };
      await backups.transaction('rw', backups.backups, async () => {
        await backups.backups.put(rec);
        const all = await backups.backups.toArray();
        await backups.backups.bulkDelete(backupsToPrune(all, KEEP_PER_KIND));
      });
      return { name, size: data.length, modifiedAt: rec.modifiedAt };
    },
    backupList: async () =>
      (await backups.backups.orderBy('modifiedAt').reverse().toArray()).map((b) => ({
        name: b.name,
        size: b.data.length,
        modifiedAt: b.modifiedAt,
      })),
    backupRead: async (name) => {
      const b = await backups.backups.get(name);
      if (!b) throw new Error(`no backup named ${name}`);
      return b.data;
    },
    openExternal: async (url) => {
      if (!isSafeExternalUrl(url))
        throw new Error(`refused to open ${url}: only http(s) links open`);
      window.open(url, '_blank', 'noopener,noreferrer');
    },
    // A browser tab has no native menus or dialogs of ours to name.
    setUiLanguage: async () => undefined,
    ...browserTeam(),
  };
}
