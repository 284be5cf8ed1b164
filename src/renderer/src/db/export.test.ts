// Export through the host contract on real IndexedDB: chunked writes, an
// atomic commit, and an abort (never a commit) when a span fails its check.
import { afterEach, describe, expect, it } from 'vitest';
import { buildDocumentRecord } from '@core/document.ts';
import { cpLength } from '@core/offsets.ts';
import type { Host } from '@core/host-contract.ts';
import { createDb, type WorkbenchDb } from './schema.ts';
import { createProfile } from './profile.ts';
import { packedTokensOf, TOKENIZER_VERSION, type PackedTokens } from '@core/token-pack.ts';
import {
  DOCS_PER_CHUNK,
  exportCoverage,
  runExport,
  writeDataset,
  type ExportOptions,
  type StoredTokensLookup,
} from './export.ts';
import { storeDocuments } from './store-documents.ts';

const opened: WorkbenchDb[] = [];
afterEach(async () => {
  for (const d of opened.splice(0)) await d.delete();
});

function recordingHost(): Host & { calls: string[]; chunks: string[] } {
  const calls: string[] = [];
  const chunks: string[] = [];
  const fail = (): never => {
    throw new Error('not used');
  };
  return {
    kind: 'browser',
    calls,
    chunks,
    appInfo: fail,
    openFiles: fail,
    backupWrite: fail,
    backupList: fail,
    backupRead: fail,
    openExternal: fail,
    teamSignIn: fail,
    teamSession: fail,
    teamSignOut: fail,
    teamRequest: fail,
    setUiLanguage: fail,
    exportBegin: async (name) => {
      calls.push(`begin ${name}`);
      return { id: 'x', target: name };
    },
    exportWrite: async (_id, chunk) => {
      calls.push('write');
      chunks.push(chunk);
    },
    exportCommit: async () => {
      calls.push('commit');
      return { path: '/tmp/out.jsonl' };
    },
    exportAbort: async () => {
      calls.push('abort');
    },
  };
}

async function profileWithDocs(n: number): Promise<WorkbenchDb> {
  const db = createDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  await createProfile(db, 'Laila');
  const docs = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      buildDocumentRecord({ text: `خبر رقم ${i} عن الانسحاب 👍` }),
    ),
  );
  await storeDocuments(db, docs);
  await db.statuses.bulkAdd(
    docs.map((d) => ({
      docId: d.id,
      annotatorId: 'Laila',
      status: 'done' as const,
      docStance: null,
      updatedAt: 1,
    })),
  );
  await db.spans.bulkAdd(
    docs.map((d) => ({
      id: `s-${d.id}`,
      docId: d.id,
      annotatorId: 'Laila',
      label: 'pro-withdrawal',
      start: d.text.indexOf('الانسحاب'),
      end: d.text.indexOf('الانسحاب') + 8,
      quote: 'الانسحاب',
      holder: null,
      note: null,
      createdAt: 1,
      updatedAt: 1,
    })),
  );
  return db;
}

describe('runExport', () => {
  // A small corpus in several chunks: the behaviour, not the scale (the
  // 10,000-document export is measured by npm run bench).
  it('streams the documents chunk by chunk with progress after each, then commits', async () => {
    const n = DOCS_PER_CHUNK * 3 + 7;
    const db = await profileWithDocs(n);
    const host = recordingHost();
    const progress: number[] = [];
    const result = await runExport(
      host,
      db,
      { format: 'spancat', annotatorIds: ['Laila'], labels: null, documents: 'all' },
      (p) => progress.push(p.done),
    );
    expect(result).toMatchObject({ records: n, spans: n, path: '/tmp/out.jsonl' });
    expect(host.calls[0]).toMatch(/^begin stance-spancat-\d{4}-\d\d-\d\d\.jsonl$/);
    expect(host.calls.at(-1)).toBe('commit');
    expect(host.calls.filter((c) => c === 'write').length).toBeGreaterThanOrEqual(4);
    expect(host.chunks.join('').split('\n').filter(Boolean)).toHaveLength(n);
    expect(progress).toEqual([0, DOCS_PER_CHUNK, DOCS_PER_CHUNK * 2, DOCS_PER_CHUNK * 3, n]);
  });

  it('aborts, never commits, when a stored quote no longer matches the text', async () => {
    const db = await profileWithDocs(3);
    const [first] = await db.spans.toArray();
    await db.spans.update(first!.id, { quote: 'الانسحابات' });
    const host = recordingHost();
    await expect(
      runExport(host, db, {
        format: 'spans',
        annotatorIds: ['Laila'],
        labels: null,
        documents: 'all',
      }),
    ).rejects.toThrow(new RegExp(`document ${first!.docId}, span pro-withdrawal`));
    expect(host.calls).toContain('abort');
    expect(host.calls).not.toContain('commit');
  });
});

describe('documents nobody annotated', () => {
  // Three documents Laila annotated, two nobody touched.
  async function withUntouched(): Promise<{ db: WorkbenchDb }> {
    const db = await profileWithDocs(3);
    const extra = await Promise.all(
      ['خبر لم يقرأه أحد', 'خبر آخر بلا تعليق'].map((text) => buildDocumentRecord({ text })),
    );
    await storeDocuments(db, extra);
    return { db };
  }
  const lines = async (db: WorkbenchDb, opts: ExportOptions): Promise<{ id: string }[]> => {
    let out = '';
    await writeDataset(db, opts, async (c) => {
      out += c;
    });
    return out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { id: string });
  };

  it('counts the documents an export leaves out', async () => {
    const { db } = await withUntouched();
    expect(await exportCoverage(db, { annotatorIds: ['Laila'], documents: 'all' })).toEqual({
      documents: 5,
      untouched: 2,
    });
    // Gold touched nothing: every document would be left out.
    expect(await exportCoverage(db, { annotatorIds: ['gold'], documents: 'all' })).toEqual({
      documents: 5,
      untouched: 5,
    });
  });

  it('writes them as records with no spans only when asked, and never for gold', async () => {
    const { db } = await withUntouched();
    const base: ExportOptions = {
      format: 'spans',
      annotatorIds: ['Laila', 'gold'],
      labels: null,
      documents: 'all',
    };
    expect(await lines(db, base)).toHaveLength(3);
    const all = (await lines(db, { ...base, includeUnannotated: true })) as unknown as {
      id: string;
      spans: unknown[];
      _annotator_id: string;
    }[];
    expect(all).toHaveLength(5);
    const empty = all.filter((r) => r.spans.length === 0);
    expect(empty.map((r) => r._annotator_id)).toEqual(['Laila', 'Laila']);
  });
});

describe('writeDataset with stored tokens', () => {
  async function exported(
    db: WorkbenchDb,
    opts: ExportOptions,
    lookup: StoredTokensLookup,
  ): Promise<string> {
    let out = '';
    await writeDataset(db, opts, async (c) => void (out += c), undefined, lookup);
    return out;
  }

  it('writes the same bytes as tokenizing every text, in spans JSONL and CoNLL', async () => {
    const db = await profileWithDocs(450);
    const packed = new Map<string, PackedTokens>();
    for (const [i, d] of (await db.documents.toArray()).entries()) {
      // Most documents have current tokens; some have none, some stale ones.
      if (i % 5 === 0) continue;
      const p = packedTokensOf(d.text);
      packed.set(d.id, i % 7 === 0 ? { ...p, version: TOKENIZER_VERSION + 1 } : p);
    }
    const asked: string[] = [];
    const stored: StoredTokensLookup = async (ids) => {
      asked.push(...ids);
      return ids.map((id) => packed.get(id));
    };
    const none: StoredTokensLookup = async (ids) => ids.map(() => undefined);
    for (const format of ['spans', 'conll'] as const) {
      asked.length = 0;
      const opts: ExportOptions = {
        format,
        annotatorIds: ['Laila'],
        labels: null,
        documents: 'all',
      };
      const withStored = await exported(db, opts, stored);
      const without = await exported(db, opts, none);
      expect(asked).toHaveLength(450);
      expect(withStored.length).toBeGreaterThan(0);
      expect(withStored).toBe(without);
    }
  });

  it('reads the tokens stored with each document instead of tokenizing it', async () => {
    const db = await profileWithDocs(3);
    // Stored tokens that tokenize would not give: one token for the whole text.
    const whole: StoredTokensLookup = async (ids) =>
      Promise.all(
        ids.map(async (id) => {
          const text = (await db.documents.get(id))!.text;
          return { version: TOKENIZER_VERSION, bounds: Uint32Array.of(0, cpLength(text)) };
        }),
      );
    const out = await exported(
      db,
      { format: 'spans', annotatorIds: ['Laila'], labels: null, documents: 'all' },
      whole,
    );
    const lines = out
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l) as { text: string; tokens: { text: string }[] });
    expect(lines).toHaveLength(3);
    for (const l of lines) expect(l.tokens.map((t) => t.text)).toEqual([l.text]);
  });
});
