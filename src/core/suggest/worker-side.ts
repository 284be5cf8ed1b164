/**
 * The suggestion worker's side of the protocol (worker-protocol.ts): it
 * answers each checked request from one SuggestEngine. Training and
 * evaluation run in steps and yield between them (`pause`), so requests
 * arriving meanwhile are answered with the previous model, and a newer
 * `train` cancels an older one. A model sent back is a copy, its buffers
 * transferred. Kept apart from the protocol so the app's side (the client)
 * imports the message types without the engine.
 */
import { describeError } from '../errors.ts';
import { SuggestEngine } from './engine.ts';
import { suggesterSwitches } from './evaluate.ts';
import { problemText } from '../problems/problem.ts';
import { parseGazetteer } from './gazetteer.ts';
import type { LinearModel } from './linear.ts';
import {
  parseSuggestRequest,
  type SuggestRequest,
  type SuggestResponse,
} from './worker-protocol.ts';

/** Thrown from a pause to stop a superseded or cancelled run. */
class Cancelled extends Error {}

/** How the worker talks back: postMessage, with buffers to transfer. */
export type PostResponse = (message: SuggestResponse, transfer?: ArrayBuffer[]) => void;

/**
 * The worker's side: returns the function to call with each incoming
 * message's data. `yieldToEvents` must let queued messages run (in a
 * worker: `() => new Promise((r) => setTimeout(r, 0))`); long work yields
 * every `sliceMs` milliseconds (default 10).
 */
export function createSuggestWorker(
  post: PostResponse,
  yieldToEvents: () => Promise<void>,
  options: { engine?: SuggestEngine; sliceMs?: number } = {},
): (data: unknown) => void {
  const engine = options.engine ?? new SuggestEngine();
  const sliceMs = options.sliceMs;
  const running = new Map<number, { cancelled: boolean; kind: 'train' | 'evaluate' }>();
  const pauseFor = (rid: number) => async () => {
    await yieldToEvents();
    if (running.get(rid)?.cancelled) throw new Cancelled();
  };

  const longRun = async (rid: number, kind: 'train' | 'evaluate', work: () => Promise<void>) => {
    if (kind === 'train')
      for (const r of running.values()) if (r.kind === 'train') r.cancelled = true;
    running.set(rid, { cancelled: false, kind });
    try {
      await work();
    } catch (err) {
      if (err instanceof Cancelled) post({ type: 'cancelled', id: rid });
      else post({ type: 'error', id: rid, message: describeError(err) });
    } finally {
      running.delete(rid);
    }
  };

  const handle = (req: SuggestRequest): void => {
    const rid = req.id;
    switch (req.type) {
      case 'add-documents':
        engine.addDocuments(req.docs);
        return post({ type: 'ok', id: rid });
      case 'remove-documents':
        engine.removeDocuments(req.docIds);
        return post({ type: 'ok', id: rid });
      case 'set-annotations':
        engine.setAnnotations(req.texts);
        return post({ type: 'ok', id: rid });
      case 'set-gazetteer': {
        const g = parseGazetteer(req.gazetteer);
        if (!g.ok)
          return post({
            type: 'error',
            id: rid,
            message: `gazetteer: ${g.errors.map(problemText).join('; ')}`,
          });
        engine.setGazetteer(g.value);
        return post({ type: 'ok', id: rid });
      }
      case 'cancel': {
        const r = running.get(req.target);
        if (r) r.cancelled = true;
        return post({ type: 'ok', id: rid });
      }
      case 'train':
        void longRun(rid, 'train', async () => {
          const t0 = performance.now();
          const summary = await engine.train(req.options ?? {}, {
            onProgress: (done, total) => post({ type: 'progress', id: rid, done, total }),
            pause: pauseFor(rid),
            sliceMs,
          });
          post({ type: 'trained', id: rid, summary, ms: performance.now() - t0 });
        });
        return;
      case 'evaluate':
        void longRun(rid, 'evaluate', async () => {
          const evaluation = await engine.evaluate(
            {
              suggesters: req.suggesters,
              minScore: req.minScore,
              maxFolds: req.maxFolds,
              model: req.model,
            },
            {
              onProgress: (done, total) => post({ type: 'progress', id: rid, done, total }),
              pause: pauseFor(rid),
              sliceMs,
            },
          );
          post({
            type: 'evaluation',
            id: rid,
            evaluation,
            switches: suggesterSwitches(evaluation, req.switches),
          });
        });
        return;
      case 'suggest':
        return post({
          type: 'suggestions',
          id: rid,
          suggestions: engine.suggest(req.doc, {
            suggesters: req.suggesters,
            minScore: req.minScore,
          }),
        });
      case 'occurrences':
        return post({
          type: 'suggestions',
          id: rid,
          suggestions: engine.occurrences(req.phrase, {
            label: req.label,
            docIds: req.docIds ? new Set(req.docIds) : undefined,
            limit: req.limit,
          }),
        });
      case 'uncertain': {
        const skip = req.skip ?? [];
        return post({
          type: 'uncertain',
          id: rid,
          sentences: engine.uncertain(req.docs, {
            limit: req.limit,
            skip: (docId, start, end) =>
              skip.some((s) => s.docId === docId && s.start < end && start < s.end),
          }),
        });
      }
      case 'get-model': {
        const t = engine.trained();
        if (!t) return post({ type: 'model', id: rid, model: null, summary: null });
        const copy: LinearModel = {
          ...t.model,
          weights: t.model.weights.slice(),
          bias: t.model.bias.slice(),
        };
        return post({ type: 'model', id: rid, model: copy, summary: t.summary }, [
          copy.weights.buffer as ArrayBuffer,
          copy.bias.buffer as ArrayBuffer,
        ]);
      }
      case 'set-model':
        engine.setModel(req.model);
        return post({ type: 'ok', id: rid });
    }
  };

  return (data: unknown): void => {
    const parsed = parseSuggestRequest(data);
    if (!parsed.ok) {
      post({ type: 'error', id: parsed.id, message: parsed.message });
      return;
    }
    try {
      handle(parsed.request);
    } catch (err) {
      post({ type: 'error', id: parsed.request.id, message: describeError(err) });
    }
  };
}
