/**
 * The message protocol between the app and the suggestion Web Worker, and
 * the worker's side of it. Every request carries an `id`; every response
 * names the request it answers. Requests are checked on arrival with
 * `parseSuggestRequest` (the worker trusts no payload). Messages are plain
 * data and typed arrays (structured-cloneable). The worker's side is in
 * worker-side.ts.
 */
import { z } from 'zod';
import type { Evaluation, SwitchDecision, SwitchOptions } from './evaluate.ts';
import type { Gazetteer } from './gazetteer.ts';
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

/** A request checked on arrival, or what is wrong with it and which request it was. */
export type ParsedRequest =
  { ok: true; request: SuggestRequest } | { ok: false; id: number; message: string };

/** Checks one incoming message; names the first problem and where it is. */
export function parseSuggestRequest(data: unknown): ParsedRequest {
  const parsed = request.safeParse(data);
  if (parsed.success) return { ok: true, request: parsed.data as SuggestRequest };
  const rid =
    typeof data === 'object' && data !== null && Number.isInteger((data as { id?: unknown }).id)
      ? (data as { id: number }).id
      : -1;
  const issue = parsed.error.issues[0]!;
  const where = issue.path.map(String).join('.');
  return {
    ok: false,
    id: rid,
    message: `bad request${where ? ` at ${where}` : ''}: ${issue.message}`,
  };
}
