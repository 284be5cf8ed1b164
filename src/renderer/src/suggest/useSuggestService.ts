/**
 * Keeps the window's suggestion service (service.ts) in step with the
 * database: the corpus, this analyst's spans, the thresholds, the
 * gazetteer, where suggestions are hidden, and the open document. Mounted
 * once, by the workbench.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import type { Gazetteer } from '@core/suggest/gazetteer.ts';
import { db } from '../db/db.ts';
import { blindState, documentIds, documentTexts, ownAnnotations } from './data.ts';
import {
  openDocument,
  setBlind,
  setCorpus,
  setGazetteer,
  setOwnSpans,
  setThresholds,
} from './service.ts';
import { useSuggestSettings } from './useSuggestSettings.ts';

/** Feeds the suggestion worker while mounted. */
export function useSuggestService(selfId: string, docId: string | null): void {
  const ids = useLiveQuery(() => documentIds(db), []);
  const mine = useLiveQuery(() => ownAnnotations(db, selfId), [selfId]);
  const blind = useLiveQuery(() => blindState(db, selfId), [selfId]);
  const { thresholds, gazetteer } = useSuggestSettings();

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
}
