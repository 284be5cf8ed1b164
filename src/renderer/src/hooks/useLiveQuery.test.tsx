// useLiveQuery in real Chromium on real IndexedDB: the result follows the
// database, and an effect that depends on the result runs when it arrives
// even when React renders the component first in a lane that leaves out the
// hook's own update. With dexie-react-hooks that render read the new result
// from a ref, counted as "nothing changed", and React dropped the effect
// for good: the Analysis view stayed on "Counting…" (its reads start in an
// effect that depends on the labels).
import { useDeferredValue, useEffect } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../db/db.ts';
import { hostPerTest } from '../test/host.tsx';
import { waitFor } from '../test/wait.ts';
import { useLiveQuery } from './useLiveQuery.ts';

const page = hostPerTest();
/** Every count the query returned, every count an effect saw, every count rendered. */
const returned: number[] = [];
const effects: number[] = [];

const countProbes = async (): Promise<number> => {
  const n = await db.settings.where('key').startsWith('lq:').count();
  returned.push(n);
  return n;
};

function Probe() {
  const n = useLiveQuery(countProbes, [], -1);
  useEffect(() => {
    effects.push(n);
  }, [n]);
  return <p>{n}</p>;
}

beforeEach(async () => {
  await db.open();
  await db.settings.where('key').startsWith('lq:').delete();
  returned.length = 0;
  effects.length = 0;
});

describe('useLiveQuery', () => {
  it('gives the default, then the result, then the result after each write', async () => {
    page.render(<Probe />);
    await waitFor(() => expect(page.el.textContent).toBe('0'));
    expect(effects).toEqual([-1, 0]);
    await db.settings.put({ key: 'lq:1', value: 1 });
    await waitFor(() => expect(page.el.textContent).toBe('1'));
    await db.settings.bulkPut([
      { key: 'lq:2', value: 2 },
      { key: 'lq:3', value: 3 },
    ]);
    await waitFor(() => expect(page.el.textContent).toBe('3'));
    expect(effects.at(-1)).toBe(3);
  });

  it('runs an effect on a result that a background render saw first', async () => {
    // As when the Analysis view opens: a mount spawns a background
    // (deferred) render, which React does not interrupt for the hook's
    // update. The result arrives while that render has yielded, before it
    // reaches the probe: it renders the probe with nothing changed but
    // the result. The effect depending on the result must still run.
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const seen: string[] = [];
    function Yielding() {
      // In the background render: let the result through, and take long
      // enough (≥ 20 ms, more on a slower machine) that React yields after.
      if (useDeferredValue(true, false)) {
        release();
        const until = performance.now() + 20;
        while (performance.now() < until);
      }
      return null;
    }
    function DeferredProbe() {
      const v = useLiveQuery(
        async () => {
          await gate;
          return 'read';
        },
        [],
        'waiting',
      );
      useDeferredValue(null, null);
      useEffect(() => {
        seen.push(v);
      }, [v]);
      return <p>{v}</p>;
    }
    page.render(
      <>
        <Yielding />
        <DeferredProbe />
      </>,
    );
    await waitFor(() => expect(page.el.textContent).toBe('read'));
    await waitFor(() => expect(seen).toEqual(['waiting', 'read']));
  });

  it('throws a failed read at render, for the error boundary', async () => {
    const failing = async (): Promise<number> => {
      await db.settings.count();
      throw new Error('the read failed');
    };
    let caught: unknown = null;
    function Failing() {
      try {
        useLiveQuery(failing, []);
      } catch (e) {
        caught = e;
      }
      return null;
    }
    page.render(<Failing />);
    await waitFor(() => expect(String(caught)).toContain('the read failed'));
  });
});
