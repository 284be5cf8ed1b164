// Runs in real Chromium on real IndexedDB: the document list's rows at
// start come from the list kept at the last session when it is current
// (every row at once), and the list stays live: a span or status written
// afterwards shows in its row, also when the write came between the early
// read of the kept list (at database open) and the list's mount. With no
// current list kept, the rows are read from the tables.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRoot, type Root } from 'react-dom/client';
import type { AnnotatorRecord } from '@core/model.ts';
import { db } from '../db/db.ts';
import type { DocMetaRecord } from '../db/derived.ts';
import { keepDocumentList, readKeptDocumentList } from '../db/document-list.ts';
import { createProfile } from '../db/profile.ts';
import { makeSpan } from '../db/spans.ts';
import { putStatus } from '../db/statuses.ts';
import { waitFor } from '../test/wait.ts';
import Dexie from 'dexie';
import { prefetchKeptList, touchesList } from './kept-list-prefetch.ts';
import { useDocumentRows, type DocumentRow } from './useDocumentRows.ts';

let root: Root | null = null;
let host: HTMLElement;
let self: AnnotatorRecord;

const meta: DocMetaRecord[] = Array.from({ length: 60 }, (_, i) => ({
  id: `doc-${String(60 - i).padStart(3, '0')}`,
  title: `عنوان ${i}`,
  outlet: i % 2 ? 'الجزيرة' : null,
  date: '2024-01-01',
  importedAt: 1_000 + i,
}));

beforeEach(async () => {
  await db.open();
  await Promise.all(db.tables.filter((t) => t.name !== 'labels').map((t) => t.clear()));
  self = await createProfile(db, 'Laila');
  await db.docMeta.bulkPut(meta);
  host = document.createElement('div');
  document.body.appendChild(host);
});

afterEach(() => {
  root?.unmount();
  root = null;
  host.remove();
});

/** Every state the hook went through, in order. */
function Probe({ seen }: { seen: (DocumentRow[] | undefined)[] }): null {
  const rows = useDocumentRows(self.id);
  if (seen.at(-1) !== rows) seen.push(rows);
  return null;
}

function mount(): (DocumentRow[] | undefined)[] {
  const seen: (DocumentRow[] | undefined)[] = [];
  root = createRoot(host);
  root.render(<Probe seen={seen} />);
  return seen;
}

const spanOn = (docId: string) =>
  db.spans.add(
    makeSpan({ docId, annotatorId: self.id, label: 'support', start: 0, end: 1, quote: 'ا' }),
  );

/** Deletes docMeta row `id` with the raw IndexedDB API, behind Dexie's back. */
function deleteBehindTheAppsBack(id: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(db.name);
    req.onerror = () => reject(req.error);
    req.onsuccess = () => {
      const tx = req.result.transaction('docMeta', 'readwrite');
      tx.objectStore('docMeta').delete(id);
      tx.oncomplete = () => {
        req.result.close();
        resolve();
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

describe('useDocumentRows', () => {
  it('checks a kept list against the tables, which may change behind the app', async () => {
    expect(await keepDocumentList(db, self.id)).toBe(true);
    db.close();
    await deleteBehindTheAppsBack(meta[0]!.id);
    await db.open();
    prefetchKeptList(db);

    const seen = mount();
    // The kept rows first (every one), then the tables' rows once checked.
    await waitFor(() => expect(seen.at(-1)?.length).toBe(meta.length - 1));
    expect(seen.at(-1)!.map((r) => r.id)).toEqual(meta.slice(1).map((m) => m.id));
    // And the kept list is kept anew: the next start shows the right rows.
    await waitFor(async () => {
      const again = (await readKeptDocumentList(db, self.id))?.rows;
      expect(again?.map((r) => r.id)).toEqual(meta.slice(1).map((m) => m.id));
    });
  });

  it('shows every row of a current kept list, then what is written afterwards', async () => {
    await spanOn(meta[3]!.id);
    expect(await keepDocumentList(db, self.id)).toBe(true);
    prefetchKeptList(db);

    const seen = mount();
    await waitFor(() => expect(seen.at(-1)).toBeDefined());
    const first = seen.find((r) => r !== undefined)!;
    expect(first.map((r) => r.id)).toEqual(meta.map((m) => m.id));
    expect(first[3]).toMatchObject({ status: 'in-progress', spanTotal: 1 });

    await spanOn(meta[3]!.id);
    await putStatus(db, {
      docId: meta[5]!.id,
      annotatorId: self.id,
      status: 'done',
      docStance: null,
      updatedAt: 1,
    });
    await waitFor(() => {
      expect(seen.at(-1)![3]!.spanTotal).toBe(2);
      expect(seen.at(-1)![5]!.status).toBe('done');
    });
    expect(seen.at(-1)!.map((r) => r.id)).toEqual(meta.map((m) => m.id));
  });

  it('shows a write made after the kept list was read early, before the list mounted', async () => {
    await keepDocumentList(db, self.id);
    prefetchKeptList(db);
    await spanOn(meta[0]!.id);

    const seen = mount();
    await waitFor(() => expect(seen.at(-1)?.[0]?.spanTotal).toBe(1));
  });

  it('reads the rows when the kept list is out of date, never showing it', async () => {
    await keepDocumentList(db, self.id);
    await spanOn(meta[7]!.id);
    prefetchKeptList(db);

    const seen = mount();
    await waitFor(() => expect(seen.at(-1)).toBeDefined());
    for (const rows of seen.filter((r) => r !== undefined))
      expect(rows[7]).toMatchObject({ status: 'in-progress', spanTotal: 1 });
    expect(seen.at(-1)!.map((r) => r.id)).toEqual(meta.map((m) => m.id));
  });

  it('reads the rows when no list is kept', async () => {
    const seen = mount();
    await waitFor(() => expect(seen.at(-1)?.length).toBe(meta.length));
    expect(seen.at(-1)![0]).toMatchObject({ status: 'not-started', spanTotal: 0 });
  });
});

describe('touchesList', () => {
  /** The storagemutated parts of `write`. */
  async function partsOf(write: () => Promise<unknown>): Promise<Record<string, unknown>> {
    const seen: Record<string, unknown>[] = [];
    const listen = (parts: Record<string, unknown>): void => void seen.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      await write();
      await waitFor(() => expect(seen.length).toBeGreaterThan(0));
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen);
    }
    return Object.assign({}, ...seen) as Record<string, unknown>;
  }

  it("is true for the analyst's own span or status, false for a colleague's or gold's", async () => {
    const own = await partsOf(() => spanOn(meta[0]!.id));
    expect(touchesList(db, own, self.id)).toBe(true);
    const colleague = await partsOf(() =>
      db.spans.add(
        makeSpan({
          docId: meta[0]!.id,
          annotatorId: 'gold',
          label: 'x',
          start: 0,
          end: 1,
          quote: 'ا',
        }),
      ),
    );
    expect(touchesList(db, colleague, self.id)).toBe(false);
    expect(touchesList(db, colleague, null)).toBe(true);
    const status = await partsOf(() =>
      putStatus(db, {
        docId: meta[1]!.id,
        annotatorId: 'omar',
        status: 'done',
        docStance: null,
        updatedAt: 1,
      }),
    );
    expect(touchesList(db, status, self.id)).toBe(false);
    expect(touchesList(db, status, 'omar')).toBe(true);
    const doc = await partsOf(() => db.docMeta.put({ ...meta[0]!, title: 'جديد' }));
    expect(touchesList(db, doc, self.id)).toBe(true);
  });
});
