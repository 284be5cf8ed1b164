// The IPC handlers refuse foreign senders and payloads of the wrong shape.
// Electron is replaced by a recorder so the real handler code runs in Node.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
const userData = await mkdtemp(join(tmpdir(), 'stance-ipc-'));
const openExternal = vi.fn(async () => undefined);

vi.mock('electron', () => ({
  app: { getPath: () => userData, getName: () => 'Stance Workbench', getVersion: () => '0.1.0' },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) =>
      handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
  shell: { openExternal },
}));

const { registerIpc } = await import('./ipc.ts');
const APP_URL = 'file:///opt/stance/out/renderer/index.html';
const fromApp = { senderFrame: { url: APP_URL, parent: null } };

async function call(channel: string, payload: unknown, event: unknown = fromApp): Promise<unknown> {
  const fn = handlers.get(channel);
  if (!fn) throw new Error(`no handler for ${channel}`);
  return fn(event, payload);
}

describe('IPC handlers', () => {
  beforeEach(() => {
    handlers.clear();
    registerIpc({ window: () => null, rendererFileUrl: APP_URL, devServerUrl: undefined });
  });

  it('answers our own window', async () => {
    await expect(call('host:app-info', undefined)).resolves.toMatchObject({ host: 'electron' });
  });

  it('refuses a sender that is not our main frame', async () => {
    const subframe = { senderFrame: { url: APP_URL, parent: {} } };
    const foreign = { senderFrame: { url: 'https://evil.example/', parent: null } };
    await expect(call('host:app-info', undefined, subframe)).rejects.toThrow(
      /sender is not the workbench/,
    );
    await expect(call('host:app-info', undefined, foreign)).rejects.toThrow(
      /sender is not the workbench/,
    );
    await expect(call('host:app-info', undefined, { senderFrame: null })).rejects.toThrow(
      /refused/,
    );
  });

  it('rejects payloads of the wrong shape and names the field', async () => {
    await expect(call('host:backup-read', { name: '../../etc/passwd' })).rejects.toThrow(
      /invalid payload \(name: not a plain file name\)/,
    );
    await expect(call('host:backup-read', 'x')).rejects.toThrow(/invalid payload/);
    await expect(call('host:export-write', { id: 'not-a-uuid', chunk: 'x' })).rejects.toThrow(/id/);
    await expect(call('host:app-info', { extra: true })).rejects.toThrow(/invalid payload/);
  });

  it('opens only http(s) links in the system browser', async () => {
    await expect(call('host:open-external', { url: 'javascript:alert(1)' })).rejects.toThrow(
      /only http\(s\)/,
    );
    expect(openExternal).not.toHaveBeenCalled();
    await call('host:open-external', { url: 'https://www.alhurra.com/' });
    expect(openExternal).toHaveBeenCalledWith('https://www.alhurra.com/');
  });

  it('keeps backups in the user-data folder', async () => {
    const name = 'stance-backup-2021-07-26T10-00-00.jsonl';
    const info = (await call('host:backup-write', { name, data: '{}' })) as { name: string };
    expect(info.name).toBe(name);
    await expect(call('host:backup-list', undefined)).resolves.toHaveLength(1);
    await expect(call('host:backup-read', { name: info.name })).resolves.toBe('{}');
  });
});
