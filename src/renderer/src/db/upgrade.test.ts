// Schema upgrades on real IndexedDB: a version-1 profile opens with all its
// data, and the derived tables filled; a profile from a newer app version is refused and left untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { unpackTokens } from '@core/token-pack.ts';
import { tokenize } from '@core/tokenize.ts';
import { CountDeltas, docMetaOf } from './derived.ts';
import { createDb, DB_VERSION } from './schema.ts';
import { describeOpenError, NewerProfileError, openWorkbenchDb } from './db.ts';
import { readRawDb, V1_DATA, V1_STORES, writeRawDb } from './fixtures/v1-profile.ts';

const names: string[] = [];
function freshName(): string {
  const n = `upgrade-${crypto.randomUUID()}`;
  names.push(n);
  return n;
}
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(
    names.splice(0).map((n) => new Promise((r) => (indexedDB.deleteDatabase(n).onsuccess = r))),
  );
});

describe('schema upgrades', () => {
  it('opens a version-1 profile in the current version with everything intact', async () => {
    const name = freshName();
    await writeRawDb(name, 10, V1_STORES, V1_DATA);
    const warn = vi.spyOn(console, 'warn');

    const db = await openWorkbenchDb(createDb(name));
    // Dexie warns when the installed schema differs from the declared one.
    expect(warn).not.toHaveBeenCalled();
    expect(await db.documents.toArray()).toEqual(V1_DATA.documents);
    expect(
      await db.spans
        .where('[docId+annotatorId]')
        .equals(['f'.repeat(64), 'laila'])
        .toArray(),
    ).toEqual(V1_DATA.spans);
    expect(await db.annotators.toArray()).toEqual(V1_DATA.annotators);
    expect(await db.labels.toArray()).toEqual(V1_DATA.labels);
    expect(await db.statuses.toArray()).toEqual(V1_DATA.statuses);
    expect(await db.settings.toArray()).toEqual(V1_DATA.settings);
    // Version 2's index is built over the spans that were already stored.
    expect(
      await db.spans
        .where('[annotatorId+docId+label]')
        .equals(['laila', 'f'.repeat(64), 'pro-withdrawal'])
        .count(),
    ).toBe(1);
    // Version 3's derived tables are filled from what was stored.
    const docs = V1_DATA.documents as DocumentRecord[];
    expect(await db.docMeta.toArray()).toEqual(docs.map(docMetaOf));
    for (const d of docs)
      expect(unpackTokens(d.text, (await db.docTokens.get(d.id))!)).toEqual(tokenize(d.text));
    const recount = new CountDeltas();
    for (const s of V1_DATA.spans as SpanRecord[]) recount.add(s, +1);
    expect(await db.spanCounts.toArray()).toEqual(recount.merged([]));
    expect(db.verno).toBe(DB_VERSION);
    db.close();
  });

  it('version 6 adds the actors table and the holder-actor index to a version-1 profile, through every later version', async () => {
    const name = freshName();
    await writeRawDb(name, 10, V1_STORES, V1_DATA);
    const db = await openWorkbenchDb(createDb(name));
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.actors.count()).toBe(0);
    // The old span keeps its free-text holder and gains no field.
    const old = (await db.spans.get('span-1'))!;
    expect(old).toEqual(V1_DATA.spans![0]);
    expect('holderActorId' in old).toBe(false);
    // An attributed span is found through the new index; the old one is not in it.
    await db.actors.add({
      id: 'kadhimi',
      nameAr: 'مصطفى الكاظمي',
      nameEn: 'Mustafa al-Kadhimi',
      kind: 'person',
      affiliation: null,
      aliases: ['الكاظمي'],
      createdAt: 1,
      updatedAt: 1,
    });
    await db.spans.put({ ...old, id: 'span-2', holderActorId: 'kadhimi' });
    expect(await db.spans.where('holderActorId').equals('kadhimi').primaryKeys()).toEqual([
      'span-2',
    ]);
    expect(await db.spans.where('holderActorId').anyOf(['kadhimi', 'x']).count()).toBe(1);
    db.close();

    // The raw database holds the new store and index, as IndexedDB sees them.
    const raw = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open(name);
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    expect(raw.version).toBe(DB_VERSION * 10);
    expect([...raw.objectStoreNames]).toContain('actors');
    const tx = raw.transaction('spans', 'readonly');
    expect([...tx.objectStore('spans').indexNames]).toContain('holderActorId');
    raw.close();
  });

  it('refuses a profile written by a newer version and never changes it', async () => {
    const name = freshName();
    const futureVersion = (DB_VERSION + 1) * 10;
    const stores = { ...V1_STORES, future: { keyPath: 'id', indexes: [] } };
    const data = { ...V1_DATA, future: [{ id: 'x', payload: 'from the future' }] };
    await writeRawDb(name, futureVersion, stores, data);
    const before = await readRawDb(name);

    const err = await openWorkbenchDb(createDb(name)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NewerProfileError);
    expect(describeOpenError(err)).toMatch(
      /written by a newer version of Stance Workbench.*left untouched/,
    );

    const after = await readRawDb(name);
    expect(after.version).toBe(futureVersion);
    expect(after.data).toEqual(before.data);
  });
});
