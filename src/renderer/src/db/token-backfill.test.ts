// The tokens of articles stored without them (a team project's first sync)
// are filled afterwards, on real IndexedDB: until then readers tokenize,
// afterwards the stored rows are exactly the workbench's tokens, and a
// fill asked to stop leaves the rest for the next one.
import { describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { packedTokensOf } from '@core/token-pack.ts';
import { tokenize } from '@core/tokenize.ts';
import { freshDb } from '../test/db.ts';
import { storeDocuments } from './store-documents.ts';
import { BACKFILL_CHUNK, documentsWithoutTokens, fillMissingTokens } from './token-backfill.ts';
import { tokensFor } from './tokens.ts';

async function articles(n: number) {
  return Promise.all(
    Array.from({ length: n }, (_, i) =>
      buildDocumentRecord({ text: `قال رئيس الوزراء إن لا حاجة لقوات قتالية، رقم ${i}.` }),
    ),
  );
}

describe('token backfill', () => {
  it('fills the tokens of documents stored without them, and only those', async () => {
    const db = await freshDb('backfill');
    const [withTokens, ...without] = await articles(3);
    await storeDocuments(db, [withTokens!]);
    await storeDocuments(db, without, { tokens: false });
    expect((await documentsWithoutTokens(db)).sort()).toEqual(without.map((d) => d.id).sort());
    // Readers do not wait for the fill.
    expect(await tokensFor(without[0]!.id, db)).toEqual(tokenize(without[0]!.text));

    expect(await fillMissingTokens(db)).toEqual({ filled: 2, left: 0 });
    expect(await documentsWithoutTokens(db)).toEqual([]);
    for (const d of without)
      expect((await db.docTokens.get(d.id))?.bounds).toEqual(packedTokensOf(d.text).bounds);
    expect(await fillMissingTokens(db)).toEqual({ filled: 0, left: 0 });
  });

  it('stops between transactions when asked, and the next fill finishes', async () => {
    const db = await freshDb('backfill-stop');
    const docs = await articles(BACKFILL_CHUNK + 5);
    await storeDocuments(db, docs, { tokens: false });
    let chunks = 0;
    expect(await fillMissingTokens(db, () => chunks++ < 1)).toEqual({
      filled: BACKFILL_CHUNK,
      left: 5,
    });
    expect(await documentsWithoutTokens(db)).toHaveLength(5);
    expect(await fillMissingTokens(db)).toEqual({ filled: 5, left: 0 });
    expect(await db.docTokens.count()).toBe(docs.length);
  });
});
