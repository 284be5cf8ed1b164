// Schema upgrades on real IndexedDB: a version-1 or version-3 profile opens
// with all its data, without the indexes version 8 dropped, and its derived
// tables rebuilt once; a profile from a newer app version is refused and
// left untouched.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { DocumentRecord, SpanRecord } from '@core/model.ts';
import { unpackTokens } from '@core/token-pack.ts';
import { tokenize } from '@core/tokenize.ts';
import { CountDeltas, docMetaOf } from './derived.ts';
import { currentDerivedMarker, ensureDerived } from './derived-check.ts';
import { labelUsage } from './labels.ts';
import { createDb, DB_VERSION } from './schema.ts';
import { describeOpenError, NewerProfileError, openWorkbenchDb } from './db.ts';
import {
  readRawDb,
  V1_DATA,
  V1_STORES,
  writeRawDb,
  type StoreSpec,
} from './fixtures/v1-profile.ts';
import { V3_DATA, V3_STORES } from './fixtures/v3-profile.ts';
import { factOf, packFacts, unpackFacts } from './span-facts.ts';

/** The index names of each store of database `name`, as IndexedDB has them. */
function rawIndexes(name: string): Promise<Record<string, string[]>> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(name);
    req.onsuccess = () => {
      const idb = req.result;
      const names = [...idb.objectStoreNames];
      const tx = idb.transaction(names, 'readonly');
      const out = Object.fromEntries(
        names.map((n) => [n, [...tx.objectStore(n).indexNames].sort()]),
      );
      idb.close();
      resolve(out);
    };
    req.onerror = () => reject(req.error);
  });
}

/**
 * The indexes of the current schema (version 8 dropped the unread ones; 9
 * added the team tables; 10 the span facts; 11 changed data only; 12 the
 * gazetteers and rejections; 13 the kept views; 14 changed data only).
 */
const CURRENT_INDEXES = {
  documents: [],
  spans: ['[docId+annotatorId]', 'annotatorId', 'holderActorId'],
  annotators: [],
  labels: ['order'],
  statuses: ['annotatorId', 'docId', 'status'],
  settings: [],
  docMeta: ['importedAt'],
  docTokens: [],
  spanCounts: [],
  spanFacts: [],
  actors: [],
  tokenSets: [],
  lineTokens: ['docId'],
  assignments: ['annotatorIds'],
  outbox: ['state'],
  syncRevs: [],
  conflicts: ['docId'],
  syncMeta: [],
  gazetteers: [],
  rejections: ['[annotatorId+docId]'],
  viewCache: [],
  viewChanges: ['gen'],
};

// Version 9's stores as IndexedDB has them: version 3's without the
// indexes version 8 dropped, plus actors, dataset tokens and team tables.
const noIndex = { indexes: [] };
const V9_STORES: Record<string, StoreSpec> = {
  ...V3_STORES,
  documents: { keyPath: 'id', ...noIndex },
  spans: {
    keyPath: 'id',
    indexes: [
      ...V3_STORES.spans!.indexes.filter((i) => i.name !== '[annotatorId+docId+label]'),
      { name: 'holderActorId', keyPath: 'holderActorId' },
    ],
  },
  annotators: { keyPath: 'id', ...noIndex },
  actors: { keyPath: 'id', ...noIndex },
  tokenSets: { keyPath: ['docId', 'digest'], ...noIndex },
  lineTokens: {
    keyPath: ['docId', 'annotatorId'],
    indexes: [{ name: 'docId', keyPath: 'docId' }],
  },
  assignments: {
    keyPath: 'docId',
    indexes: [{ name: 'annotatorIds', keyPath: 'annotatorIds', multiEntry: true }],
  },
  outbox: { keyPath: 'id', indexes: [{ name: 'state', keyPath: 'state' }] },
  syncRevs: { keyPath: 'id', ...noIndex },
  conflicts: { keyPath: 'id', indexes: [{ name: 'docId', keyPath: 'docId' }] },
  syncMeta: { keyPath: 'key', ...noIndex },
};

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
    // Version 2's index was built and version 8 dropped it again.
    expect(await rawIndexes(name)).toEqual(CURRENT_INDEXES);
  });

  it('opens a version-3 profile in the current version: data intact, unread indexes gone, derived tables rebuilt once', async () => {
    const name = freshName();
    await writeRawDb(name, 30, V3_STORES, V3_DATA);
    const warn = vi.spyOn(console, 'warn');

    const db = await openWorkbenchDb(createDb(name));
    expect(warn).not.toHaveBeenCalled();
    expect(db.verno).toBe(DB_VERSION);
    for (const t of ['documents', 'annotators', 'labels', 'statuses', 'settings', 'docMeta'])
      expect(await db.table(t).toArray()).toEqual(V3_DATA[t]);
    expect(await db.spans.orderBy(':id').toArray()).toEqual(V3_DATA.spans);
    db.close();
    expect(await rawIndexes(name)).toEqual(CURRENT_INDEXES);

    // The indexes kept still answer the app's queries.
    await db.open();
    const docId = 'f'.repeat(64);
    expect(await db.spans.where('[docId+annotatorId]').equals([docId, 'karwan']).count()).toBe(1);
    expect(await db.spans.where('docId').equals(docId).count()).toBe(2);
    expect((await labelUsage(db, 'pro-withdrawal')).total).toBe(2);
    expect(await db.spans.where('annotatorId').equals('karwan').count()).toBe(1);

    // Version 3 wrote no marker: the start-up check rebuilds once, repacking
    // the tokens of tokenizer version 1.
    expect(await ensureDerived(db)).toBe(true);
    const doc = (V3_DATA.documents as DocumentRecord[])[0]!;
    expect(unpackTokens(doc.text, (await db.docTokens.get(doc.id))!)).toEqual(tokenize(doc.text));
    expect(await db.docMeta.toArray()).toEqual(V3_DATA.docMeta);
    expect(await db.spanCounts.toArray()).toEqual(V3_DATA.spanCounts);
    expect((await db.settings.get('derivedTables'))?.value).toEqual(currentDerivedMarker());
    expect(await ensureDerived(db)).toBe(false);
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

  it('version 10 fills the span facts of a version-9 profile from its spans, one row per document', async () => {
    const name = freshName();
    const attributed: SpanRecord = {
      ...(V3_DATA.spans![0] as SpanRecord),
      id: 'span-3',
      annotatorId: 'gold',
      holder: 'مصطفى الكاظمي',
      holderActorId: 'kadhimi',
      target: 'القوات',
      attribution: 'reported-speech',
      provenance: ['laila'],
    };
    const spans = [...(V3_DATA.spans as SpanRecord[]), attributed];
    // A current marker: the upgrade, not the start-up check, fills the facts.
    const settings = [
      ...V3_DATA.settings!,
      { key: 'derivedTables', value: currentDerivedMarker() },
    ];
    await writeRawDb(name, 90, V9_STORES, { ...V3_DATA, spans, settings });
    const warn = vi.spyOn(console, 'warn');

    const db = await openWorkbenchDb(createDb(name));
    expect(warn).not.toHaveBeenCalled();
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.spans.toArray()).toEqual(spans);
    const docIds = [...new Set(spans.map((x) => x.docId))].sort();
    expect(await db.spanFacts.orderBy(':id').toArray()).toEqual(
      docIds.map((d) => packFacts(d, spans.filter((x) => x.docId === d).map(factOf))),
    );
    // Only what agreement and Analysis read: no note, times or provenance.
    const facts = unpackFacts((await db.spanFacts.get(attributed.docId))!);
    expect(facts.find((f) => f.id === 'span-3')).toEqual({
      id: 'span-3',
      docId: attributed.docId,
      annotatorId: 'gold',
      label: attributed.label,
      start: attributed.start,
      end: attributed.end,
      quote: attributed.quote,
      holder: 'مصطفى الكاظمي',
      holderActorId: 'kadhimi',
      target: 'القوات',
      attribution: 'reported-speech',
    });
    expect(await ensureDerived(db)).toBe(false);
    db.close();
    expect(await rawIndexes(name)).toEqual(CURRENT_INDEXES);
  });

  it('version 16 drops the spans’ docId and label indexes; a document’s spans are still found by docId', async () => {
    const name = freshName();
    const base = V3_DATA.spans![0] as SpanRecord;
    const spans: SpanRecord[] = [
      { ...base, id: 'b', docId: 'd1', annotatorId: 'omar' },
      { ...base, id: 'a', docId: 'd1', annotatorId: 'laila' },
      { ...base, id: 'c', docId: 'd2', annotatorId: 'laila' },
    ];
    const settings = [
      ...V3_DATA.settings!,
      { key: 'derivedTables', value: currentDerivedMarker() },
    ];
    await writeRawDb(name, 90, V9_STORES, { ...V3_DATA, spans, settings });
    expect((await rawIndexes(name)).spans).toContain('docId');

    const db = await openWorkbenchDb(createDb(name));
    expect(db.verno).toBe(DB_VERSION);
    expect((await db.spans.where('docId').equals('d1').primaryKeys()).sort()).toEqual(['a', 'b']);
    expect(await db.spans.where('docId').equals('d1').count()).toBe(2);
    expect((await db.spans.where('docId').anyOf(['d2', 'x']).toArray()).map((x) => x.id)).toEqual([
      'c',
    ]);
    db.close();
    expect((await rawIndexes(name)).spans).not.toContain('docId');
    expect((await rawIndexes(name)).spans).not.toContain('label');
  });

  it('version 11 clears the cut-off first sentences older versions stored as titles, and keeps real titles', async () => {
    const name = freshName();
    const v10: Record<string, StoreSpec> = {
      ...V9_STORES,
      spanFacts: { keyPath: 'docId', indexes: [] },
    };
    const text =
      'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة تنظيم "داعش"، لكن الإطار الزمني سيعتمد على المحادثات.\nوأشار الكاظمي إلى التدريب.';
    const cutOff =
      'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية أميركية لمحاربة…';
    const titled = V3_DATA.documents![0] as DocumentRecord;
    const untitled: DocumentRecord = {
      ...titled,
      id: 'doc-000',
      text,
      rawText: text,
      title: cutOff,
      date: null,
      folded: 'stale',
    };
    const documents = [untitled, titled].sort((a, b) => (a.id < b.id ? -1 : 1));
    const docMeta = documents.map((d) => ({
      id: d.id,
      title: d.title,
      outlet: d.outlet,
      date: d.date,
      importedAt: d.importedAt,
    }));
    const settings = [
      ...V3_DATA.settings!,
      { key: 'derivedTables', value: currentDerivedMarker() },
    ];
    await writeRawDb(name, 100, v10, { ...V3_DATA, documents, docMeta, settings });

    const db = await openWorkbenchDb(createDb(name));
    expect(db.verno).toBe(DB_VERSION);
    const after = await db.documents.get('doc-000');
    expect(after).toMatchObject({ title: '', text, date: null });
    expect(after!.folded).not.toBe('stale');
    expect(await db.docMeta.get('doc-000')).toEqual({
      id: 'doc-000',
      title: '',
      lead: 'قال رئيس الوزراء العراقي، مصطفى الكاظمي، إن بلاده لم تعد بحاجة إلى قوات قتالية…',
      outlet: untitled.outlet,
      date: null,
      importedAt: untitled.importedAt,
    });
    // A real title, and everything else, untouched; nothing queued for a project.
    expect(await db.documents.get(titled.id)).toEqual(titled);
    expect(await db.docMeta.get(titled.id)).toEqual(docMeta.find((m) => m.id === titled.id));
    expect(await db.outbox.count()).toBe(0);
    db.close();
    expect(await rawIndexes(name)).toEqual(CURRENT_INDEXES);
  });

  it('version 12 moves the profile’s gazetteer setting into its analyst’s row', async () => {
    const name = freshName();
    // The profile as version 10 left it: the gazetteer a setting.
    const gazetteer = { 'pro-withdrawal': ['انسحاب القوات', 'لا حاجة لقوات قتالية'] };
    const settings = [
      ...V3_DATA.settings!.filter((x) => (x as { key: string }).key !== 'selfAnnotatorId'),
      { key: 'derivedTables', value: currentDerivedMarker() },
      { key: 'selfAnnotatorId', value: 'laila' },
      { key: 'suggestGazetteer', value: gazetteer },
    ];
    // Connected to a project as an analyst: the list is queued for colleagues.
    const config = {
      user: 'laila',
      roles: ['analyst'],
      project: 'p',
      server: 'http://127.0.0.1:1',
    };
    const syncMeta = [{ key: 'config', value: config }];
    await writeRawDb(
      name,
      100,
      { ...V9_STORES, spanFacts: { keyPath: 'docId', indexes: [] } },
      { ...V3_DATA, settings, syncMeta },
    );
    const db = await openWorkbenchDb(createDb(name));
    expect(db.verno).toBe(DB_VERSION);
    const rows = await db.gazetteers.toArray();
    expect(rows).toEqual([
      { annotatorId: 'laila', phrases: gazetteer, updatedAt: expect.any(Number) },
    ]);
    expect(await db.settings.get('suggestGazetteer')).toBeUndefined();
    expect(await db.rejections.count()).toBe(0);
    expect(await db.outbox.toArray()).toEqual([
      { id: 'gazetteer:laila', stamp: expect.any(String), state: 0 },
    ]);
    db.close();
  });

  it('version 14 queues a connected profile’s actors for its team project, and no other’s', async () => {
    const actor = (id: string, nameAr: string) => ({
      id,
      nameAr,
      nameEn: '',
      kind: 'person',
      affiliation: null,
      aliases: [],
      createdAt: 1,
      updatedAt: 1,
    });
    const actors = [actor('a1', 'مصطفى الكاظمي'), actor('a2', 'قيس الخزعلي')];
    const stores = {
      ...V9_STORES,
      spanFacts: { keyPath: 'docId', indexes: [] },
      gazetteers: { keyPath: 'annotatorId', indexes: [] },
      rejections: {
        keyPath: ['annotatorId', 'docId', 'start', 'end', 'label'],
        indexes: [{ name: '[annotatorId+docId]', keyPath: ['annotatorId', 'docId'] }],
      },
      viewCache: { keyPath: 'key', indexes: [] },
    };
    const settings = [
      ...V3_DATA.settings!,
      { key: 'derivedTables', value: currentDerivedMarker() },
    ];
    const config = {
      user: 'laila',
      roles: ['analyst'],
      project: 'p',
      server: 'http://127.0.0.1:1',
    };
    const connected = freshName();
    await writeRawDb(connected, 130, stores, {
      ...V3_DATA,
      settings,
      actors,
      syncMeta: [{ key: 'config', value: config }],
    });
    const db = await openWorkbenchDb(createDb(connected));
    expect(db.verno).toBe(DB_VERSION);
    expect(await db.actors.toArray()).toEqual(actors);
    expect(await db.outbox.orderBy('id').toArray()).toEqual([
      { id: 'actor:a1', stamp: expect.any(String), state: 0 },
      { id: 'actor:a2', stamp: expect.any(String), state: 0 },
    ]);
    db.close();

    // Without a project, nothing is queued.
    const alone = freshName();
    await writeRawDb(alone, 130, stores, { ...V3_DATA, settings, actors });
    const db2 = await openWorkbenchDb(createDb(alone));
    expect(await db2.actors.count()).toBe(2);
    expect(await db2.outbox.count()).toBe(0);
    db2.close();
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
