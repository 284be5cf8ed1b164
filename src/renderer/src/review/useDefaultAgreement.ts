/**
 * The agreement dashboard's default view (everyone, every document), live:
 * the counts and rows of agreement-state.ts, brought up to date after every
 * write by recounting the documents it touched; counted from the whole
 * project only on a profile's first visit, after more than a couple of
 * thousand documents changed, or when someone new is compared. Kept for the
 * next visit (agreement-kept.ts), at most once a second while writes come.
 */
import { useCoalescedQuery } from '../hooks/useCoalescedQuery.ts';
import { keepState, readKeptState, stateKey } from './agreement-kept.ts';
import {
  annotatorsNow,
  bringUpToDate,
  stateInSteps,
  type AgreementState,
} from './agreement-state.ts';
import { AGREEMENT_TABLES, loadAgreementData } from './useAgreementData.ts';

/** This session's latest state, by its label set (a later visit starts from it). */
const latest = new Map<string, AgreementState>();

/** Keeps are spaced by this much while writes keep coming (each is one record of a few MB). */
const KEEP_EVERY_MS = 1000;
/** How often the background keeper (agreement-keeper.ts) keeps a patched state. */
const BACKGROUND_KEEP_MS = 5 * 60 * 1000;
let keepTimer: ReturnType<typeof setTimeout> | null = null;
let lastKeep = 0;
let toKeep: AgreementState | null = null;

function scheduleKeep(s: AgreementState): void {
  toKeep = s;
  if (keepTimer) return;
  const wait = Math.max(0, lastKeep + KEEP_EVERY_MS - Date.now());
  keepTimer = setTimeout(() => {
    keepTimer = null;
    lastKeep = Date.now();
    if (toKeep) keepState(toKeep);
    toKeep = null;
  }, wait);
}

/** The count in progress (one at a time: a second caller patches what the first counted). */
let inflight: Promise<unknown> = Promise.resolve();

/**
 * The default view's state for `labels`, as of the current generation:
 * this session's latest or the kept one brought up to date, else counted
 * from the whole project (in steps, agreement-state.ts). Counts run one at
 * a time, so the dashboard and the background keeper (agreement-keeper.ts)
 * never count the whole project twice. `background`: the whole project's
 * data is not kept in memory after the count.
 */
export function defaultAgreementNow(
  labels: readonly string[],
  opts: { background?: boolean } = {},
): Promise<AgreementState> {
  const run = inflight.then(
    () => refresh(labels, opts.background === true),
    () => refresh(labels, opts.background === true),
  );
  inflight = run.catch(() => undefined);
  return run;
}

async function refresh(labels: readonly string[], background: boolean): Promise<AgreementState> {
  const key = stateKey(labels);
  const t0 = performance.now();
  const prev = latest.get(key) ?? (await readKeptState(labels, annotatorsNow));
  const t1 = performance.now();
  const patched = prev && (await bringUpToDate(prev));
  const t2 = performance.now();
  const next =
    patched ??
    (await stateInSteps(await loadAgreementData(null, { remember: !background }), labels));
  // Where the default view's time goes (the review bench reads these).
  performance.measure('stance:agreement-state-kept', { start: t0, end: t1 });
  performance.measure('stance:agreement-state-patch', { start: t1, end: t2 });
  if (!patched) performance.measure('stance:agreement-state-full', { start: t2 });
  // One label set at a time (each state is megabytes).
  latest.clear();
  latest.set(key, next);
  // In the background a patched state (an edit or two since) is kept at
  // most every few minutes: each keep writes megabytes, and the analyst
  // pausing is not a reason to write them; one counted afresh is kept.
  if (next !== prev && (!background || !patched || Date.now() - lastKeep > BACKGROUND_KEEP_MS))
    scheduleKeep(next);
  return next;
}

/**
 * The default view's state for the project's label keys `labels` (null:
 * none, nothing is read), once `start`: undefined until the first is read;
 * `stale` while a write since is being counted.
 */
export function useDefaultAgreement(
  labels: readonly string[] | null,
  start: boolean,
): { state: AgreementState | undefined; stale: boolean } {
  const r = useCoalescedQuery(
    AGREEMENT_TABLES,
    labels ? stateKey(labels) : '',
    labels && start ? () => defaultAgreementNow(labels) : null,
  );
  return { state: r.value, stale: r.stale };
}
