/**
 * The CLI's article worker: one worker thread per process, started on the
 * first file and kept for the next ones (tsx takes a moment to start it),
 * not keeping the process alive while idle, and replaced when a file runs
 * over the time limit.
 */
import { Worker } from 'node:worker_threads';
import { PrepareQueue, type PrepareMessage } from '../core/import/prepare-queue.ts';

let queue: PrepareQueue | null = null;

/** The process's article queue. */
export function articleQueue(): PrepareQueue {
  queue ??= new PrepareQueue({
    startWorker(onMessage, onError) {
      const worker = new Worker(new URL('./ts-worker.mjs', import.meta.url), {
        workerData: { module: new URL('./prepare-worker.ts', import.meta.url).href },
      });
      worker.on('message', (message: PrepareMessage) => onMessage(message));
      worker.on('error', (err) => onError(err.message));
      worker.on('exit', (code) => {
        if (code !== 0 && code !== 1) onError(`the worker stopped (${code})`);
      });
      worker.unref();
      return {
        post: (req) => worker.postMessage(req),
        terminate: () => void worker.terminate(),
        setBusy: (busy) => (busy ? worker.ref() : worker.unref()),
      };
    },
    setTimer: (run, ms) => setTimeout(run, ms),
    clearTimer: (handle) => clearTimeout(handle as NodeJS.Timeout),
  });
  return queue;
}
