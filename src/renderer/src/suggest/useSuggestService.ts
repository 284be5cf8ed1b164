/**
 * Keeps the window's suggestion service (service.ts) in step with the
 * database: the corpus, this analyst's spans, the thresholds, the
 * project's gazetteers, where suggestions are hidden, the open document
 * and the suggestions rejected there. Mounted
 * once, by the workbench. The big reads (every article's text, this
 * analyst's spans) start only after the first screen (first-screen.ts).
 */
import { useLiveQuery } from '../hooks/useLiveQuery.ts';
import { useEffect, useState } from 'react';
import type { Gazetteer } from '@core/suggest/gazetteer.ts';
import { db } from '../db/db.ts';
import { afterFirstScreen } from '../first-screen.ts';
import { rejectionsOn } from '../db/rejections.ts';
import { blindState, documentIds, documentTexts, ownAnnotations } from './data.ts';
import {
  openDocument,
  setBlind,
  setCorpus,
  setGazetteer,
  setOwnSpans,
  setRejected,
  setThresholds,
} from './service.ts';
import { useGazetteerUnion } from './useGazetteers.ts';
import { useSuggestSettings } from './useSuggestSettings.ts';

/** Feeds the suggestion worker while mounted. */
export function useSuggestService(selfId: string, docId: string | null): void {
  const [started, setStarted] = useState(false);
  useEffect(
    () =>
      afterFirstScreen(() => {
        performance.mark('stance:suggest-feed');
        setStarted(true);
      }),
    [],
  );
  const ids = useLiveQuery(() => (started ? documentIds(db) : undefined), [started]);
  const mine = useLiveQuery(
    () => (started ? ownAnnotations(db, selfId) : undefined),
    [started, selfId],
  );
  const blind = useLiveQuery(() => blindState(db, selfId), [selfId]);
  const { thresholds } = useSuggestSettings();
  // The union of the project's gazetteers: the analyst's own and colleagues'.
  const { gazetteer } = useGazetteerUnion();
  // The suggestions this analyst rejected on the open document, kept across reloads.
  const rejected = useLiveQuery(
    async () => (docId ? { docId, anchors: await rejectionsOn(db, selfId, docId) } : null),
    [selfId, docId],
  );

  // The corpus first, then the spans (which need the texts).
  useEffect(() => {
    if (!ids) return;
    let live = true;
    void documentTexts(db, ids).then((docs) => {
      if (live) void setCorpus(docs);
    });
    return () => {
      live = false;
    };
  }, [ids]);
  useEffect(() => {
    if (ids && mine) void setOwnSpans(selfId, mine.spans, mine.done);
  }, [ids, mine, selfId]);
  useEffect(() => {
    if (blind) setBlind(blind);
  }, [blind]);
  // By value: the settings row is read again whenever a tally changes.
  const tKey = JSON.stringify(thresholds);
  const gKey = JSON.stringify(gazetteer);
  useEffect(() => setThresholds(JSON.parse(tKey) as Record<string, number>), [tKey]);
  useEffect(() => void setGazetteer(JSON.parse(gKey) as Gazetteer), [gKey]);
  useEffect(() => openDocument(docId), [docId]);
  useEffect(() => {
    if (rejected) setRejected(rejected.docId, rejected.anchors);
  }, [rejected]);
}
