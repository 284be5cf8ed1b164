/**
 * Prepares articles (prepareArticle) in a worker, one file at a time, and
 * gives up on a file that takes longer than HTML_TIME_LIMIT_MS by stopping
 * the worker: Readability is synchronous and cannot be interrupted, so a
 * hostile page must never run on the thread that answers the analyst (the
 * renderer's) or that must exit (the CLI's). The host supplies the worker
 * (a module Web Worker in the app, a worker thread in the CLI) and timers;
 * both run `answerPrepareRequest` inside, with linkedom as the HTML parser,
 * so an article gets the same text in the app and in `stance prepare`.
 */
import { formatMs, HTML_TIME_LIMIT_MS } from '../limits.ts';
import { duration, problem, problemText, type Problem } from '../problems/problem.ts';
import type { HtmlParser } from './html.ts';
import { prepareArticle, type ArticleHints, type PrepareResult } from './prepare.ts';

/** One file to prepare, as posted to the worker. */
export interface PrepareRequest {
  id: number;
  name: string;
  bytes: Uint8Array;
  hints?: ArticleHints;
}

/** The worker's answer. */
export interface PrepareReply {
  id: number;
  result: PrepareResult;
}

/** What a worker posts: `{ ready: true }` once started, then one reply per request. */
export type PrepareMessage = PrepareReply | { ready: true };

/** Posted by a worker once it has loaded, so that start-up never counts against a file. */
export const READY: PrepareMessage = { ready: true };

/** A worker that does not say it is ready within this long is given up on. */
const START_LIMIT_MS = 120_000;

/** What the worker does with a request (runs inside it). */
export function answerPrepareRequest(req: PrepareRequest, parseHtml: HtmlParser): PrepareReply {
  return {
    id: req.id,
    result: prepareArticle({ name: req.name, bytes: req.bytes }, { parseHtml, hints: req.hints }),
  };
}

/** A running worker, as the host gives it. */
export interface PrepareWorker {
  post(request: PrepareRequest): void;
  terminate(): void;
  /** Lets an idle worker not keep a process alive (worker threads); optional. */
  setBusy?(busy: boolean): void;
}

/** What the queue needs from its host. */
export interface PrepareHost {
  /** Starts a worker; its messages go to `onMessage`, a crash to `onError`. */
  startWorker(
    onMessage: (message: PrepareMessage) => void,
    onError: (message: string) => void,
  ): PrepareWorker;
  setTimer(run: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /**
   * Prepares a file without a worker, when none could start (a host that
   * forbids workers). Without it such a file is refused.
   */
  fallback?(file: { name: string; bytes: Uint8Array }, hints?: ArticleHints): PrepareResult;
}

/** Why a file was given up on, naming the limit. */
export function timeLimitReason(ms: number): string {
  return problemText(timeLimitProblem(ms));
}

/**
 * The result for a file the article reader (the worker) could not take: it
 * did not start, or stopped. The worker's own text is kept as the detail.
 */
function readerFailed(detail: string): PrepareResult {
  const p = problem('article.readerFailed', { detail });
  return { ok: false, reason: problemText(p), problem: p };
}

/** As timeLimitReason, as a problem (the interface words it). */
export function timeLimitProblem(ms: number): Problem {
  return problem('article.timeLimit', { limit: duration(ms) });
}

/**
 * Runs prepare requests in a worker, one at a time, each within a time
 * limit counted from when the worker has the file (its start-up excluded).
 */
export class PrepareQueue {
  private worker: { port: PrepareWorker; ready: Promise<string | null> } | null = null;
  private current: { id: number; settle: (r: PrepareResult) => void } | null = null;
  private tail: Promise<unknown> = Promise.resolve();
  private nextId = 1;

  constructor(private readonly host: PrepareHost) {}

  /**
   * Prepares one file; never rejects. A file that takes longer than
   * `timeLimitMs` comes back refused with a reason naming the limit, and
   * the worker is replaced for the next one.
   */
  prepare(
    file: { name: string; bytes: Uint8Array; error?: Problem },
    options: { hints?: ArticleHints; timeLimitMs?: number } = {},
  ): Promise<PrepareResult> {
    if (file.error)
      return Promise.resolve({ ok: false, reason: problemText(file.error), problem: file.error });
    const run = this.tail.then(() => this.runOne(file, options));
    this.tail = run;
    return run;
  }

  /** Stops the worker (the queue starts a new one if asked again). */
  dispose(): void {
    this.worker?.port.terminate();
    this.worker = null;
  }

  private async runOne(
    file: { name: string; bytes: Uint8Array },
    options: { hints?: ArticleHints; timeLimitMs?: number },
  ): Promise<PrepareResult> {
    const limit = options.timeLimitMs ?? HTML_TIME_LIMIT_MS;
    const worker = this.ensureWorker();
    const failed = await worker.ready;
    if (failed !== null)
      return this.host.fallback ? this.host.fallback(file, options.hints) : readerFailed(failed);
    return new Promise<PrepareResult>((resolve) => {
      const id = this.nextId++;
      let timer: unknown = null;
      const settle = (r: PrepareResult): void => {
        if (this.current?.id !== id) return;
        this.current = null;
        this.host.clearTimer(timer);
        worker.port.setBusy?.(false);
        resolve(r);
      };
      this.current = { id, settle };
      worker.port.setBusy?.(true);
      timer = this.host.setTimer(() => {
        // Readability cannot be interrupted: stop the whole worker.
        if (this.worker === worker) this.dispose();
        settle({ ok: false, reason: timeLimitReason(limit), problem: timeLimitProblem(limit) });
      }, limit);
      worker.port.post({ id, name: file.name, bytes: file.bytes, hints: options.hints });
    });
  }

  private ensureWorker(): { port: PrepareWorker; ready: Promise<string | null> } {
    if (this.worker) return this.worker;
    let ready!: (failure: string | null) => void;
    const started = new Promise<string | null>((resolve) => (ready = resolve));
    const startTimer = this.host.setTimer(
      () => fail(`the worker did not start within ${formatMs(START_LIMIT_MS)}`),
      START_LIMIT_MS,
    );
    const fail = (message: string): void => {
      this.host.clearTimer(startTimer);
      if (this.worker === entry) this.dispose();
      ready(message);
      this.current?.settle(readerFailed(message));
    };
    const port = this.host.startWorker((message) => {
      if ('ready' in message) {
        this.host.clearTimer(startTimer);
        ready(null);
      } else if (this.current?.id === message.id) this.current.settle(message.result);
    }, fail);
    const entry = { port, ready: started };
    this.worker = entry;
    return entry;
  }
}
