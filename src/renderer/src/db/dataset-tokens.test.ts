// The tokens a dataset brings, on real IndexedDB: kept per line at import
// (schema v7), merged on re-import, kept through a backup and restore, and
// deciding the dashboard's tokens by core's one rule.
import { afterEach, describe, expect, it } from 'vitest';
import { BackupReader } from '@core/formats/backup.ts';
import { splitJsonl } from '@core/jsonl.ts';
import { chosenDocs, groupAnnotations, lineTokenIndex } from '../review/agreement-docs.ts';
import { backupText, restoreBackup } from './backup.ts';
import { analyzeFile, importDataset } from './dataset-import.ts';
import { extentsOf } from './dataset-tokens.ts';
import { createProfile } from './profile.ts';
import { createDb, type WorkbenchDb } from './schema.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

async function freshProfile(): Promise<WorkbenchDb> {
  const db = createDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  await createProfile(db, 'Laila');
  return db;
}

const TEXT = 'وقال الوزير إن الانسحاب ضروري';
// Their tool splits the و off: [0,1) [1,4) [5,11) [12,14) [15,23) [24,29).
const THEIRS = (
  [
    [0, 1],
    [1, 4],
    [5, 11],
    [12, 14],
    [15, 23],
    [24, 29],
  ] as const
).map(([start, end]) => ({ start, end }));

const line = (who: string, tokens: { start: number; end: number }[] | null, docId = 'd1'): string =>
  JSON.stringify({
    text: TEXT,
    spans: [{ start: 1, end: 11, label: 'pro-withdrawal' }],
    ...(tokens ? { tokens } : {}),
    meta: { doc_id: docId },
    _annotator_id: who,
  });

async function importText(db: WorkbenchDb, text: string): Promise<void> {
  const a = await analyzeFile(db, { name: 'in.jsonl', bytes: new TextEncoder().encode(text) });
  if (a.kind !== 'dataset') throw new Error('expected a dataset');
  expect(a.analysis.errors).toEqual([]);
  const r = await importDataset(db, a.analysis, { selfId: 'laila' });
  expect(r.imported).toBe(true);
}

async function decide(db: WorkbenchDb, chosen: string[]) {
  const annotations = groupAnnotations(await db.spans.toArray(), await db.statuses.toArray());
  return chosenDocs(annotations, chosen, lineTokenIndex(await db.lineTokens.toArray()));
}

describe('dataset tokens', () => {
  it('keeps the tokens each line brings; the files’ tokens decide when they all agree', async () => {
    const db = await freshProfile();
    await importText(db, `${line('Ahmad', THEIRS)}\n`);
    await importText(db, `${line('Sara', THEIRS)}\n`);
    const sets = await db.tokenSets.toArray();
    expect(sets).toHaveLength(1);
    expect(extentsOf(sets[0]!.bounds)).toEqual(THEIRS);
    const lines = await db.lineTokens.toArray();
    expect(lines.map((l) => [l.annotatorId, l.digest])).toEqual([
      ['Ahmad', sets[0]!.digest],
      ['Sara', sets[0]!.digest],
    ]);
    const [both] = await decide(db, ['Ahmad', 'Sara']);
    expect(both!.doc.basis).toBe('dataset');
    expect(both!.need).toEqual({ docId: both!.doc.id, digest: sets[0]!.digest });

    // Importing the same file again changes nothing.
    await importText(db, `${line('Sara', THEIRS)}\n`);
    expect(await db.lineTokens.toArray()).toEqual(lines);

    // A third file without tokens (doccano-like): the workbench decides for
    // everyone when Omar is chosen, the files' tokens when he is not.
    await importText(db, `${line('Omar', null)}\n`);
    expect((await decide(db, ['Ahmad', 'Sara', 'Omar']))[0]!.doc.basis).toBe('workbench');
    expect((await decide(db, ['Ahmad', 'Sara']))[0]!.doc.basis).toBe('dataset');

    // Sara's second line for the document with other tokens: hers are no
    // longer one and the same, so the workbench decides.
    await importText(db, `${line('Sara', THEIRS.slice(1))}\n`);
    expect((await db.lineTokens.get([both!.doc.id, 'Sara']))!.digest).toBeNull();
    expect((await decide(db, ['Ahmad', 'Sara']))[0]!.doc.basis).toBe('workbench');
  });

  it('an annotation made in the app brings the workbench tokens', async () => {
    const db = await freshProfile();
    await importText(db, `${line('Ahmad', THEIRS)}\n`);
    const docId = (await db.documents.toArray())[0]!.id;
    await db.statuses.put({
      docId,
      annotatorId: 'laila',
      status: 'done',
      docStance: null,
      updatedAt: 0,
    });
    expect((await decide(db, ['Ahmad', 'laila']))[0]!.doc.basis).toBe('workbench');
  });

  it('survives a backup and restore', async () => {
    const db = await freshProfile();
    await importText(db, `${line('Ahmad', THEIRS)}\n${line('Sara', THEIRS)}\n`);
    const reader = new BackupReader();
    for (const l of splitJsonl(await backupText(db))) reader.push(l);
    const empty = createDb(`t-${crypto.randomUUID()}`);
    opened.push(empty);
    await empty.open();
    await restoreBackup(empty, reader.finish());
    const sets = await empty.tokenSets.toArray();
    expect(sets.map((s) => extentsOf(s.bounds))).toEqual([THEIRS]);
    expect((await decide(empty, ['Ahmad', 'Sara']))[0]!.doc.basis).toBe('dataset');
  });
});
