// The bridge's idle work, on real IndexedDB and a real local PouchDB copy:
// the articles' tokens the puller left out are filled only when nothing is
// asked for and the replication brings nothing in, and a run with work
// asked for that cannot start yet (the push direction waits for the first
// pull) ends instead of going round, so the header and `settle` move on.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { createProfile } from '../db/profile.ts';
import { storeDocuments } from '../db/store-documents.ts';
import { documentsWithoutTokens } from '../db/token-backfill.ts';
import { freshDb } from '../test/db.ts';
import { Bridge } from './bridge.ts';
import { openLocal, type Pouch } from './pouch.ts';

const copies: Pouch[] = [];
afterEach(async () => {
  for (const c of copies.splice(0)) await c.destroy();
});

async function setup() {
  const db = await freshDb('bridge-tokens');
  await createProfile(db, 'huda');
  const docs = await Promise.all(
    [1, 2, 3].map((i) => buildDocumentRecord({ text: `قال رئيس الوزراء ${i}` })),
  );
  await storeDocuments(db, docs, { tokens: false });
  const local = openLocal(`bridge-tokens-${crypto.randomUUID()}`);
  copies.push(local);
  let idle = 0;
  const bridge = new Bridge(
    db,
    local,
    { name: 'huda', roles: ['analyst'] },
    {
      running: () => true,
      watchLocal: () => undefined,
      rejected: () => undefined,
      idle: () => idle++,
      fail: (err) => {
        throw err;
      },
    },
  );
  bridge.pulling = true;
  return { db, bridge, idles: () => idle };
}

describe('the bridge when idle', { timeout: 60_000 }, () => {
  it('settles while a push waits to start, and fills no tokens meanwhile', async () => {
    const { db, bridge, idles } = await setup();
    bridge.pullBusy = false;
    // The push direction has not started (pushing false) but is asked for.
    await bridge.settle();
    expect(idles()).toBeGreaterThan(0);
    expect(await documentsWithoutTokens(db)).toHaveLength(3);
  });

  it('fills the tokens only once the replication brings nothing in', async () => {
    const { db, bridge } = await setup();
    bridge.pushing = true;
    await bridge.settle();
    expect(await documentsWithoutTokens(db)).toHaveLength(3);
    bridge.pullBusy = false;
    bridge.idle();
    await bridge.settle();
    expect(await documentsWithoutTokens(db)).toEqual([]);
  });
});
