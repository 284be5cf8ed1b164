/**
 * Keeps the agreement dashboard's default view counted in the background.
 * Counting a whole project from scratch takes seconds at 10,000 documents
 * (every span, status and token row is read); bringing a count up to date
 * takes milliseconds. So once colleagues' work is in the profile (a
 * dataset imported, a team project synced) the count is made at the next
 * quiet moment (quiet.ts: no write, no input, then idle), in steps that
 * give the main thread back, and brought up to date at later quiet moments
 * after writes: opening the dashboard then paints exact figures at once,
 * instead of the analyst waiting for that first count.
 */
import { Dexie } from 'dexie';
import { GOLD_ANNOTATOR_ID } from '@core/model.ts';
import { db } from '../db/db.ts';
import { readLabels } from '../db/labels.ts';
import { whenQuiet } from '../quiet.ts';
import { AGREEMENT_TABLES } from './useAgreementData.ts';
import { defaultAgreementNow } from './useDefaultAgreement.ts';

/** Whether the dashboard has anything to compare: two annotators besides gold. */
async function worthCounting(): Promise<boolean> {
  const people = await db.annotators.filter((a) => a.id !== GOLD_ANNOTATOR_ID).count();
  return people >= 2;
}

/**
 * Brings the default view's count up to date once now (counting the whole
 * project if nothing is kept or too much changed); false when there is
 * nothing to compare.
 */
export async function keepAgreementCounted(): Promise<boolean> {
  if (!(await worthCounting())) return false;
  const labels = (await readLabels(db)).map((l) => l.key);
  await defaultAgreementNow(labels, { background: true });
  return true;
}

/**
 * Starts the keeper: a count now (call it at a quiet moment), and again at
 * the first quiet moment after each write to what the dashboard counts. A
 * failed count is only a missed optimization: the dashboard counts on its
 * own when opened, through the same code, and reports a failure there.
 * Returns a function that stops it.
 */
export function startAgreementKeeper(): () => void {
  const prefixes = AGREEMENT_TABLES.map((t) => `idb://${db.name}/${t}/`);
  let stopped = false;
  let cancelQuiet: (() => void) | null = null;
  const onWrite = (parts: Record<string, unknown>): void => {
    if (!Object.keys(parts).some((p) => prefixes.some((x) => p.startsWith(x)))) return;
    Dexie.on.storagemutated.unsubscribe(onWrite);
    cancelQuiet = whenQuiet(run);
  };
  function run(): void {
    cancelQuiet = null;
    keepAgreementCounted()
      .catch(() => undefined)
      .finally(() => {
        if (!stopped) Dexie.on('storagemutated', onWrite);
      });
  }
  run();
  return () => {
    stopped = true;
    cancelQuiet?.();
    Dexie.on.storagemutated.unsubscribe(onWrite);
  };
}
