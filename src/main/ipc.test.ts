// The IPC handlers refuse foreign senders and payloads of the wrong shape,
// ask before opening links, and clean up open exports when the app quits.
// Electron is replaced by a recorder so the real handler code runs in Node.
import { EventEmitter } from 'node:events';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const handlers = new Map<string, (event: unknown, payload: unknown) => Promise<unknown>>();
const userData = await mkdtemp(join(tmpdir(), 'stance-ipc-'));
const openExternal = vi.fn(async (_url: string) => undefined);
const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: 0 }));
const showSaveDialog = vi.fn(async (..._args: unknown[]) => ({
  canceled: false,
  filePath: join(userData, 'spans.jsonl'),
}));

vi.mock('electron', () => ({
  app: { getPath: () => userData, getName: () => 'Stance Workbench', getVersion: () => '0.1.0' },
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, payload: unknown) => Promise<unknown>) =>
      handlers.set(channel, fn),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
  dialog: { showOpenDialog: vi.fn(), showSaveDialog, showMessageBox },
  shell: { openExternal },
  // No encryption here: team credentials would stay in memory only.
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
  },
}));

const { registerIpc } = await import('./ipc.ts');
const { cleanUpBeforeQuit } = await import('./quit.ts');
const APP_URL = 'app://stance/index.html';
const fromApp = { senderFrame: { url: APP_URL, parent: null } };
let ipc: ReturnType<typeof registerIpc>;

async function call(channel: string, payload: unknown, event: unknown = fromApp): Promise<unknown> {
  const fn = handlers.get(channel);
  if (!fn) throw new Error(`no handler for ${channel}`);
  return fn(event, payload);
}

afterAll(() => rm(userData, { recursive: true, force: true }));

describe('IPC handlers', () => {
  beforeEach(() => {
    handlers.clear();
    openExternal.mockClear();
    showMessageBox.mockClear();
    ipc = registerIpc({ window: () => null, devServerUrl: undefined });
  });

  it('answers our own window', async () => {
    await expect(call('host:app-info', undefined)).resolves.toMatchObject({ host: 'electron' });
  });

  it('refuses a sender that is not our main frame on app://stance', async () => {
    const refuse = async (event: unknown): Promise<void> => {
      await expect(call('host:app-info', undefined, event)).rejects.toThrow(
        /refused, the sender is not the workbench window/,
      );
    };
    await refuse({ senderFrame: { url: APP_URL, parent: {} } });
    await refuse({ senderFrame: { url: 'https://evil.example/', parent: null } });
    await refuse({ senderFrame: { url: 'file://evilhost/out/renderer/index.html', parent: null } });
    await refuse({
      senderFrame: { url: 'file:///opt/stance/out/renderer/index.html', parent: null },
    });
    await refuse({ senderFrame: { url: 'app://evil/index.html', parent: null } });
    await refuse({ senderFrame: { url: 'http://localhost:5173/', parent: null } });
    await refuse({ senderFrame: null });
  });

  it('rejects payloads of the wrong shape and names the field', async () => {
    await expect(call('host:backup-read', { name: '../../etc/passwd' })).rejects.toThrow(
      /invalid payload \(name: not a plain file name\)/,
    );
    await expect(call('host:backup-read', 'x')).rejects.toThrow(/invalid payload/);
    await expect(call('host:export-write', { id: 'not-a-uuid', chunk: 'x' })).rejects.toThrow(/id/);
    await expect(call('host:app-info', { extra: true })).rejects.toThrow(/invalid payload/);
    await expect(
      call('host:team-request', { url: 'http://x/', method: 'PATCH', headers: {} }),
    ).rejects.toThrow(/invalid payload \(method:/);
  });

  it('answers team requests only after a sign-in, and only for that server', async () => {
    const res = (await call('host:team-request', {
      url: 'https://couch.example.org/proj',
      method: 'GET',
      headers: {},
    })) as { status: number };
    expect(res.status).toBe(401);
    const signIn = await call('host:team-sign-in', {
      server: 'http://couch.example.org',
      user: 'omar',
      password: 'x',
    });
    expect(signIn).toMatchObject({
      ok: false,
      status: 0,
      reason: expect.stringMatching(/Plain http/),
    });
  });

  it('refuses local and non-http(s) links without asking', async () => {
    for (const url of [
      'javascript:alert(1)',
      'http://localhost:5173/',
      'http://127.1/',
      'http://[::ffff:127.0.0.1]/',
      'http://192.168.1.1/',
    ]) {
      await expect(call('host:open-external', { url }), url).rejects.toThrow(/refused to open/);
    }
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('asks before opening a link, naming its host, with Cancel as the default', async () => {
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    await call('host:open-external', { url: 'https://www.alhurra.com/iraq' });
    expect(openExternal).not.toHaveBeenCalled();
    const [options] = showMessageBox.mock.calls[0]! as [Record<string, unknown>];
    expect(options).toMatchObject({
      message: 'Open www.alhurra.com in your browser?',
      defaultId: 0,
      cancelId: 0,
    });
    expect((options.buttons as string[])[0]).toBe('Cancel');
    expect(options.detail).toContain('https://www.alhurra.com/iraq');

    showMessageBox.mockResolvedValueOnce({ response: 1 });
    await call('host:open-external', { url: 'HTTPS://WWW.ALHURRA.COM/iraq' });
    expect(openExternal).toHaveBeenCalledWith('https://www.alhurra.com/iraq');
  });

  it('names its menus and dialogs in the language the analyst chose, and refuses any other', async () => {
    const onLanguage = vi.fn();
    handlers.clear();
    ipc = registerIpc({ window: () => null, devServerUrl: undefined, onLanguage });
    await expect(call('host:set-ui-language', { lang: 'fr' })).rejects.toThrow(
      /host:set-ui-language: invalid payload \(lang: /u,
    );
    expect(onLanguage).not.toHaveBeenCalled();

    await call('host:set-ui-language', { lang: 'ar' });
    expect(onLanguage).toHaveBeenCalledTimes(1);
    showMessageBox.mockResolvedValueOnce({ response: 0 });
    await call('host:open-external', { url: 'https://www.alhurra.com/iraq' });
    const [options] = showMessageBox.mock.calls[0]! as [Record<string, unknown>];
    expect(options).toMatchObject({
      title: 'فتح رابط',
      message: 'أتريد فتح www.alhurra.com في المتصفح؟',
      buttons: ['إلغاء', 'افتح في المتصفح'],
    });
    await call('host:export-begin', { suggestedName: 'spans.jsonl' });
    expect(showSaveDialog.mock.calls.at(-1)![0]).toMatchObject({ title: 'تصدير' });

    await call('host:set-ui-language', { lang: 'en' });
    expect(onLanguage).toHaveBeenCalledTimes(2);
  });

  it('keeps backups in the user-data folder', async () => {
    const name = 'stance-backup-2021-07-26T10-00-00.jsonl';
    const info = (await call('host:backup-write', { name, data: '{}' })) as { name: string };
    expect(info.name).toBe(name);
    await expect(call('host:backup-list', undefined)).resolves.toHaveLength(1);
    await expect(call('host:backup-read', { name: info.name })).resolves.toBe('{}');
  });

  it('deletes the partial file of an export open when the app quits', async () => {
    const folder = await mkdtemp(join(userData, 'exports-'));
    showSaveDialog.mockResolvedValueOnce({
      canceled: false,
      filePath: join(folder, 'spans.jsonl'),
    });
    const { id } = (await call('host:export-begin', { suggestedName: 'spans.jsonl' })) as {
      id: string;
    };
    await call('host:export-write', { id, chunk: '{"doc_id":"aljazeera-1",' });
    expect((await readdir(folder))[0]).toMatch(/^\.spans\.jsonl\..*\.partial$/);

    // The app's quit path: before-quit is held until the services are disposed.
    let quitted!: () => void;
    const quit = new Promise<void>((resolve) => (quitted = resolve));
    const app = Object.assign(new EventEmitter(), { quit: vi.fn(() => quitted()) });
    cleanUpBeforeQuit(app as never, ipc.dispose);
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    expect(event.preventDefault).toHaveBeenCalled();
    await quit;

    expect(await readdir(folder)).toEqual([]);
    expect(handlers.size).toBe(0);
  });
});
