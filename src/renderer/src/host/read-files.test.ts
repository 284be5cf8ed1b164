// Dropped files are read one by one: an item that cannot be read (a folder,
// a file deleted meanwhile) becomes an error outcome for that file, and the
// rest of the batch is imported. Real Chromium, real IndexedDB.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type WorkbenchDb } from '../db/schema.ts';
import { importFiles } from '../db/documents.ts';
import { articleQueue } from '../corpus/article-queue.ts';
import { MAX_OPEN_BYTES } from '@core/limits.ts';
import type { UiLanguage } from '@core/i18n/locale.ts';
import { problem } from '@core/problems/problem.ts';
import { problemWords } from '../i18n/problems.ts';
import type { Translate } from '../i18n/T.tsx';
import { translateIn, withoutIsolates } from '../test/translate.ts';
import { readFiles } from './browser-host.ts';

const translate = (lang: UiLanguage): Translate => translateIn(lang);

// Articles are read in a Web Worker; under the test server its first start
// takes seconds (linkedom loads unbundled). Start it once, untimed.
beforeAll(async () => {
  await articleQueue().prepare({ name: 'warm-up.txt', bytes: new TextEncoder().encode('نص') });
}, 120_000);

let db: WorkbenchDb | null = null;
afterEach(async () => {
  await db?.delete();
  db = null;
});

const ARTICLE =
  'قال مسؤول عراقي إن الحوار الاستراتيجي مع الولايات المتحدة سيحدد موعد انسحاب القوات القتالية من البلاد خلال الأشهر المقبلة.';

/** What Chromium hands over for a dropped folder: a File whose read fails. */
function unreadable(name: string): File {
  const f = new File([], name);
  Object.defineProperty(f, 'arrayBuffer', {
    value: () =>
      Promise.reject(new DOMException('A requested file could not be read', 'NotReadableError')),
  });
  return f;
}

describe('readFiles', () => {
  it('reads the good files and names the one that could not be read', async () => {
    const read = await readFiles([
      new File([ARTICLE], 'one.txt'),
      unreadable('reports'),
      new File([`${ARTICLE} وأضاف أن المحادثات ستستمر.`], 'two.txt'),
    ]);
    expect(read.map((f) => [f.name, f.error?.code ?? null])).toEqual([
      ['one.txt', null],
      ['reports', 'hostFile.cannotRead'],
      ['two.txt', null],
    ]);
    // The analyst reads why, naming the file, in the interface language.
    const why = problem('file.unreadable', { file: 'reports', detail: read[1]!.error! });
    // The browser's own English message is not shown: only its name, isolated.
    expect(problemWords(translate('en'), why)).toBe(
      'reports: could not be read: the system could not read the file: it may have changed, moved, or be locked by another program (NotReadableError); a folder cannot be imported: drop the files inside it.',
    );
    expect(problemWords(translate('ar'), why)).toBe(
      'الملف \u2068reports\u2069: تعذّرت قراءته: تعذّر على النظام قراءة الملف: ربما تغيّر أو نُقل أو يحجزه برنامج آخر (\u2068NotReadableError\u2069)؛ لا يُستورد مجلد: أفلت الملفات التي فيه.',
    );
    db = createDb(`t-${crypto.randomUUID()}`);
    const out = await importFiles(db, read);
    expect(out.map((o) => [o.file, o.status])).toEqual([
      ['one.txt', 'imported'],
      ['reports', 'error'],
      ['two.txt', 'imported'],
    ]);
    expect(out[1]).toMatchObject({
      reason: expect.stringMatching(/a folder cannot be imported/),
      problem: read[1]!.error,
    });
    expect(await db.documents.count()).toBe(2);
  });

  it('refuses a file over the 200 MB the desktop app opens, without reading it', async () => {
    const huge = new File(['x'], 'dump.jsonl');
    Object.defineProperty(huge, 'size', { value: MAX_OPEN_BYTES + 1 });
    Object.defineProperty(huge, 'arrayBuffer', {
      value: () => Promise.reject(new Error('read a file over the limit')),
    });
    const read = await readFiles([huge]);
    expect(read).toEqual([
      {
        name: 'dump.jsonl',
        bytes: new Uint8Array(0),
        error: {
          code: 'hostFile.tooLarge',
          values: { size: { bytes: MAX_OPEN_BYTES + 1 }, limit: { bytes: MAX_OPEN_BYTES } },
        },
      },
    ]);
    const why = problem('file.unreadable', { file: 'dump.jsonl', detail: read[0]!.error! });
    expect(withoutIsolates(problemWords(translate('en'), why))).toBe(
      'dump.jsonl: too large (200.0 MB; the limit is 200 MB).',
    );
    expect(withoutIsolates(problemWords(translate('ar'), why))).toBe(
      'الملف dump.jsonl: أكبر من اللازم (200.0 ميغابايت؛ الحد 200 ميغابايت).',
    );
  });
});
