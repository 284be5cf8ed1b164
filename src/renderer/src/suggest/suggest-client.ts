/**
 * Starts the suggestion worker and returns the promise-based client the UI
 * talks to (src/core/suggest/worker-client.ts). One worker per window: it
 * holds the corpus index, the analysts' annotations and the model.
 */
import { SuggestClient, type SuggestPort } from '@core/suggest/worker-client.ts';

/** A running suggestion worker and its client; `stop()` terminates the worker. */
export interface SuggestWorker {
  client: SuggestClient;
  stop: () => void;
}

/** Starts a suggestion worker (a module worker bundled by Vite). */
export function startSuggestWorker(): SuggestWorker {
  const worker = new Worker(new URL('./suggest.worker.ts', import.meta.url), {
    type: 'module',
    name: 'suggest',
  });
  return {
    client: new SuggestClient(worker as unknown as SuggestPort),
    stop: () => worker.terminate(),
  };
}
