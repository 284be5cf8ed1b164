// Dataset import, export and backup on real IndexedDB (Vitest browser mode).
import { problemText } from '@core/problems/problem.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { cpLength } from '@core/offsets.ts';
import type { SpanRecord } from '@core/model.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { createProfile } from './profile.ts';
import { writeDataset, type ExportOptions } from './export.ts';
import {
  analyzeFile,
  importDataset,
  looksLikeDataset,
  unreadableProblem,
  type DatasetAnalysis,
} from './dataset-import.ts';
import { encodeCp1256 } from '@core/testing/cp1256.ts';
import type { LineError } from '@core/jsonl.ts';
import { backupText, profileHasData, restoreBackup } from './backup.ts';
import { storeDocuments } from './store-documents.ts';
import { BackupReader } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

async function freshProfile(name: string): Promise<WorkbenchDb> {
  const db = createDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  await createProfile(db, name);
  return db;
}

const TEXTS = [
  'قال رئيس الوزراء 👍🏽 إن الانسحاب الأمريكي ضروري.\r\nوأضاف أن التحالف باقٍ للتدريب.',
  'أكد المتحدث e\u0301 أن القوات القتالية ستغادر 🇮🇶 قبل نهاية العام.',
];

function spanOf(
  docId: string,
  text: string,
  words: string,
  label: string,
  annotatorId: string,
): SpanRecord {
  const start = cpLength(text.slice(0, text.indexOf(words)));
  return {
    id: crypto.randomUUID(),
    docId,
    annotatorId,
    label,
    start,
    end: start + cpLength(words),
    quote: words,
    holder: null,
    note: null,
    createdAt: 1,
    updatedAt: 1,
  };
}

async function seed(db: WorkbenchDb): Promise<void> {
  const docs = await Promise.all(
    TEXTS.map((text, i) => buildDocumentRecord({ text, title: `خبر ${i}`, outlet: 'INA' })),
  );
  await storeDocuments(db, docs);
  await db.spans.bulkAdd([
    spanOf(docs[0]!.id, docs[0]!.text, 'الانسحاب الأمريكي ضروري', 'pro-withdrawal', 'Laila'),
    {
      ...spanOf(docs[0]!.id, docs[0]!.text, 'التحالف باقٍ', 'pro-coalition', 'Laila'),
      holder: 'المتحدث',
      note: 'واضح',
    },
    spanOf(docs[1]!.id, docs[1]!.text, 'ستغادر 🇮🇶', 'pro-withdrawal', 'Laila'),
  ]);
  await db.statuses.put({
    docId: docs[0]!.id,
    annotatorId: 'Laila',
    status: 'done',
    docStance: null,
    updatedAt: 1,
  });
}

async function exportText(db: WorkbenchDb, opts: Partial<ExportOptions> = {}): Promise<string> {
  let out = '';
  await writeDataset(
    db,
    { format: 'spans', annotatorIds: ['Laila'], labels: null, documents: 'all', ...opts },
    async (c) => {
      out += c;
    },
  );
  return out;
}

async function analyse(db: WorkbenchDb, text: string, name = 'in.jsonl'): Promise<DatasetAnalysis> {
  const a = await analyzeFile(db, { name, bytes: new TextEncoder().encode(text) });
  if (a.kind !== 'dataset') throw new Error('expected a dataset');
  return a.analysis;
}

describe('dataset export and import on IndexedDB', () => {
  it('export → import as a colleague in a fresh profile → export is byte-identical', async () => {
    const mine = await freshProfile('Laila');
    await seed(mine);
    const first = await exportText(mine);
    expect(first.split('\n').filter(Boolean)).toHaveLength(2);

    const theirs = await freshProfile('Omar');
    const report = await importDataset(theirs, await analyse(theirs, first), { selfId: 'Omar' });
    expect(report).toMatchObject({
      imported: true,
      documentsCreated: 2,
      spansAdded: 3,
      annotatorsAdded: ['Laila'],
    });
    expect(await theirs.annotators.get('Laila')).toMatchObject({ kind: 'colleague' });
    expect(await exportText(theirs)).toBe(first);

    // Importing the same file again changes nothing.
    const spansBefore = await theirs.spans.toArray();
    const again = await importDataset(theirs, await analyse(theirs, first), { selfId: 'Omar' });
    expect(again).toMatchObject({
      documentsCreated: 0,
      spansAdded: 0,
      spansUpdated: 0,
      spansUnchanged: 3,
    });
    expect(await theirs.spans.toArray()).toEqual(spansBefore);
    expect(await theirs.documents.count()).toBe(2);
  });

  it("re-importing one's own export (app-made spans) adds no second copy", async () => {
    const mine = await freshProfile('Laila');
    await seed(mine);
    // As the app leaves it: a document with spans is at least in progress.
    const second = (await mine.spans.toArray()).find((sp) => sp.quote === 'ستغادر 🇮🇶')!;
    await mine.statuses.put({
      docId: second.docId,
      annotatorId: 'Laila',
      status: 'in-progress',
      docStance: null,
      updatedAt: 1,
    });
    const spansBefore = await mine.spans.toArray();
    const statusesBefore = await mine.statuses.toArray();
    const out = await exportText(mine);
    const report = await importDataset(mine, await analyse(mine, out), { selfId: 'Laila' });
    expect(report).toMatchObject({
      imported: true,
      documentsCreated: 0,
      spansAdded: 0,
      spansUpdated: 0,
      spansUnchanged: 3,
    });
    expect(await mine.spans.toArray()).toEqual(spansBefore);
    expect(await mine.statuses.toArray()).toEqual(statusesBefore);

    // A span the file has and the analyst does not is still added.
    const lines = out.split('\n').filter(Boolean);
    const first = JSON.parse(lines[0]!) as { spans: { start: number; label: string }[] };
    first.spans.push({ ...first.spans[0]!, label: 'pro-coalition' });
    const edited = [JSON.stringify(first), ...lines.slice(1)].join('\n') + '\n';
    const more = await importDataset(mine, await analyse(mine, edited), { selfId: 'Laila' });
    expect(more).toMatchObject({ spansAdded: 1, spansUnchanged: 3 });
    expect(await mine.spans.count()).toBe(4);
  });

  it('a file without statuses (doccano) never overwrites a stored one', async () => {
    const db = await freshProfile('Laila');
    await seed(db);
    const done = (await db.statuses.toArray()).find((st) => st.status === 'done')!;
    const doccano = await exportText(db, { format: 'doccano' });
    const analysis = await analyse(db, doccano);
    await importDataset(db, analysis, { selfId: 'Laila', annotatorForMissing: 'Laila' });
    expect(await db.statuses.get([done.docId, 'Laila'])).toEqual(done);
  });

  it('exports only done documents and the chosen labels', async () => {
    const db = await freshProfile('Laila');
    await seed(db);
    const out = await exportText(db, { documents: 'done', labels: ['pro-coalition'] });
    const lines = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { spans: { label: string }[] });
    expect(lines).toHaveLength(1);
    expect(lines[0]!.spans.map((s) => s.label)).toEqual(['pro-coalition']);
  });

  it('imports nothing from a file with bad lines unless asked for the valid ones', async () => {
    const db = await freshProfile('Omar');
    const good = JSON.stringify({
      text: TEXTS[1],
      spans: [{ start: 0, end: 3, label: 'pro-withdrawal' }],
      _annotator_id: 'Sara',
    });
    const file = `${good}\n\n{"text":"abc","spans":[{"start":2,"end":1,"label":"x"}]}\n`;
    const analysis = await analyse(db, file);
    expect(analysis.errors).toEqual([
      {
        line: 3,
        message: 'spans[0]: end (1) must be greater than start (2)',
        problem: { code: 'span.endBeforeStart', values: { start: 2, end: 1 }, path: 'spans[0]' },
      },
    ]);
    const refused = await importDataset(db, analysis, { selfId: 'Omar' });
    expect(refused.imported).toBe(false);
    expect(await db.documents.count()).toBe(0);
    const partial = await importDataset(db, analysis, { selfId: 'Omar', validOnly: true });
    expect(partial).toMatchObject({ imported: true, spansAdded: 1 });
    expect(await db.spans.filter((s) => s.annotatorId === 'Sara').count()).toBe(1);
  });

  it('asks for the annotator when lines have none, and adds or maps unknown labels', async () => {
    const db = await freshProfile('Omar');
    const line = JSON.stringify({
      text: TEXTS[0],
      spans: [
        { start: 0, end: 3, label: 'withdrawal' },
        { start: 4, end: 8, label: 'sarcasm' },
      ],
    });
    const analysis = await analyse(db, `${line}\n`);
    expect(analysis.withoutAnnotator).toBe(1);
    expect(analysis.labels).toEqual([
      { key: 'sarcasm', count: 1, known: false },
      { key: 'withdrawal', count: 1, known: false },
    ]);
    expect((await importDataset(db, analysis, { selfId: 'Omar' })).refusal).toMatch(
      /no _annotator_id/,
    );
    const r = await importDataset(db, analysis, {
      selfId: 'Omar',
      annotatorForMissing: 'Sara',
      labelMap: { withdrawal: 'pro-withdrawal' },
    });
    expect(r.labelsAdded).toEqual(['sarcasm']);
    expect((await db.spans.toArray()).map((s) => s.label).sort()).toEqual([
      'pro-withdrawal',
      'sarcasm',
    ]);
    expect(await db.labels.get('sarcasm')).toMatchObject({ order: 3, hotkey: null });
  });
});

describe('reading a dropped file', () => {
  it('tells a dataset from an article, and a backup from a dataset', async () => {
    const db = await freshProfile('Omar');
    const enc = (t: string): Uint8Array => new TextEncoder().encode(t);
    const dataset = {
      name: 'sara.jsonl',
      bytes: enc(
        JSON.stringify({
          text: TEXTS[1],
          spans: [{ start: 0, end: 3, label: 'x' }],
          _annotator_id: 'Sara',
        }),
      ),
    };
    const backupFile = { name: 'b.jsonl', bytes: enc(await backupText(db)) };
    expect(looksLikeDataset(dataset)).toBe(true);
    expect(looksLikeDataset({ name: 'article.txt', bytes: enc('قال الوزير') })).toBe(false);
    const report = await importDataset(
      db,
      await analyse(db, new TextDecoder().decode(dataset.bytes)),
      {
        selfId: 'Omar',
      },
    );
    expect(report).toMatchObject({ imported: true, spansAdded: 1, labelsAdded: ['x'] });
    // The dataset dialog refuses a backup (restore it from the Backup panel).
    expect(await analyzeFile(db, backupFile)).toMatchObject({
      kind: 'backup',
      fileName: 'b.jsonl',
    });
  });
});

describe('importing the same file twice', () => {
  it('changes nothing the second time, in any table', async () => {
    const db = await freshProfile('Laila');
    await seed(db);
    const at = (text: string, words: string, label: string, more: object = {}): object => {
      const start = cpLength(text.slice(0, text.indexOf(words)));
      return { start, end: start + cpLength(words), label, text: words, ...more };
    };
    const [t0, t1] = [TEXTS[0]!, TEXTS[1]!];
    const tokens = [
      { start: 0, end: 3 },
      { start: 4, end: 9 },
    ];
    const lines = [
      {
        text: t0,
        spans: [
          at(t0, 'الانسحاب الأمريكي ضروري', 'sarcasm', {
            holder: 'الكاظمي',
            holder_id: 'kadhimi',
            target: 'US forces',
            attribution: 'direct-quote',
          }),
        ],
        meta: { status: 'done', doc_stance: 'pro-withdrawal' },
        tokens,
        _annotator_id: 'Sara',
      },
      // The analyst's own span, made in the app: already there.
      { text: t0, spans: [at(t0, 'التحالف باقٍ', 'pro-coalition')], _annotator_id: 'Laila' },
      {
        text: t1,
        spans: [at(t1, 'ستغادر 🇮🇶', 'pro-withdrawal', { note: 'واضح' })],
        meta: { doc_id: 'elsewhere', status: 'in-progress' },
        _annotator_id: 'Omar',
      },
      {
        text: t1,
        spans: [at(t1, 'ستغادر 🇮🇶', 'pro-withdrawal', { agreed_by: ['Omar', 'Sara'] })],
        _annotator_id: 'gold',
      },
      { text: 'نص جديد لم يره أحد من قبل', spans: [] },
    ];
    const file = lines.map((l) => JSON.stringify(l)).join('\n');
    const opts = { selfId: 'Laila', annotatorForMissing: 'Karwan' };
    // Every table but the kept views' generation token and the log of
    // writes, which any write renews (a second import rewrites what it
    // finds already there, as it was).
    const tables = async (): Promise<Record<string, unknown[]>> =>
      Object.fromEntries(
        await Promise.all(
          db.tables
            .filter((t) => t.name !== 'viewCache' && t.name !== 'viewChanges')
            .map(async (t) => [t.name, await t.toArray()]),
        ),
      );

    const first = await importDataset(db, await analyse(db, file), opts);
    expect(first).toMatchObject({
      imported: true,
      // TEXTS[1] was stored NFC; the file's text, not NFC, is kept as it is.
      documentsCreated: 2,
      documentsMatched: 1,
      spansAdded: 3,
      spansUnchanged: 1,
      labelsAdded: ['sarcasm'],
      annotatorsAdded: ['Karwan', 'Omar', 'Sara', 'gold'],
      actorsAdded: ['الكاظمي'],
    });
    const before = await tables();
    const again = await importDataset(db, await analyse(db, file), opts);
    expect(again).toMatchObject({
      imported: true,
      documentsCreated: 0,
      documentsMatched: 3,
      spansAdded: 0,
      spansUpdated: 0,
      spansUnchanged: 4,
      labelsAdded: [],
      annotatorsAdded: [],
      actorsAdded: [],
    });
    expect(await tables()).toEqual(before);
  });
});

describe('dataset import of hostile files', () => {
  it('refuses a Windows-1256 or broken UTF-8 file whole, naming line and byte, as the CLI does', async () => {
    const db = await freshProfile('Omar');
    const line = JSON.stringify({ text: TEXTS[1], spans: [], _annotator_id: 'Sara' });
    const cp1256 = encodeCp1256(
      `${JSON.stringify({ text: 'الانسحاب ضروري', spans: [], _annotator_id: 'Sara' })}\n`,
    );
    const utf8 = new TextEncoder().encode(`${line}\n${line}\n`);
    const broken = Uint8Array.from([
      ...utf8.subarray(0, utf8.length - 10),
      0xff,
      ...utf8.subarray(utf8.length - 9),
    ]);
    const a = await analyzeFile(db, { name: 'cp1256.jsonl', bytes: cp1256 });
    expect(a).toMatchObject({
      kind: 'unreadable',
      fileName: 'cp1256.jsonl',
      error: {
        line: 1,
        message:
          'not valid UTF-8 at byte 9: the file looks like Windows-1256 (legacy Arabic); save it as UTF-8 and try again',
      },
    });
    expect(problemText(unreadableProblem(a as { fileName: string; error: LineError }))).toBe(
      'cp1256.jsonl, line 1: not valid UTF-8 at byte 9: the file looks like Windows-1256 (legacy Arabic); save it as UTF-8 and try again. Nothing can be imported from it.',
    );
    const b = await analyzeFile(db, { name: 'broken.jsonl', bytes: broken });
    expect(b).toMatchObject({ kind: 'unreadable', error: { line: 2 } });
    expect((b as { error: LineError }).error.message).toMatch(
      new RegExp(`^not valid UTF-8 at byte ${utf8.length - 10}: `),
    );
    // Nothing was written.
    expect(await db.documents.count()).toBe(0);
    expect(await db.spans.count()).toBe(0);
  });

  it('refuses ids with control, bidi or zero-width characters, and the annotator typed for a file', async () => {
    const db = await freshProfile('Omar');
    const lines = [
      {
        text: TEXTS[1],
        spans: [{ start: 0, end: 3, label: 'pro\u202Ewithdrawal' }],
        _annotator_id: 'Sara',
      },
      { text: TEXTS[1], spans: [], _annotator_id: 'Sa\u200Dra' },
      { text: TEXTS[0], spans: [{ start: 0, end: 3, label: 'pro-withdrawal' }] },
    ];
    const analysis = await analyse(db, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(analysis.errors.map((e) => [e.line, e.message.split(':')[0]])).toEqual([
      [1, 'spans[0].label'],
      [2, '_annotator_id'],
    ]);
    expect(analysis.errors[0]!.message).toContain('U+202E (right-to-left override)');
    const refused = await importDataset(db, analysis, {
      selfId: 'Omar',
      validOnly: true,
      annotatorForMissing: 'Sara\u2066',
    });
    expect(refused).toMatchObject({ imported: false });
    expect(refused.refusal).toContain('U+2066');
    expect(await db.spans.count()).toBe(0);
  });

  it('imports a label called __proto__ as itself, mapped or not', async () => {
    const db = await freshProfile('Omar');
    const line = JSON.stringify({
      text: TEXTS[1],
      spans: [
        { start: 0, end: 3, label: '__proto__' },
        { start: 4, end: 8, label: 'constructor' },
      ],
      _annotator_id: 'Sara',
    });
    const analysis = await analyse(db, `${line}\n`);
    const r = await importDataset(db, analysis, { selfId: 'Omar', labelMap: {} });
    expect(r.labelsAdded).toEqual(['__proto__', 'constructor']);
    expect((await db.spans.toArray()).map((s) => s.label).sort()).toEqual([
      '__proto__',
      'constructor',
    ]);
  });
});

// The behaviour at a size of several write batches (250 records each); the
// scale itself is measured by npm run bench.
describe('imports of several batches', () => {
  const LINES = 600;
  it('reads and writes a file of several batches with progress in both phases, in one go', async () => {
    const db = await freshProfile('Omar');
    const lines = Array.from({ length: LINES }, (_, i) =>
      JSON.stringify({
        text: `خبر ${i}: الانسحاب ضروري 👍🏽`,
        spans: [
          { start: `خبر ${i}: `.length, end: `خبر ${i}: `.length + 8, label: 'pro-withdrawal' },
        ],
        _annotator_id: 'Sara',
      }),
    );
    const phases = new Set<string>();
    let last = { done: 0, total: 0 };
    const a = await analyzeFile(
      db,
      { name: 'big.jsonl', bytes: new TextEncoder().encode(lines.join('\n')) },
      (p) => phases.add(p.phase),
    );
    if (a.kind !== 'dataset') throw new Error('expected a dataset');
    expect(a.analysis.records).toHaveLength(LINES);
    const r = await importDataset(db, a.analysis, {
      selfId: 'Omar',
      onProgress: (p) => {
        phases.add(p.phase);
        last = p;
      },
    });
    expect(r).toMatchObject({ imported: true, documentsCreated: LINES, spansAdded: LINES });
    expect([...phases].sort()).toEqual(['reading', 'writing']);
    expect(last.done).toBe(last.total);
    expect(await db.spans.filter((s) => s.annotatorId === 'Sara').count()).toBe(LINES);
  });
});

describe('full backup on IndexedDB', () => {
  it('restores into an empty profile with nothing lost, and refuses a truncated file', async () => {
    const db = await freshProfile('Laila');
    await seed(db);
    await db.settings.put({ key: 'fontSize', value: 18 });
    await db.settings.put({ key: 'transient.scroll', value: 5 });
    const text = await backupText(db);

    const empty = createDb(`t-${crypto.randomUUID()}`);
    opened.push(empty);
    expect(await profileHasData(empty)).toBe(false);
    const reader = new BackupReader();
    for (const l of splitJsonl(text)) reader.push(l);
    await restoreBackup(empty, reader.finish());
    for (const t of ['documents', 'spans', 'annotators', 'labels', 'statuses'] as const)
      expect(await empty.table(t).toArray()).toEqual(await db.table(t).toArray());
    // Transient settings stay out; the derived-tables marker is this build's.
    expect((await empty.settings.toArray()).map((s) => s.key).sort()).toEqual([
      'derivedTables',
      'fontSize',
      'selfAnnotatorId',
    ]);

    const cut = new BackupReader();
    for (const l of splitJsonl(text).slice(0, -2)) cut.push(l);
    const other = await freshProfile('Omar');
    await expect(restoreBackup(other, cut.finish())).rejects.toThrow(/nothing was restored/);
    expect(await other.annotators.get('Omar')).toBeTruthy();
  });
});
