/**
 * The suggestion service of a window: it owns the one suggestion worker,
 * keeps it fed (the corpus, this analyst's own spans, the gazetteer),
 * retrains and re-evaluates a moment after the labels stop changing, and
 * asks for the open document's suggestions, publishing everything through
 * store.ts. useSuggestService.ts pipes the database's live queries in; the
 * worker does the work, so typing and scrolling never wait for it.
 */
import type { SpanRecord } from '@core/model.ts';
import { suggesterSwitches, type SwitchDecision } from '@core/suggest/evaluate.ts';
import type { Gazetteer } from '@core/suggest/gazetteer.ts';
import { SUGGESTERS, type AnnotatedText, type SuggesterName } from '@core/suggest/types.ts';
import type { Suggestion } from '@core/suggest/types.ts';
import { errorProblem } from '@core/problems/problem.ts';
import type { MessageId } from '../i18n/catalogs.ts';
import { startSuggestWorker, type SuggestWorker } from './suggest-client.ts';
import { getSuggestState, suggestionKey, updateSuggestState } from './store.ts';

/** Retrain this long after the last change of labels. */
export const RETRAIN_DELAY_MS = 800;
/** The held-out F1 a suggester must reach by default. */
export const DEFAULT_THRESHOLD = 0.5;
/** Proposals scoring below this are not shown. */
const MIN_SCORE = 0.5;
/** Evaluate with at most this many folds (by document). */
const MAX_FOLDS = 10;

/** Why suggestions are hidden on documents (see docs/suggestions.md). */
export interface BlindState {
  /** The project's blind mode applies to this analyst: hidden everywhere. */
  blind: boolean;
  /** Documents a colleague has labelled or is assigned to: hidden there. */
  shared: ReadonlySet<string>;
}

let worker: SuggestWorker | null = null;
const texts = new Map<string, string>();
let own = new Map<string, SpanRecord[]>();
let annotated: AnnotatedText[] = [];
let blind: BlindState = { blind: false, shared: new Set() };
let thresholds: Record<string, number> = {};
let selfId = '';
let openDocId: string | null = null;
const rejected = new Set<string>();
/** The document whose stored rejections `rejected` holds (suggestions wait for them). */
let rejectionsOf: string | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let running: number | null = null;
let refreshSeq = 0;

function client() {
  worker ??= startSuggestWorker();
  return worker.client;
}

function failed(err: unknown): void {
  updateSuggestState({ error: errorProblem(err), phase: 'idle', progress: null });
}

/** Why suggestions are hidden on `docId` (a message id), or null when they may show. */
export function hiddenReason(docId: string): MessageId | null {
  if (blind.blind) return 'suggest.hiddenBlind';
  if (blind.shared.has(docId)) return 'suggest.hiddenShared';
  return null;
}

/** Adds the corpus documents the worker has not seen (and forgets removed ones). */
export async function setCorpus(docs: readonly { id: string; text: string }[]): Promise<void> {
  const ids = new Set(docs.map((d) => d.id));
  const gone = [...texts.keys()].filter((id) => !ids.has(id));
  const fresh = docs.filter((d) => !texts.has(d.id));
  for (const id of gone) texts.delete(id);
  for (const d of fresh) texts.set(d.id, d.text);
  try {
    if (gone.length) await client().removeDocuments(gone);
    if (fresh.length)
      await client().addDocuments(fresh.map((d) => ({ docId: d.id, text: d.text })));
    if (getSuggestState().phase === 'starting') updateSuggestState({ phase: 'idle' });
    // Spans read before their document's text was: learn from them now.
    if (fresh.some((d) => own.has(d.id)) || gone.some((id) => own.has(id))) await relearn();
    else void refresh();
  } catch (err) {
    failed(err);
  }
}

/**
 * This analyst's spans across the corpus (and the documents marked done
 * without spans): what the suggesters learn from. Retrains a moment later.
 */
export async function setOwnSpans(
  self: string,
  spans: readonly SpanRecord[],
  doneDocs: readonly string[],
): Promise<void> {
  selfId = self;
  own = new Map();
  for (const s of spans) {
    let list = own.get(s.docId);
    if (!list) own.set(s.docId, (list = []));
    list.push(s);
  }
  for (const d of doneDocs) if (!own.has(d)) own.set(d, []);
  await relearn();
}

/** Sends the annotations to the worker and retrains a moment later. */
async function relearn(): Promise<void> {
  const self = selfId;
  annotated = [...own]
    .filter(([docId]) => texts.has(docId))
    .map(([docId, list]) => ({
      docId,
      text: texts.get(docId)!,
      annotatorId: self,
      spans: list.map(({ start, end, label }) => ({ start, end, label })),
    }));
  // Training is due: say so at once, so nothing reads as up to date meanwhile.
  updateSuggestState({ phase: 'training', progress: null });
  try {
    await client().setAnnotations(annotated);
  } catch (err) {
    failed(err);
    return;
  }
  void refresh();
  if (timer) clearTimeout(timer);
  timer = setTimeout(() => void retrain(), RETRAIN_DELAY_MS);
}

/** Trains the model, then measures every suggester on held-out documents. */
async function retrain(): Promise<void> {
  timer = null;
  const c = client();
  if (running !== null) await c.cancel(running).catch(() => undefined);
  const spans = annotated.reduce((n, t) => n + t.spans.length, 0);
  if (annotated.length === 0) {
    await refresh();
    updateSuggestState({ trained: null, evaluation: null, phase: 'idle', progress: null, spans });
    return;
  }
  const progress = (done: number, total: number): void =>
    updateSuggestState({ progress: total > 0 ? done / total : null });
  try {
    updateSuggestState({ phase: 'training', progress: 0, error: null });
    const train = c.train({}, progress);
    running = train.id;
    const trained = await train.result;
    if (!trained) return;
    updateSuggestState({ trained: trained.summary, phase: 'evaluating', progress: 0 });
    void refresh();
    const ev = c.evaluate({ maxFolds: MAX_FOLDS, minScore: MIN_SCORE }, progress);
    running = ev.id;
    const result = await ev.result;
    if (!result) return;
    running = null;
    updateSuggestState({ evaluation: result.evaluation });
    // Idle only once the open document's suggestions follow the new figures.
    await refresh();
    if (running === null && timer === null)
      updateSuggestState({ phase: 'idle', progress: null, spans });
  } catch (err) {
    failed(err);
  }
}

/** The project's cue phrases per label. */
export async function setGazetteer(g: Gazetteer): Promise<void> {
  try {
    await client().setGazetteer(g);
    if (annotated.length) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void retrain(), RETRAIN_DELAY_MS);
    }
    void refresh();
  } catch (err) {
    failed(err);
  }
}

/** Who may see suggestions where. */
export function setBlind(state: BlindState): void {
  blind = state;
  void refresh();
}

/** The analyst's thresholds per suggester. */
export function setThresholds(t: Record<string, number>): void {
  thresholds = t;
  void refresh();
}

/** The threshold of one suggester (the analyst's, or the default). */
export function thresholdOf(name: SuggesterName, t: Record<string, number> = thresholds): number {
  const v = t[name];
  return typeof v === 'number' && Number.isFinite(v) ? v : DEFAULT_THRESHOLD;
}

/** Each suggester's switch decision under the analyst's thresholds. */
export function switchesFor(
  t: Record<string, number> = thresholds,
): Partial<Record<SuggesterName, SwitchDecision>> {
  const ev = getSuggestState().evaluation;
  if (!ev) return {};
  const out: Partial<Record<SuggesterName, SwitchDecision>> = {};
  for (const name of SUGGESTERS) {
    const d = suggesterSwitches(ev, { threshold: thresholdOf(name, t) })[name];
    if (d) out[name] = d;
  }
  return out;
}

/** The document the reading pane shows. */
export function openDocument(docId: string | null): void {
  if (openDocId === docId) return;
  openDocId = docId;
  updateSuggestState({ docId, suggestions: [], current: 0, offer: null });
  void refresh();
}

/** Suggestions for the open document from the suggesters switched on. */
export async function refresh(): Promise<void> {
  const docId = openDocId;
  const seq = ++refreshSeq;
  const hidden = docId ? hiddenReason(docId) : null;
  const text = docId ? texts.get(docId) : undefined;
  const switches = switchesFor();
  const on = SUGGESTERS.filter((n) => switches[n]?.on);
  // Until the open document's stored rejections are read, nothing shows: a
  // suggestion rejected before a reload must never flash back.
  if (!docId || hidden || text === undefined || on.length === 0 || rejectionsOf !== docId) {
    updateSuggestState({ hidden, suggestions: [], current: 0 });
    return;
  }
  try {
    const all = await client().suggest({ docId, text }, { suggesters: on, minScore: MIN_SCORE });
    if (seq !== refreshSeq) return;
    const mine = own.get(docId) ?? [];
    const shown = dedupe(
      all.filter(
        (s) =>
          !rejected.has(suggestionKey(s)) && !mine.some((m) => m.start < s.end && s.start < m.end),
      ),
    );
    const prev = getSuggestState();
    const at = prev.suggestions[prev.current];
    const keep = at ? shown.findIndex((s) => s.start >= at.start) : 0;
    updateSuggestState({ hidden: null, suggestions: shown, current: Math.max(0, keep) });
  } catch (err) {
    failed(err);
  }
}

/** One suggestion per extent: the best scored, where suggesters agree on where. */
function dedupe(list: Suggestion[]): Suggestion[] {
  const best = new Map<string, Suggestion>();
  for (const s of list) {
    const k = `${s.start}:${s.end}`;
    const b = best.get(k);
    if (!b || s.score > b.score) best.set(k, s);
  }
  return list.filter((s) => best.get(`${s.start}:${s.end}`) === s);
}

/**
 * The suggestions rejected on `docId` (stored, so they stay rejected after
 * a reload): they are left out of its suggestions.
 */
export function setRejected(
  docId: string,
  anchors: readonly Pick<Suggestion, 'docId' | 'start' | 'end' | 'label'>[],
): void {
  for (const a of anchors) rejected.add(suggestionKey(a));
  rejectionsOf = docId;
  if (docId === openDocId) void refresh();
}

/** Leaves a suggestion out from now on (rejections.ts stores it for later sessions). */
export function forget(s: Suggestion): void {
  rejected.add(suggestionKey(s));
  const st = getSuggestState();
  const suggestions = st.suggestions.filter((x) => x !== s);
  updateSuggestState({ suggestions, current: Math.min(st.current, suggestions.length - 1) });
}

/** Moves the current suggestion by `delta`, wrapping around. */
export function step(delta: 1 | -1): void {
  const { suggestions, current } = getSuggestState();
  if (suggestions.length === 0) return;
  updateSuggestState({ current: (current + delta + suggestions.length) % suggestions.length });
}

/**
 * After a span is labelled: finds the other occurrences of its phrase (in
 * this article and across the corpus) not yet labelled so by this analyst,
 * leaving out documents where suggestions are hidden, and offers them.
 */
export async function offerOccurrences(span: {
  docId: string;
  start: number;
  end: number;
  quote: string;
  label: string;
}): Promise<void> {
  if (hiddenReason(span.docId)) return;
  try {
    const found = await client().occurrences(span.quote, { label: span.label });
    const items = found.filter((o) => {
      if (hiddenReason(o.docId)) return false;
      if (o.docId === span.docId && o.start < span.end && span.start < o.end) return false;
      const mine = own.get(o.docId) ?? [];
      return !mine.some((m) => m.label === span.label && m.start < o.end && o.start < m.end);
    });
    const inDoc = items.filter((o) => o.docId === span.docId).length;
    updateSuggestState({
      offer: items.length
        ? { docId: span.docId, quote: span.quote, label: span.label, items, inDoc }
        : null,
    });
  } catch (err) {
    failed(err);
  }
}

/** Closes the "label all" offer. */
export function dismissOffer(): void {
  updateSuggestState({ offer: null });
}

/**
 * The open document's sentence the model is least sure of, among those
 * holding none of the analyst's spans; null without a model or sentence.
 */
export async function nextUncertain(): Promise<{ start: number; end: number } | null> {
  const docId = openDocId;
  const text = docId ? texts.get(docId) : undefined;
  if (!docId || text === undefined || hiddenReason(docId) || !getSuggestState().trained)
    return null;
  const skip = (own.get(docId) ?? []).map(({ start, end }) => ({ docId, start, end }));
  const [best] = await client().uncertain([{ docId, text }], { limit: 1, skip });
  if (!best) return null;
  updateSuggestState({ reveal: { docId, start: best.start, seq: Date.now() } });
  return { start: best.start, end: best.end };
}

/** The analyst whose spans the suggesters learn from. */
export function suggestSelf(): string {
  return selfId;
}
