/**
 * The suggestion Web Worker: trains the model and answers suggestion
 * requests off the main thread, so typing and scrolling never wait for it.
 * All the work is src/core/suggest (worker-protocol.ts, worker-side.ts); this file only
 * connects it to the worker's message port. Start it with
 * `startSuggestWorker()` (suggest-client.ts).
 */
import { createSuggestWorker } from '@core/suggest/worker-side.ts';

/** The parts of a dedicated worker's global scope used here. */
interface WorkerScope {
  postMessage(message: unknown, transfer: ArrayBuffer[]): void;
  onmessage: ((event: MessageEvent) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createSuggestWorker(
  (message, transfer) => scope.postMessage(message, transfer ?? []),
  // A macrotask, so messages queued meanwhile (a newer train, a suggest) run.
  () => new Promise((resolve) => setTimeout(resolve, 0)),
);
scope.onmessage = (event) => handle(event.data);
