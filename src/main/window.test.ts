// Navigation, new windows and permissions are refused on every web contents.
import { describe, expect, it, vi } from 'vitest';

const openExternal = vi.fn(async () => undefined);
let permissionHandler:
  ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | null = null;
let permissionCheck: (() => boolean) | null = null;

/** What createMainWindow did with the BrowserWindow it made. */
const made: { options: Record<string, unknown>; loaded: string[]; contents: unknown }[] = [];

vi.mock('electron', () => ({
  BrowserWindow: class {
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

  it('denies window.open, handing only http(s) links to the system browser', () => {
    const wc = fakeContents();
    hardenContents(wc as never);
    expect(wc.open('https://www.rudaw.net/')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith('https://www.rudaw.net/');
    openExternal.mockClear();
    expect(wc.open('file:///etc/passwd')).toEqual({ action: 'deny' });
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

  it('creates the main window with the secure preferences, hardened, on the built renderer', () => {
    made.length = 0;
    createMainWindow(undefined);
    const [win] = made;
    expect(win!.options.webPreferences).toMatchObject(SECURE_WEB_PREFERENCES);
    expect((win!.options.webPreferences as { preload: string }).preload).toMatch(
      /preload[\\/]index\.cjs$/,
    );
    expect(win!.loaded).toEqual([expect.stringMatching(/^file:\/\/.*renderer\/index\.html$/)]);
    const wc = win!.contents as ReturnType<typeof fakeContents>;
    expect(wc.fire('will-navigate')).toHaveBeenCalled();
    expect(wc.open('https://example.com/')).toEqual({ action: 'deny' });
  });
});
