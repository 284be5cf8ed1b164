/**
 * The app's article queue: one module Web Worker (article-worker.ts),
 * started on the first import and replaced when a file runs over the time
 * limit. Where no worker can start (a host that forbids them), articles are
 * read on the main thread with the browser's inert DOMParser: the depth and
 * element limits still hold there, the time limit cannot.
 */
import { describeError } from '@core/errors.ts';
import type { HtmlDocument } from '@core/import/html.ts';
import { prepareArticle } from '@core/import/prepare.ts';
import { PrepareQueue, type PrepareMessage } from '@core/import/prepare-queue.ts';

/** Parses HTML into an inert document: no script runs, nothing loads. */
export function parseHtmlInert(html: string): HtmlDocument {
  return new DOMParser().parseFromString(html, 'text/html') as unknown as HtmlDocument;
}

let queue: PrepareQueue | null = null;

/** The window's article queue. */
export function articleQueue(): PrepareQueue {
  queue ??= new PrepareQueue({
    startWorker(onMessage, onError) {
      let worker: Worker;
      try {
        worker = new Worker(new URL('./article-worker.ts', import.meta.url), {
          type: 'module',
          name: 'article import',
        });
      } catch (err) {
        queueMicrotask(() => onError(describeError(err)));
        return { post: () => undefined, terminate: () => undefined };
      }
      worker.onmessage = (e: MessageEvent<PrepareMessage>) => onMessage(e.data);
      worker.onerror = (e) => {
        e.preventDefault();
        onError(e.message || 'the import worker failed');
      };
      return { post: (req) => worker.postMessage(req), terminate: () => worker.terminate() };
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as number),
    fallback: (file, hints) => prepareArticle(file, { parseHtml: parseHtmlInert, hints }),
  });
  return queue;
}
