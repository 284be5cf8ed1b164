// useCoalescedQuery in real Chromium on real IndexedDB: a screen's read
// finishes and is shown while writes keep coming (Dexie's liveQuery would
// restart it at every write), the state after the last write follows, and
// a read for parameters the screen has left is never shown.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db.ts';
import { hostPerTest } from '../test/host.tsx';
import { waitFor } from '../test/wait.ts';
import { useCoalescedQuery, type CoalescedResult } from './useCoalescedQuery.ts';

const page = hostPerTest();
const seen: CoalescedResult<unknown>[] = [];

function Probe<T>(props: { tables: string[]; k: string; query: (() => Promise<T>) | null }) {
  seen.push(useCoalescedQuery(props.tables, props.k, props.query));
  return null;
}

const render = <T,>(tables: string[], k: string, query: (() => Promise<T>) | null): void => {
  page.render(<Probe tables={tables} k={k} query={query} />);
};

/** The rows the probe's query counts: `probe:` settings, read in two steps. */
async function countProbes(): Promise<number> {
  const keys = await db.settings.where('key').startsWith('probe:').primaryKeys();
  // A second read: the gap between the two is where writes land.
  const rows = await db.settings.bulkGet(keys);
  return rows.filter(Boolean).length;
}

beforeEach(async () => {
  await db.open();
  await db.settings.where('key').startsWith('probe:').delete();
  seen.length = 0;
});

describe('useCoalescedQuery', () => {
  it('shows a read that finished while writes kept coming, then the state after the last write', async () => {
    render(['settings'], 'probes', countProbes);
    await waitFor(() => expect(seen.at(-1)?.value).toBe(0));
    // Writes one after another until the screen has shown a read made
    // while they were coming: with no progress, this loop never ends.
    let written = 0;
    const shownDuringWrites = (): boolean =>
      seen.some((s) => typeof s.value === 'number' && s.value > 0);
    while (!shownDuringWrites()) {
      await db.settings.put({ key: `probe:${written}`, value: written });
      written++;
    }
    expect(written).toBeGreaterThan(0);
    await waitFor(() => expect(seen.at(-1)).toEqual({ value: written, stale: false }));
  });

  it('reads again at a change to a watched table, and not at a change to another', async () => {
    let reads = 0;
    const counted = (): Promise<number> => {
      reads++;
      return countProbes();
    };
    render(['settings'], 'probes', counted);
    await waitFor(() => expect(seen.at(-1)).toEqual({ value: 0, stale: false }));
    await db.annotators.put({
      id: 'probe-annotator',
      name: 'Probe',
      kind: 'colleague',
      createdAt: 0,
    });
    await db.settings.put({ key: 'probe:a', value: 1 });
    await waitFor(() => expect(seen.at(-1)).toEqual({ value: 1, stale: false }));
    expect(reads).toBe(2);
    await db.annotators.delete('probe-annotator');
  });

  it('never shows a read made for parameters the screen has left', async () => {
    let release: (v: string) => void = () => undefined;
    const slow = new Promise<string>((resolve) => (release = resolve));
    render(['settings'], 'first', () => slow);
    let reads = 0;
    render(['settings'], 'second', () => Promise.resolve(`second ${++reads}`));
    await waitFor(() => expect(seen.at(-1)?.value).toBe('second 1'));
    release('first');
    await slow;
    // A later change, read and shown: React shows updates in order, so a
    // value of the left read would have been shown before this one.
    await db.settings.put({ key: 'probe:b', value: 1 });
    await waitFor(() => expect(seen.at(-1)?.value).toBe('second 2'));
    expect(seen.some((s) => s.value === 'first')).toBe(false);
  });
});
