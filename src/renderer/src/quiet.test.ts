// whenQuiet on real IndexedDB in Chromium: heavy background work (the
// automatic backup) waits while the profile is written to or the analyst
// types, and starts once both have stopped. The quiet period runs on
// Vitest's fake clock, so no verdict depends on the machine's speed; the
// idle callback after it is the browser's own, waited for as a condition.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { createDb, type WorkbenchDb } from './db/schema.ts';
import { whenQuiet } from './quiet.ts';

let db: WorkbenchDb | null = null;
beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
});
afterEach(async () => {
  vi.useRealTimers();
  await db?.delete();
  db = null;
});

/** Waits (on the real clock) for the idle callback that follows the quiet period. */
async function ran(task: ReturnType<typeof vi.fn>): Promise<void> {
  await vi.waitFor(() => expect(task).toHaveBeenCalledTimes(1), { timeout: 10_000 });
}

describe('whenQuiet', () => {
  it('waits while the profile is written to, then runs once', async () => {
    db = createDb(`quiet-${crypto.randomUUID()}`);
    await db.open();
    const task = vi.fn();
    const cancel = whenQuiet(task, 1000);
    vi.advanceTimersByTime(900);
    // A committed write starts the quiet period again.
    await db.documents.put(await buildDocumentRecord({ text: 'نص أول للاختبار' }));
    vi.advanceTimersByTime(900);
    expect(task).not.toHaveBeenCalled();
    await db.documents.put(await buildDocumentRecord({ text: 'نص ثان للاختبار' }));
    vi.advanceTimersByTime(900);
    expect(task).not.toHaveBeenCalled();
    // Quiet for the whole period, then idle: it runs, once.
    vi.advanceTimersByTime(1000);
    await ran(task);
    // Writes after it ran start nothing again.
    await db.documents.put(await buildDocumentRecord({ text: 'نص ثالث للاختبار' }));
    vi.advanceTimersByTime(10_000);
    expect(task).toHaveBeenCalledTimes(1);
    cancel();
  });

  it('waits while the analyst types or clicks', async () => {
    const task = vi.fn();
    const cancel = whenQuiet(task, 1000);
    for (let i = 0; i < 5; i++) {
      vi.advanceTimersByTime(800);
      window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    }
    window.dispatchEvent(new PointerEvent('pointerdown'));
    vi.advanceTimersByTime(800);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1000);
    await ran(task);
    cancel();
  });

  it('never runs once cancelled (the workbench closed)', async () => {
    const task = vi.fn();
    const cancel = whenQuiet(task, 1000);
    vi.advanceTimersByTime(500);
    cancel();
    vi.advanceTimersByTime(10_000);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    vi.advanceTimersByTime(10_000);
    // An idle callback requested by mistake would have run by now.
    await new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 3000 }));
    expect(task).not.toHaveBeenCalled();
  });
});
