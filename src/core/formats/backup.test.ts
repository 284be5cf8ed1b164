import { describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '../document.ts';
import { splitJsonl } from '../jsonl.ts';
import { documentRecordSchema } from '../model.ts';
import { BackupReader, writeBackupHeader, writeBackupRow } from './backup.ts';

const doc = {
  id: 'h1',
  text: 'نص 👍🏽',
  rawText: 'نص 👍🏽',
  textSource: 'clean',
  removed: [],
  title: 'نص',
  date: null,
  author: null,
  outlet: null,
  file: null,
  importedAt: 1,
  folded: 'نص',
  futureField: { kept: true },
};
const span = {
  id: 's1',
  docId: 'h1',
  annotatorId: 'omar',
  label: 'x',
  start: 0,
  end: 2,
  quote: 'نص',
  holder: null,
  note: null,
  createdAt: 1,
  updatedAt: 2,
  provenance: ['a'],
};
const annotator = { id: 'omar', name: 'عمر', kind: 'self', createdAt: 1 };

function backup(rows: [string, unknown][], counts?: Record<string, number>): string {
  const c =
    counts ?? rows.reduce<Record<string, number>>((m, [t]) => ({ ...m, [t]: (m[t] ?? 0) + 1 }), {});
  return writeBackupHeader(c, 1, new Date(0)) + rows.map(([t, r]) => writeBackupRow(t, r)).join('');
}

function read(text: string) {
  const r = new BackupReader();
  for (const l of splitJsonl(text)) r.push(l);
  return r.finish();
}

describe('backup format', () => {
  it('reads back every row, unknown fields and unknown tables included', () => {
    const got = read(
      backup([
        ['documents', doc],
        ['spans', span],
        ['annotators', annotator],
        ['reviews', { id: 1 }],
      ]),
    );
    expect(got.errors).toEqual([]);
    expect(got.tables).toEqual({
      documents: [doc],
      spans: [span],
      annotators: [annotator],
      reviews: [{ id: 1 }],
    });
  });

  it('reads a document exactly as the app stores it: the row schema is the record schema', async () => {
    const stored = await buildDocumentRecord({
      text: 'قال الكاظمي إن الانسحاب ضروري',
      rawText: 'عاجل\nقال الكاظمي إن الانسحاب ضروري',
      removed: [{ rule: 'ticker', reason: 'news ticker', text: 'عاجل', line: 1 }],
      title: 'الانسحاب',
      file: 'a.txt',
    });
    expect(documentRecordSchema.parse(stored)).toEqual(stored);
    // A newer version's extra fields survive, in the record and in a removal.
    const newer = { ...stored, removed: [{ ...stored.removed[0]!, severity: 2 }], pinned: true };
    const got = read(backup([['documents', newer]]));
    expect(got.errors).toEqual([]);
    expect(got.tables.documents).toEqual([newer]);
    // A field the record needs is checked as the record's schema says.
    const bad = read(backup([['documents', { ...stored, textSource: 'scraped' }]]));
    expect(bad.errors.map((e) => e.message)).toContainEqual(
      expect.stringMatching(/^documents row: textSource: /),
    );
  });

  it('detects a truncated file, a bad row, a dangling span and a newer version', () => {
    const truncated = read(backup([['documents', doc]], { documents: 2 }));
    expect(truncated.errors[0]!.message).toMatch(/promises 2 rows, the file has 1/);
    const badRow = read(
      backup([
        ['spans', { ...span, start: -1 }],
        ['documents', doc],
        ['annotators', annotator],
      ]),
    );
    expect(badRow.errors[0]).toMatchObject({
      line: 2,
      message: expect.stringMatching(/spans row: start/),
    });
    const dangling = read(
      backup([
        ['spans', span],
        ['annotators', annotator],
      ]),
    );
    expect(dangling.errors.map((e) => e.message).join()).toMatch(
      /document h1 is not in the backup/,
    );
    const newer = read(
      '{"schema":"stance-workbench/backup@2","created_at":"x","db_version":3,"counts":{}}\n',
    );
    expect(newer.errors[0]!.message).toMatch(/newer than this version reads/);
    expect(read('{"text":"x"}\n').errors[0]!.message).toMatch(/not a Stance Workbench backup/);
  });
});

describe('backup reader on arbitrary input', () => {
  it('never throws; anything it accepts without errors has a header', async () => {
    const { default: fc } = await import('fast-check');
    const valid = backup([
      ['documents', doc],
      ['spans', span],
      ['annotators', annotator],
    ]);
    const mutated = fc
      .tuple(fc.nat(valid.length), fc.nat(30), fc.string({ maxLength: 10 }))
      .map(([at, del, ins]) => valid.slice(0, at) + ins + valid.slice(at + del));
    fc.assert(
      fc.property(fc.oneof(fc.string(), mutated), (text) => {
        const got = read(text);
        if (got.errors.length === 0) expect(got.header).not.toBeNull();
        for (const e of got.errors) expect(e.message.length).toBeGreaterThan(0);
      }),
    );
  });
});
