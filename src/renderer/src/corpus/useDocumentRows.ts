/**
 * The rows of the document list, live from IndexedDB: each document's
 * title, outlet and date with this analyst's status and span counts per
 * label, from small derived rows (docMeta, spanCounts: see db/derived.ts),
 * never from the articles themselves.
 *
 * A start reads the list kept at the end of the last session
 * (db/document-list.ts: one record) and, when nothing it comes from has
 * changed since, shows it as it is: every row, so sorting, filters and
 * End work at once, without the three big reads. Those reads (documents,
 * statuses and span counts are three live queries, so marking a span
 * re-reads counts only) start when the kept list is missing or out of
 * date, or when one of their tables changes. Whenever the rows have
 * changed, the list is kept again at the next quiet moment.
 */
import Dexie from 'dexie';
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useEffect, useLayoutEffect, useMemo, useState } from 'react';
import { db } from '../db/db.ts';
import {
  forgetDocumentList,
  keepDocumentList,
  readDocMeta,
  readSpanCounts,
  readStatuses,
  toRows,
  type DocumentRow,
} from '../db/document-list.ts';
import { firstScreenShown } from '../first-screen.ts';
import { whenQuiet } from '../quiet.ts';
import { VIEW_SOURCE_TABLES } from '../db/view-cache.ts';
import { keptList, touchesList, type KeptList } from './kept-list-prefetch.ts';

export type { DocumentRow } from '../db/document-list.ts';

const LIST_DATA_MARK = 'stance:list-data';

/** The kept list as read at mount: undefined while reading, null when there is none. */
type Kept = KeptList | undefined;

/** All documents as list rows for `annotatorId`; undefined while loading. */
export function useDocumentRows(annotatorId: string): DocumentRow[] | undefined {
  const [kept, setKept] = useState<{ annotatorId: string; kept: Kept }>();
  // How many changes to the source tables were seen since mount.
  const [changes, setChanges] = useState(0);

  useEffect(() => {
    let closed = false;
    const onChange = (parts: Record<string, unknown>): void => {
      if (touchesList(db, parts, annotatorId)) setChanges((n) => n + 1);
    };
    // Listening before reading: a change committed after the kept list's
    // generation was read is seen here.
    Dexie.on('storagemutated', onChange);
    setKept({ annotatorId, kept: undefined });
    keptList(db, annotatorId).then(
      ({ kept: value, changed }) => {
        if (closed) return;
        if (changed) setChanges((n) => n + 1);
        setKept({ annotatorId, kept: value });
        performance.mark(value?.current ? 'stance:list-kept' : 'stance:list-not-kept');
      },
      // Only a shortcut: without it, the list is read.
      () => !closed && setKept({ annotatorId, kept: null }),
    );
    return () => {
      closed = true;
      Dexie.on.storagemutated.unsubscribe(onChange);
    };
  }, [annotatorId]);

  const held = kept?.annotatorId === annotatorId ? kept.kept : undefined;
  const current = held?.current === true ? held.rows : undefined;
  // A kept list shown at start is checked against the tables at the first
  // quiet moment: the generation only counts writes made through the app,
  // and a profile can change behind its back (a document lost, a copy
  // restored by hand). Until then the kept rows stand.
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    setChecking(false);
    if (current === undefined) return;
    return whenQuiet(() => setChecking(true));
  }, [current]);
  // The big reads: when nothing current is kept, once something changed,
  // or to check what was kept.
  const live = held !== undefined && (current === undefined || changes > 0 || checking);

  const docs = useLiveQuery(() => (live ? readDocMeta(db) : undefined), [live]);
  const statuses = useLiveQuery(
    () => (live ? readStatuses(db, annotatorId) : undefined),
    [live, annotatorId],
  );
  const spans = useLiveQuery(
    () => (live ? readSpanCounts(db, annotatorId) : undefined),
    [live, annotatorId],
  );
  const read = useMemo(
    () => (docs && statuses && spans ? toRows(docs, statuses, spans) : undefined),
    [docs, statuses, spans],
  );
  // The kept rows stand until the live ones are in.
  const rows = live ? (read ?? current) : current;

  // For the start benchmark: when the list first has its data (before the
  // browser paints the rows; a memo must stay free of side effects).
  const ready = rows !== undefined;
  useLayoutEffect(() => {
    if (!ready) return;
    if (performance.getEntriesByName(LIST_DATA_MARK).length === 0) performance.mark(LIST_DATA_MARK);
    firstScreenShown();
  }, [ready]);

  // The check found the kept rows wrong with no write seen: keep them again.
  const drifted = checking && changes === 0 && read !== undefined && current !== undefined;
  useEffect(() => {
    if (!drifted || sameRows(read, current)) return;
    return whenQuiet(
      () =>
        void forgetDocumentList(db, annotatorId)
          .then(() => keepDocumentList(db, annotatorId))
          .catch(() => undefined),
    );
  }, [drifted, read, current, annotatorId]);

  // Keep the list for the next start when what is kept is not current: at
  // the first quiet moment, and again after every write that makes a new
  // generation (any write views count, not only this list's: view-cache.ts).
  const known = held !== undefined;
  const stale = known && (current === undefined || changes > 0);
  useEffect(() => {
    if (!known) return;
    let cancel: (() => void) | null = null;
    const schedule = (): void => {
      cancel?.();
      cancel = whenQuiet(() => {
        performance.mark('stance:list-keep');
        keepDocumentList(db, annotatorId).then(
          (stored) => stored && performance.mark('stance:list-kept-stored'),
          // Only a shortcut for the next start: without it, that start reads the list.
          () => undefined,
        );
      });
    };
    if (stale) schedule();
    const sources = VIEW_SOURCE_TABLES.map((t) => `idb://${db.name}/${t}/`);
    const onWrite = (parts: Record<string, unknown>): void => {
      if (Object.keys(parts).some((p) => sources.some((x) => p.startsWith(x)))) schedule();
    };
    Dexie.on('storagemutated', onWrite);
    return () => {
      Dexie.on.storagemutated.unsubscribe(onWrite);
      cancel?.();
    };
    // `stale` is read once the kept list is known; later writes are heard here.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [known, annotatorId]);

  return rows;
}

/** Whether two lists show the same rows (the check of a kept list against the tables). */
function sameRows(
  a: readonly DocumentRow[] | undefined,
  b: readonly DocumentRow[] | undefined,
): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
