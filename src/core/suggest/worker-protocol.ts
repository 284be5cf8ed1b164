/**
 * The message protocol between the app and the suggestion Web Worker, and
 * the worker's side of it. Every request carries an `id`; every response
 * names the request it answers. Requests are checked on arrival (the
 * worker trusts no payload). Training and evaluation run in steps and yield
 * between them (`pause`), so requests arriving meanwhile are answered with
 * the previous model, and a newer `train` cancels an older one. Messages are
 * plain data and typed arrays (structured-cloneable); a model sent back is
 * a copy, its buffers transferred.
 */
import { describeError } from '../errors.ts';
import { z } from 'zod';
import { SuggestEngine } from './engine.ts';
import {
  suggesterSwitches,
  type Evaluation,
  type SwitchDecision,
  type SwitchOptions,
} from './evaluate.ts';
import { problemText } from '../problems/problem.ts';
import { parseGazetteer, type Gazetteer } from './gazetteer.ts';
import type { LinearModel } from './linear.ts';
import type { ModelOptions, TrainingSummary, UncertainSentence } from './model.ts';
import {
  SUGGESTERS,
  type AnnotatedText,
  type SuggestDoc,
  type SuggesterName,
  type Suggestion,
} from './types.ts';

/** What the app asks the worker. */
export type SuggestRequest =
  | { type: 'add-documents'; id: number; docs: SuggestDoc[] }
  | { type: 'remove-documents'; id: number; docIds: string[] }
  | { type: 'set-annotations'; id: number; texts: AnnotatedText[] }
  | { type: 'set-gazetteer'; id: number; gazetteer: Gazetteer }
  | { type: 'train'; id: number; options?: Partial<ModelOptions> }
  | { type: 'cancel'; id: number; target: number }
  | {
      type: 'suggest';
      id: number;
      doc: SuggestDoc;
      suggesters?: SuggesterName[];
      minScore?: number;
    }
  | {
      type: 'occurrences';
      id: number;
      phrase: string;
      label?: string;
      docIds?: string[];
      limit?: number;
    }
  | {
      type: 'uncertain';
      id: number;
      docs: SuggestDoc[];
      limit?: number;
      /** Extents already labelled: a sentence overlapping one is left out. */
      skip?: { docId: string; start: number; end: number }[];
    }
  | {
      type: 'evaluate';
      id: number;
      suggesters?: SuggesterName[];
      minScore?: number;
      maxFolds?: number;
      switches?: SwitchOptions;
      model?: Partial<ModelOptions>;
    }
  | { type: 'get-model'; id: number }
  | { type: 'set-model'; id: number; model: LinearModel | null };

/** What the worker answers. */
export type SuggestResponse =
  | { type: 'ok'; id: number }
  | { type: 'progress'; id: number; done: number; total: number }
  | { type: 'trained'; id: number; summary: TrainingSummary; ms: number }
  | { type: 'suggestions'; id: number; suggestions: Suggestion[] }
  | { type: 'uncertain'; id: number; sentences: UncertainSentence[] }
  | {
      type: 'evaluation';
      id: number;
      evaluation: Evaluation;
      switches: Partial<Record<SuggesterName, SwitchDecision>>;
    }
  | { type: 'model'; id: number; model: LinearModel | null; summary: TrainingSummary | null }
  | { type: 'cancelled'; id: number }
  | { type: 'error'; id: number; message: string };

const id = z.number().int().nonnegative();
const cp = z.number().int().nonnegative();
const doc = z.object({ docId: z.string().min(1), text: z.string() });
const suggesters = z.array(z.enum(SUGGESTERS)).optional();
const score = z.number().min(0).max(1).optional();
const modelOptions = z
  .object({
    bits: z.number().int().min(10).max(22),
    epochs: z.number().int().min(1).max(100),
    learningRate: z.number().positive().max(10),
    skipBelow: z.number().min(0).max(1),
    seed: z.number().int(),
    negativesPerPositive: z.number().min(0).max(1000),
  })
  .partial()
  .optional();
const span = z
  .object({ start: cp, end: cp, label: z.string().min(1) })
  .refine((s) => s.end > s.start, 'end must be greater than start');
const model = z
  .object({
    classes: z.array(z.string().nullable()).min(2),
    bits: z.number().int().min(10).max(22),
    weights: z.instanceof(Float32Array),
    bias: z.instanceof(Float32Array),
  })
  .refine(
    (m) =>
      m.weights.length === (1 << m.bits) * m.classes.length && m.bias.length === m.classes.length,
    'the weights do not fit the classes and bits',
  );

const request = z.discriminatedUnion('type', [
  z.object({ type: z.literal('add-documents'), id, docs: z.array(doc) }),
  z.object({ type: z.literal('remove-documents'), id, docIds: z.array(z.string()) }),
  z.object({
    type: z.literal('set-annotations'),
    id,
    texts: z.array(doc.extend({ annotatorId: z.string().min(1), spans: z.array(span) })),
  }),
  z.object({ type: z.literal('set-gazetteer'), id, gazetteer: z.unknown() }),
  z.object({ type: z.literal('train'), id, options: modelOptions }),
  z.object({ type: z.literal('cancel'), id, target: id }),
  z.object({ type: z.literal('suggest'), id, doc, suggesters, minScore: score }),
  z.object({
    type: z.literal('occurrences'),
    id,
    phrase: z.string().min(1),
    label: z.string().min(1).optional(),
    docIds: z.array(z.string()).optional(),
    limit: z.number().int().positive().optional(),
  }),
  z.object({
    type: z.literal('uncertain'),
    id,
    docs: z.array(doc),
    limit: z.number().int().positive().optional(),
    skip: z.array(z.object({ docId: z.string(), start: cp, end: cp })).optional(),
  }),
  z.object({
    type: z.literal('evaluate'),
    id,
    suggesters,
    minScore: score,
    maxFolds: z.number().int().positive().optional(),
    switches: z
      .object({
        threshold: z.number().min(0).max(1),
        metric: z.enum(['exact', 'overlap']),
        minSpans: z.number().int().nonnegative(),
      })
      .partial()
      .optional(),
    model: modelOptions,
  }),
  z.object({ type: z.literal('get-model'), id }),
  z.object({ type: z.literal('set-model'), id, model: model.nullable() }),
]);

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
    const parsed = request.safeParse(data);
    if (!parsed.success) {
      const rid =
        typeof data === 'object' && data !== null && Number.isInteger((data as { id?: unknown }).id)
          ? (data as { id: number }).id
          : -1;
      const issue = parsed.error.issues[0]!;
      const where = issue.path.map(String).join('.');
      post({
        type: 'error',
        id: rid,
        message: `bad request${where ? ` at ${where}` : ''}: ${issue.message}`,
      });
      return;
    }
    try {
      handle(parsed.data as SuggestRequest);
    } catch (err) {
      post({
        type: 'error',
        id: parsed.data.id,
        message: describeError(err),
      });
    }
  };
}
