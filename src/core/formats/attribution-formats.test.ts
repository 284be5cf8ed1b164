// Attribution in the formats: spans JSONL carries the holder actor's id and
// names, the target and the attribution kind, and still reads files written
// before they existed; a backup carries the actors table and checks that
// every span's holder actor is in it.
import { describe, expect, it } from 'vitest';
import { splitJsonl } from '../jsonl.ts';
import { cpLength } from '../offsets.ts';
import { BackupReader, writeBackupHeader, writeBackupRow } from './backup.ts';
import type { DatasetRecord } from './record.ts';
import { parseSpansLine, writeSpansLine } from './spans-jsonl.ts';

const TEXT = 'وأضاف الكاظمي: "لا توجد حاجة لأي قوات قتالية أجنبية".';
const QUOTE = 'لا توجد حاجة لأي قوات قتالية أجنبية';
const start = cpLength(TEXT.slice(0, TEXT.indexOf(QUOTE)));
const end = start + cpLength(QUOTE);

const record: DatasetRecord & { docId: string; annotatorId: string } = {
  docId: 'd1',
  text: TEXT,
  title: 't',
  date: '2021-07-25',
  source: 'الشرق',
  status: 'done',
  docStance: null,
  annotatorId: 'laila',
  spans: [
    {
      start,
      end,
      label: 'pro-withdrawal',
      quote: QUOTE,
      holder: 'مصطفى الكاظمي',
      note: null,
      agreedBy: null,
      holderActor: { id: 'kadhimi', nameEn: 'Mustafa al-Kadhimi', kind: 'person' },
      target: 'القوات القتالية الأجنبية',
      attribution: 'direct-quote',
    },
  ],
};

function line(obj: unknown, n = 3) {
  return parseSpansLine({ line: n, text: JSON.stringify(obj) });
}

describe('attribution in spans JSONL', () => {
  it('writes the holder actor, target and attribution, and reads them back', () => {
    const out = writeSpansLine(record);
    const span = (JSON.parse(out) as { spans: Record<string, unknown>[] }).spans[0]!;
    expect(Object.keys(span)).toEqual([
      'start',
      'end',
      'label',
      'text',
      'token_start',
      'token_end',
      'holder',
      'holder_id',
      'holder_en',
      'holder_kind',
      'target',
      'attribution',
    ]);
    expect(span).toMatchObject({
      holder: 'مصطفى الكاظمي',
      holder_id: 'kadhimi',
      holder_en: 'Mustafa al-Kadhimi',
      holder_kind: 'person',
      target: 'القوات القتالية الأجنبية',
      attribution: 'direct-quote',
    });
    const back = parseSpansLine({ line: 1, text: out.trimEnd() });
    expect(back.ok && !back.skipped && back.value.spans).toEqual(record.spans);
    // Same bytes again.
    if (back.ok && !back.skipped)
      expect(writeSpansLine({ ...back.value, docId: 'd1', annotatorId: 'laila' })).toBe(out);
  });

  it('reads an older line with a free-text holder only, and writes it as before', () => {
    const old = {
      text: TEXT,
      spans: [{ start, end, label: 'pro-withdrawal', text: QUOTE, holder: 'الكاظمي' }],
      meta: { doc_id: 'd1', status: 'done' },
      _annotator_id: 'laila',
      schema: 'stance-workbench/spans@1',
    };
    const r = line(old);
    expect(r.ok && !r.skipped && r.value.spans).toEqual([
      {
        start,
        end,
        label: 'pro-withdrawal',
        quote: QUOTE,
        holder: 'الكاظمي',
        note: null,
        agreedBy: null,
      },
    ]);
    if (!r.ok || r.skipped) return;
    const span = (
      JSON.parse(writeSpansLine({ ...r.value, docId: 'd1', annotatorId: 'laila' })) as {
        spans: Record<string, unknown>[];
      }
    ).spans[0]!;
    expect(Object.keys(span)).not.toContain('holder_id');
    expect(span.holder).toBe('الكاظمي');
  });

  it('refuses bad attribution fields, saying which span and field', () => {
    const bad = (fields: object) =>
      line({ text: TEXT, spans: [{ start, end, label: 'x', ...fields }] });
    expect(bad({ attribution: 'rumour' })).toMatchObject({
      ok: false,
      error: {
        line: 3,
        message: 'spans[0].attribution: must be one of direct-quote, reported-speech, outlet-voice',
      },
    });
    expect(bad({ holder_kind: 'tribe', holder_id: 'x', holder: 'y' })).toMatchObject({
      ok: false,
      error: { message: expect.stringContaining('spans[0].holder_kind: must be one of person') },
    });
    expect(bad({ holder_id: 'kadhimi' })).toMatchObject({
      ok: false,
      error: {
        line: 3,
        message: `spans[0]: holder_id "kadhimi" needs a holder (the actor's name)`,
      },
    });
    expect(bad({ holder_id: '', holder: 'x' })).toMatchObject({
      ok: false,
      error: { message: 'spans[0].holder_id: must not be empty' },
    });
    expect(bad({ target: 5 })).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/^spans\[0\]\.target/) },
    });
  });
});

describe('actors in backups', () => {
  const actor = {
    id: 'kadhimi',
    nameAr: 'مصطفى الكاظمي',
    nameEn: 'Mustafa al-Kadhimi',
    kind: 'person',
    affiliation: null,
    aliases: ['الكاظمي'],
    createdAt: 1,
    updatedAt: 1,
  };
  const doc = {
    id: 'd1',
    text: TEXT,
    rawText: TEXT,
    textSource: 'clean',
    removed: [],
    title: 't',
    date: null,
    author: null,
    outlet: null,
    file: null,
    importedAt: 1,
    folded: 't',
  };
  const span = {
    id: 's1',
    docId: 'd1',
    annotatorId: 'laila',
    label: 'x',
    start,
    end,
    quote: QUOTE,
    holder: 'مصطفى الكاظمي',
    note: null,
    createdAt: 1,
    updatedAt: 1,
    holderActorId: 'kadhimi',
    target: null,
    attribution: 'direct-quote',
  };
  const annotator = { id: 'laila', name: 'Laila', kind: 'self', createdAt: 1 };
  function read(rows: [string, unknown][]) {
    const counts: Record<string, number> = {};
    for (const [t] of rows) counts[t] = (counts[t] ?? 0) + 1;
    const r = new BackupReader();
    for (const l of splitJsonl(
      writeBackupHeader(counts, 6, new Date(0)) +
        rows.map(([t, x]) => writeBackupRow(t, x)).join(''),
    ))
      r.push(l);
    return r.finish();
  }

  it('reads actors and attributed spans', () => {
    const r = read([
      ['actors', actor],
      ['documents', doc],
      ['spans', span],
      ['annotators', annotator],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tables.actors).toEqual([actor]);
    expect(r.tables.spans).toEqual([span]);
  });

  it('refuses a span whose holder actor is missing, and a bad actor row, by line', () => {
    const r = read([
      ['documents', doc],
      ['spans', span],
      ['annotators', annotator],
      ['actors', { ...actor, id: 'other', kind: 'tribe' }],
    ]);
    expect(r.errors).toMatchObject([
      {
        line: 5,
        message: 'actors row: kind: must be one of person, party-or-faction, government, state',
      },
      {
        line: 0,
        message: 'actors: the header promises 1 rows, the file has 0 (truncated or edited?)',
      },
      { line: 0, message: 'span s1: holder actor kadhimi is not in the backup' },
    ]);
  });

  it('reads a backup from before actors (no table, spans without attribution)', () => {
    const { holderActorId: _a, target: _t, attribution: _k, ...old } = span;
    const r = read([
      ['documents', doc],
      ['spans', { ...old, holder: 'الكاظمي' }],
      ['annotators', annotator],
    ]);
    expect(r.errors).toEqual([]);
    expect(r.tables.actors).toBeUndefined();
  });
});
