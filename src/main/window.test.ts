// Navigation, new windows and permissions are refused on every web
// contents; window.open of a public link asks first; the main window loads
// app://stance/ (or the dev server in development) with DevTools only there.
import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async (_url: string): Promise<void> => undefined);
const showMessageBox = vi.fn(async (..._args: unknown[]) => ({ response: 1 }));
let permissionHandler:
  ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
let permissionCheck: (() => boolean) | null = null;

/** What createMainWindow did with the BrowserWindow it made. */
const made: { options: Record<string, unknown>; loaded: string[]; contents: unknown }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
    static fromWebContents = () => null;
    readonly webContents = fakeContents();
    private readonly record: (typeof made)[number];
    constructor(options: Record<string, unknown>) {
      this.record = { options, loaded: [], contents: this.webContents };
      made.push(this.record);
    }
    once(): void {}
    loadURL(url: string): Promise<void> {
      this.record.loaded.push(url);
      return Promise.resolve();
    }
  },
  shell: { openExternal },
  dialog: { showMessageBox },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof permissionHandler) => (permissionHandler = fn),
      setPermissionCheckHandler: (fn: typeof permissionCheck) => (permissionCheck = fn),
    },
  },
}));

const { createMainWindow, denyAllPermissions, hardenContents } = await import('./window.ts');
const { SECURE_WEB_PREFERENCES } = await import('./security.ts');

function fakeContents() {
  const listeners = new Map<string, (event: { preventDefault: () => void }) => void>();
  let openHandler: ((d: { url: string }) => { action: string }) | null = null;
  return {
    on: (name: string, fn: (event: { preventDefault: () => void }) => void) =>
      listeners.set(name, fn),
    setWindowOpenHandler: (fn: (d: { url: string }) => { action: string }) => (openHandler = fn),
    fire(name: string) {
      const event = { preventDefault: vi.fn() };
      listeners.get(name)?.(event);
      return event.preventDefault;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

describe('hardened web contents', () => {
  it('blocks navigation, redirects and webviews', () => {
    const wc = fakeContents();
    hardenContents(wc as never);
    expect(wc.fire('will-navigate')).toHaveBeenCalled();
    expect(wc.fire('will-redirect')).toHaveBeenCalled();
    expect(wc.fire('will-attach-webview')).toHaveBeenCalled();
  });

  it('denies window.open; a public link opens in the system browser once confirmed', async () => {
    const wc = fakeContents();
    hardenContents(wc as never);
    let opened!: (url: string) => void;
    const whenOpened = new Promise<string>((resolve) => (opened = resolve));
    openExternal.mockImplementationOnce(async (url: string) => opened(url));
    expect(wc.open('https://www.rudaw.net/')).toEqual({ action: 'deny' });
    await expect(whenOpened).resolves.toBe('https://www.rudaw.net/');
    expect(showMessageBox).toHaveBeenCalledTimes(1);
    expect(showMessageBox.mock.calls[0]![0]).toMatchObject({
      message: 'Open www.rudaw.net in your browser?',
      defaultId: 0,
    });
  });

  it('denies window.open of local and non-http(s) links without asking', async () => {
    const wc = fakeContents();
    hardenContents(wc as never);
    showMessageBox.mockClear();
    openExternal.mockClear();
    const warned: string[] = [];
    let seen!: () => void;
    const allSeen = new Promise<void>((resolve) => (seen = resolve));
    const warn = vi.spyOn(console, 'warn').mockImplementation((line: string) => {
      warned.push(line);
      if (warned.length === 2) seen();
    });
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    expect(wc.open('http://localhost:5173/')).toEqual({ action: 'deny' });
    await allSeen;
    warn.mockRestore();
    expect(warned[0]).toMatch(/refused to open "file:\/\/\/etc\/passwd"/);
    expect(warned[1]).toMatch(/localhost is a local name/);
    expect(showMessageBox).not.toHaveBeenCalled();
    expect(openExternal).not.toHaveBeenCalled();
  });

  it('denies every permission request and check', () => {
    denyAllPermissions();
    const cb = vi.fn();
    permissionHandler?.({}, 'media', cb);
    permissionHandler?.({}, 'notifications', cb);
    expect(cb.mock.calls).toEqual([[false], [false]]);
    expect(permissionCheck?.()).toBe(false);
  });

  it('creates the packaged window on app://stance/, hardened, without DevTools', () => {
    made.length = 0;
    createMainWindow(undefined, true);
    const [win] = made;
    expect(win!.options.webPreferences).toMatchObject({
      ...SECURE_WEB_PREFERENCES,
      devTools: false,
    });
    expect((win!.options.webPreferences as { preload: string }).preload).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    expect(win!.loaded).toEqual(['app://stance/index.html']);
    const wc = win!.contents as ReturnType<typeof fakeContents>;
    expect(wc.fire('will-navigate')).toHaveBeenCalled();
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
  });

  it('loads the dev server, with DevTools, in development', () => {
    made.length = 0;
    createMainWindow('http://localhost:5173/', false);
    expect(made[0]!.loaded).toEqual(['http://localhost:5173/']);
    expect(made[0]!.options.webPreferences).toMatchObject({ devTools: true });
  });
});
