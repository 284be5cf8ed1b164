// The profile move from the file:// origin to the app's origin, on real
// IndexedDB in real Chromium: the old origin is a real file:// page, the new
// one a page of a local server (its own origin, as app://stance is in
// Electron), driven through the same source text Electron evaluates.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BackupReader } from '../../core/formats/backup.ts';
import { splitJsonl } from '../../core/jsonl.ts';
import { CHROMIUM_ARGS, findChromium, INSTALL_HINT } from '../../../scripts/chromium.mjs';
import { BackupService } from '../services/backups.ts';
import { idbCodec } from './codec.ts';
import { pageScript, type DbSchema, type RecordBatch } from './idb-page.ts';
import {
  migrateProfileOrigin,
  MigrationError,
  readMigrationRecord,
  type MigrationDeps,
  type OriginPage,
} from './migrate.ts';

// Starting Chromium on a busy machine can take a while: limits guard hangs only.
const SLOW = { timeout: 300_000 };

let browser: Browser;
let server: Server;
let newOrigin: string;
const dirs: string[] = [];
const codec = idbCodec();

beforeAll(async () => {
  const executablePath = await findChromium();
  if (!executablePath) throw new Error(INSTALL_HINT);
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
  server = createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end('<!doctype html><meta charset="utf-8"><title>new origin</title>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no server address');
  newOrigin = `http://127.0.0.1:${address.port}/`;
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'stance-migrate-'));
  dirs.push(dir);
  return dir;
}

/** A profile: a browser context, a file:// page URL, user-data and session folders. */
async function profile(context?: BrowserContext) {
  const dir = await tempDir();
  const blank = join(dir, 'blank.html');
  await writeFile(blank, '<!doctype html><meta charset="utf-8"><title>old origin</title>');
  const ctx = context ?? (await browser.newContext());
  const page = async (url: string): Promise<OriginPage> => {
    const p = await ctx.newPage();
    await p.goto(url);
    return { evaluate: (script) => p.evaluate(script), close: () => p.close() };
  };
  const userDataDir = join(dir, 'user-data');
  const sessionDir = join(dir, 'session');
  await mkdir(userDataDir, { recursive: true });
  const oldUrl = pathToFileURL(blank).href;
  return {
    ctx,
    userDataDir,
    sessionDir,
    backups: new BackupService(join(userDataDir, 'backups')),
    oldPage: () => page(oldUrl),
    newPage: () => page(newOrigin),
    /** Marks the session folder as holding file:// data, as Chromium's would. */
    markOldData: () =>
      mkdir(join(sessionDir, 'IndexedDB', 'file__0.indexeddb.leveldb'), { recursive: true }),
  };
}

function deps(p: Awaited<ReturnType<typeof profile>>, over: Partial<MigrationDeps> = {}) {
  return {
    sessionDir: p.sessionDir,
    userDataDir: p.userDataDir,
    backups: p.backups,
    openOld: p.oldPage,
    openNew: p.newPage,
    appVersion: '0.2.0',
    now: () => new Date(Date.UTC(2021, 6, 26, 10, 0, 0)),
    batchSize: 100,
    ...over,
  } satisfies MigrationDeps;
}

/** Fills an origin with a profile as Dexie 4 lays it out, plus an odd second database. */
async function seed(page: OriginPage): Promise<void> {
  await page.evaluate(`(async () => {
    const open = (name, version, upgrade) => new Promise((resolve, reject) => {
      const r = indexedDB.open(name, version);
      r.onupgradeneeded = () => upgrade(r.result);
      r.onsuccess = () => resolve(r.result);
      r.onerror = () => reject(r.error);
    });
    const db = await open('stance-workbench', 30, (db) => {
      const docs = db.createObjectStore('documents', { keyPath: 'id' });
      for (const i of ['title', 'outlet', 'date', 'importedAt']) docs.createIndex(i, i);
      const spans = db.createObjectStore('spans', { keyPath: 'id' });
      for (const i of ['docId', 'annotatorId', 'label']) spans.createIndex(i, i);
      spans.createIndex('[docId+annotatorId]', ['docId', 'annotatorId']);
      spans.createIndex('[annotatorId+docId+label]', ['annotatorId', 'docId', 'label']);
      db.createObjectStore('annotators', { keyPath: 'id' }).createIndex('kind', 'kind');
      db.createObjectStore('labels', { keyPath: 'key' }).createIndex('order', 'order');
      const st = db.createObjectStore('statuses', { keyPath: ['docId', 'annotatorId'] });
      st.createIndex('status', 'status');
      db.createObjectStore('settings', { keyPath: 'key' });
      db.createObjectStore('docTokens', { keyPath: 'docId' });
    });
    const tx = db.transaction(db.objectStoreNames, 'readwrite');
    const text = 'قال وزير الخارجية إن المفاوضات ستستأنف الأسبوع المقبل';
    for (let i = 0; i < 120; i++) {
      const id = 'doc-' + String(i).padStart(4, '0');
      tx.objectStore('documents').put({ id, text, rawText: text, textSource: 'clean', removed: [],
        title: 'خبر ' + i, date: '2021-07-26', author: null, outlet: 'الجزيرة', file: null,
        importedAt: 1627293600000 + i, folded: text });
      tx.objectStore('docTokens').put({ docId: id, version: 2, bounds: new Uint32Array([0, 3, 4, 8, i, i + 1]) });
      tx.objectStore('statuses').put({ docId: id, annotatorId: 'laila', status: 'in-progress', docStance: null, updatedAt: 1 });
    }
    for (let i = 0; i < 100; i++)
      tx.objectStore('spans').put({ id: 'span-' + i, docId: 'doc-' + String(i % 120).padStart(4, '0'),
        annotatorId: 'laila', label: i % 2 ? 'favor' : 'against', start: 0, end: 3, quote: 'قال',
        holder: null, note: null, createdAt: 1, updatedAt: 2 });
    tx.objectStore('annotators').put({ id: 'laila', name: 'ليلى', kind: 'self', createdAt: 1 });
    tx.objectStore('labels').put({ key: 'favor', name: 'Favor', nameAr: 'تأييد', color: '#2a7', hotkey: 1, definition: '', examples: [], order: 0 });
    tx.objectStore('labels').put({ key: 'against', name: 'Against', nameAr: 'معارضة', color: '#c33', hotkey: 2, definition: '', examples: [], order: 1 });
    tx.objectStore('settings').put({ key: 'self', value: 'laila' });
    tx.objectStore('settings').put({ key: 'transient.lastOpened', value: 'doc-0001' });
    await new Promise((resolve, reject) => { tx.oncomplete = resolve; tx.onerror = () => reject(tx.error); });
    db.close();
    const other = await open('scratch', 7, (db) => {
      db.createObjectStore('log', { autoIncrement: true }).createIndex('tags', 'tags', { multiEntry: true });
      db.createObjectStore('byDate');
      db.createObjectStore('empty', { keyPath: 'k' });
    });
    const t2 = other.transaction(['log', 'byDate'], 'readwrite');
    for (let i = 0; i < 60; i++) t2.objectStore('log').put({ tags: ['a', 'b' + (i % 3)], at: new Date(i), n: -0, big: 10n ** 20n });
    t2.objectStore('byDate').put({ when: 'then' }, new Date(Date.UTC(2021, 6, 26)));
    t2.objectStore('byDate').put(new Map([['k', new Set([1, 2])]]), new Uint8Array([1, 2, 3]).buffer);
    t2.objectStore('byDate').put('array key', [1, 'x', [new Date(5)]]);
    await new Promise((resolve, reject) => { t2.oncomplete = resolve; t2.onerror = () => reject(t2.error); });
    other.close();
  })()`);
}

/** Everything an origin holds: schemas (without counts) and every record, decoded. */
async function dump(page: OriginPage) {
  const names = ((await page.evaluate(pageScript({ op: 'list' }))) as { name: string }[])
    .map((d) => d.name)
    .sort();
  const schema = (await page.evaluate(pageScript({ op: 'schema', names }))) as DbSchema[];
  const records: Record<string, unknown> = {};
  for (const db of schema) {
    for (const store of db.stores) {
      const batch = (await page.evaluate(
        pageScript({ op: 'read', db: db.name, store: store.name, after: null, limit: 100_000 }),
      )) as RecordBatch;
      records[`${db.name}.${store.name}`] = codec.decode(batch.records);
    }
  }
  return { schema, records };
}

describe('migrateProfileOrigin', () => {
  it(
    'copies every database, store, index and record, writes a backup, and leaves the old data',
    SLOW,
    async () => {
      // A real on-disk Chromium profile: the file:// origin's folder is Chromium's own.
      const dataDir = await tempDir();
      const ctx = await chromium.launchPersistentContext(dataDir, {
        executablePath: (await findChromium())!,
        args: CHROMIUM_ARGS,
        headless: true,
      });
      try {
        const p = await profile(ctx);
        const seedPage = await p.oldPage();
        await seed(seedPage);
        const before = await dump(seedPage);
        await seedPage.close();
        const sessionDir = join(dataDir, 'Default');
        expect(await readdir(join(sessionDir, 'IndexedDB'))).toContain('file__0.indexeddb.leveldb');

        const logs: string[] = [];
        const outcome = await migrateProfileOrigin(
          deps(p, { sessionDir, log: (l) => logs.push(l) }),
        );
        expect(outcome.state).toBe('done');

        const newPage = await p.newPage();
        const after = await dump(newPage);
        await newPage.close();
        expect(after.schema).toEqual(before.schema);
        expect(after.records).toStrictEqual(before.records);
        expect(before.records['stance-workbench.documents']).toHaveLength(120);
        const tokens = before.records['stance-workbench.docTokens'] as [
          string,
          { bounds: unknown },
        ][];
        expect(tokens[0]![1].bounds).toBeInstanceOf(Uint32Array);

        // The old origin is only read.
        const oldPage = await p.oldPage();
        expect(await dump(oldPage)).toStrictEqual(before);
        await oldPage.close();

        const rec = await readMigrationRecord(p.userDataDir);
        expect(rec).toMatchObject({
          state: 'done',
          from: 'file://',
          to: 'app://stance',
          databases: ['scratch', 'stance-workbench'],
          counts: { 'stance-workbench': { documents: 120, spans: 100 }, scratch: { log: 60 } },
          backup: 'stance-backup-before-restore-2021-07-26T10-00-00.jsonl',
        });

        // The backup is one the app restores: complete, checked, without session settings.
        const text = await readFile(join(p.userDataDir, 'backups', rec!.backup!), 'utf8');
        const reader = new BackupReader();
        for (const line of splitJsonl(text)) reader.push(line);
        const contents = reader.finish();
        expect(contents.errors).toEqual([]);
        expect(contents.header).toMatchObject({
          db_version: 3,
          app_version: '0.2.0',
          counts: {
            documents: 120,
            spans: 100,
            annotators: 1,
            labels: 2,
            statuses: 120,
            settings: 1,
          },
        });
        expect(Object.keys(contents.tables).sort()).toEqual([
          'annotators',
          'documents',
          'labels',
          'settings',
          'spans',
          'statuses',
        ]);
        expect(contents.tables.settings).toEqual([{ key: 'self', value: 'laila' }]);
      } finally {
        await ctx.close();
      }
    },
  );

  it('runs once: a settled move never touches the new origin again', SLOW, async () => {
    const p = await profile();
    await p.markOldData();
    const seedPage = await p.oldPage();
    await seed(seedPage);
    await seedPage.close();
    expect((await migrateProfileOrigin(deps(p))).state).toBe('done');

    const fail = () => Promise.reject(new Error('must not open a page'));
    await expect(migrateProfileOrigin(deps(p, { openOld: fail, openNew: fail }))).resolves.toEqual({
      state: 'done',
      detail: 'already settled (done)',
    });
  });

  it('redoes an interrupted copy from scratch at the next start', SLOW, async () => {
    const p = await profile();
    await p.markOldData();
    const seedPage = await p.oldPage();
    await seed(seedPage);
    const before = await dump(seedPage);
    await seedPage.close();

    // The new origin's page dies on the fourth batch written.
    let writes = 0;
    const flaky = async (): Promise<OriginPage> => {
      const page = await p.newPage();
      return {
        evaluate: (script) => {
          if (script.includes('"op":"write"') && ++writes === 4)
            return Promise.reject(new Error('the page crashed'));
          return page.evaluate(script);
        },
        close: () => page.close(),
      };
    };
    const failed = migrateProfileOrigin(deps(p, { openNew: flaky }));
    await expect(failed).rejects.toBeInstanceOf(MigrationError);
    await expect(failed).rejects.toMatchObject({
      message: 'the page crashed',
      backup: 'stance-backup-before-restore-2021-07-26T10-00-00.jsonl',
    });
    expect((await readMigrationRecord(p.userDataDir))?.state).toBe('copying');

    expect((await migrateProfileOrigin(deps(p))).state).toBe('done');
    const newPage = await p.newPage();
    expect((await dump(newPage)).records).toStrictEqual(before.records);
    await newPage.close();
  });

  it('keeps the new origin as it is when it already has data', SLOW, async () => {
    const p = await profile();
    await p.markOldData();
    const seedPage = await p.oldPage();
    await seed(seedPage);
    await seedPage.close();
    const newPage = await p.newPage();
    await newPage.evaluate(`new Promise((resolve, reject) => {
      const r = indexedDB.open('stance-workbench', 30);
      r.onupgradeneeded = () => r.result.createObjectStore('documents', { keyPath: 'id' }).put({ id: 'newer' });
      r.onsuccess = () => { r.result.close(); resolve(null); };
      r.onerror = () => reject(r.error);
    })`);
    const before = await dump(newPage);

    expect((await migrateProfileOrigin(deps(p))).state).toBe('kept-new');
    expect(await dump(newPage)).toStrictEqual(before);
    await newPage.close();
    expect(await readdir(p.userDataDir)).not.toContain('backups');
  });

  it('opens no page when the file:// origin never stored anything', async () => {
    const p = await profile();
    const fail = () => Promise.reject(new Error('must not open a page'));
    const outcome = await migrateProfileOrigin(deps(p, { openOld: fail, openNew: fail }));
    expect(outcome.state).toBe('nothing-to-move');
    expect((await readMigrationRecord(p.userDataDir))?.state).toBe('nothing-to-move');
  });
});
