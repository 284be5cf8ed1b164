// Quitting waits for the clean-up once, then lets the quit through; a
// clean-up that fails or hangs does not keep the app open.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { cleanUpBeforeQuit } from './quit.ts';

/** An app whose `quit()` resolves `quitted`, and a way to ask it to quit. */
function fakeApp() {
  let resolveQuit!: () => void;
  const quitted = new Promise<void>((resolve) => (resolveQuit = resolve));
  const app = Object.assign(new EventEmitter(), { quit: vi.fn(() => resolveQuit()) });
  const quit = (): { preventDefault: ReturnType<typeof vi.fn> } => {
    const event = { preventDefault: vi.fn() };
    app.emit('before-quit', event);
    return event;
  };
  return { app, quit, quitted };
}

describe('cleanUpBeforeQuit', () => {
  it('holds the first quit until the clean-up is done, then quits once', async () => {
    const { app, quit, quitted } = fakeApp();
    let finish!: () => void;
    const cleanup = vi.fn(() => new Promise<void>((resolve) => (finish = resolve)));
    cleanUpBeforeQuit(app as never, cleanup);

    expect(quit().preventDefault).toHaveBeenCalled();
    // A second quit request (Ctrl+Q pressed twice) is held too, without a second clean-up.
    expect(quit().preventDefault).toHaveBeenCalled();
    expect(cleanup).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();

    finish();
    await quitted;
    expect(app.quit).toHaveBeenCalledTimes(1);
    // The repeated quit goes through.
    expect(quit().preventDefault).not.toHaveBeenCalled();
  });

  it('quits even when the clean-up fails', async () => {
    const { app, quit, quitted } = fakeApp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanUpBeforeQuit(app as never, () => Promise.reject(new Error('disk gone')));
    quit();
    await quitted;
    expect(error.mock.calls[0]?.join(' ')).toMatch(/disk gone/);
    error.mockRestore();
  });

  it('gives up on a clean-up that never ends', async () => {
    const { app, quit, quitted } = fakeApp();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    cleanUpBeforeQuit(app as never, () => new Promise<void>(() => undefined), 20);
    quit();
    await quitted;
    expect(error.mock.calls[0]?.join(' ')).toMatch(/took over 20 ms; quitting anyway/);
    error.mockRestore();
  });
});
