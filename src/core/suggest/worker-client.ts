/**
 * The app's side of the suggestion worker protocol (worker-protocol.ts):
 * promise-returning methods over any message port (a Worker, a
 * MessagePort), matching responses to requests by id. Pure: the renderer
 * passes its Worker; tests pass a MessageChannel port.
 */
import type { Evaluation, SwitchDecision, SwitchOptions } from './evaluate.ts';
import type { Gazetteer } from './gazetteer.ts';
import type { LinearModel } from './linear.ts';
import type { ModelOptions, TrainingSummary, UncertainSentence } from './model.ts';
import type { SuggestRequest, SuggestResponse } from './worker-protocol.ts';
import type { AnnotatedText, SuggestDoc, SuggesterName, Suggestion } from './types.ts';

/** What the client needs of a port: a Worker or a MessagePort has it. */
export interface SuggestPort {
  postMessage(message: SuggestRequest): void;
  onmessage: ((event: { data: unknown }) => void) | null;
}

type Pending = {
  resolve: (r: SuggestResponse) => void;
  reject: (e: Error) => void;
  onProgress?: (done: number, total: number) => void;
};

/** Distributes the request's fields over the union (keeps the discriminant). */
type RequestBody = SuggestRequest extends infer R
  ? R extends { id: number }
    ? Omit<R, 'id'>
    : never
  : never;

/** Promise-returning calls to a suggestion worker. */
export class SuggestClient {
  private next = 1;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly port: SuggestPort) {
    port.onmessage = (e) => this.receive(e.data as SuggestResponse);
  }

  /** Sends a request; resolves with its final response, rejects on an error response. */
  request(
    body: RequestBody,
    onProgress?: (done: number, total: number) => void,
  ): { id: number; response: Promise<SuggestResponse> } {
    const id = this.next++;
    const response = new Promise<SuggestResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, onProgress });
    });
    this.port.postMessage({ ...body, id } as SuggestRequest);
    return { id, response };
  }

  addDocuments(docs: SuggestDoc[]): Promise<void> {
    return this.ok({ type: 'add-documents', docs });
  }

  removeDocuments(docIds: string[]): Promise<void> {
    return this.ok({ type: 'remove-documents', docIds });
  }

  setAnnotations(texts: AnnotatedText[]): Promise<void> {
    return this.ok({ type: 'set-annotations', texts });
  }

  setGazetteer(gazetteer: Gazetteer): Promise<void> {
    return this.ok({ type: 'set-gazetteer', gazetteer });
  }

  setModel(model: LinearModel | null): Promise<void> {
    return this.ok({ type: 'set-model', model });
  }

  /** Stops a running train or evaluate request. */
  cancel(target: number): Promise<void> {
    return this.ok({ type: 'cancel', target });
  }

  /**
   * Trains the model on the annotations set; resolves with what it was
   * trained on, or null when a newer `train` (or `cancel`) stopped it.
   */
  train(
    options: Partial<ModelOptions> = {},
    onProgress?: (done: number, total: number) => void,
  ): { id: number; result: Promise<{ summary: TrainingSummary; ms: number } | null> } {
    const { id, response } = this.request({ type: 'train', options }, onProgress);
    return {
      id,
      result: response.then((r) =>
        r.type === 'trained' ? { summary: r.summary, ms: r.ms } : null,
      ),
    };
  }

  async suggest(
    doc: SuggestDoc,
    options: { suggesters?: SuggesterName[]; minScore?: number } = {},
  ): Promise<Suggestion[]> {
    const r = await this.request({ type: 'suggest', doc, ...options }).response;
    return r.type === 'suggestions' ? r.suggestions : [];
  }

  async occurrences(
    phrase: string,
    options: { label?: string; docIds?: string[]; limit?: number } = {},
  ): Promise<Suggestion[]> {
    const r = await this.request({ type: 'occurrences', phrase, ...options }).response;
    return r.type === 'suggestions' ? r.suggestions : [];
  }

  async uncertain(
    docs: SuggestDoc[],
    options: { limit?: number; skip?: { docId: string; start: number; end: number }[] } = {},
  ): Promise<UncertainSentence[]> {
    const r = await this.request({ type: 'uncertain', docs, ...options }).response;
    return r.type === 'uncertain' ? r.sentences : [];
  }

  /** Held-out figures and switch decisions; null when cancelled. */
  evaluate(
    options: {
      suggesters?: SuggesterName[];
      minScore?: number;
      maxFolds?: number;
      switches?: SwitchOptions;
      model?: Partial<ModelOptions>;
    } = {},
    onProgress?: (done: number, total: number) => void,
  ): {
    id: number;
    result: Promise<{
      evaluation: Evaluation;
      switches: Partial<Record<SuggesterName, SwitchDecision>>;
    } | null>;
  } {
    const { id, response } = this.request({ type: 'evaluate', ...options }, onProgress);
    return {
      id,
      result: response.then((r) =>
        r.type === 'evaluation' ? { evaluation: r.evaluation, switches: r.switches } : null,
      ),
    };
  }

  async model(): Promise<{ model: LinearModel | null; summary: TrainingSummary | null }> {
    const r = await this.request({ type: 'get-model' }).response;
    return r.type === 'model'
      ? { model: r.model, summary: r.summary }
      : { model: null, summary: null };
  }

  private async ok(body: RequestBody): Promise<void> {
    await this.request(body).response;
  }

  private receive(r: SuggestResponse): void {
    const p = this.pending.get(r.id);
    if (!p) return;
    if (r.type === 'progress') {
      p.onProgress?.(r.done, r.total);
      return;
    }
    this.pending.delete(r.id);
    if (r.type === 'error') p.reject(new Error(r.message));
    else p.resolve(r);
  }
}
