// The article queue with a fake host: the time limit starts once the
// worker is ready, a file over it stops the worker and the next file gets a
// new one, and a crash is a refusal, never a rejection.
import { describe, expect, it } from 'vitest';
import { problem } from '../problems/problem.ts';
import {
  PrepareQueue,
  READY,
  timeLimitReason,
  type PrepareHost,
  type PrepareMessage,
  type PrepareRequest,
} from './prepare-queue.ts';

/** A host whose workers and timers the test drives by hand. */
function fakeHost() {
  const workers: {
    requests: PrepareRequest[];
    terminated: boolean;
    send: (m: PrepareMessage) => void;
    crash: (message: string) => void;
  }[] = [];
  const timers = new Map<number, { run: () => void; ms: number }>();
  let nextTimer = 1;
  const host: PrepareHost = {
    startWorker(onMessage, onError) {
      const w = {
        requests: [] as PrepareRequest[],
        terminated: false,
        send: onMessage,
        crash: onError,
      };
      workers.push(w);
      return {
        post: (req) => w.requests.push(req),
        terminate: () => (w.terminated = true),
      };
    },
    setTimer(run, ms) {
      timers.set(nextTimer, { run, ms });
      return nextTimer++;
    },
    clearTimer(handle) {
      timers.delete(handle as number);
    },
  };
  /** Fires the pending timer of `ms` (the file's limit, not the start-up one). */
  const fire = (ms: number): void => {
    const [id, t] = [...timers].find(([, x]) => x.ms === ms)!;
    timers.delete(id);
    t.run();
  };
  return { host, workers, timers, fire };
}

/** Lets the queue's pending promise steps run (microtasks only: no timer). */
async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}
const file = (name: string) => ({ name, bytes: new TextEncoder().encode(name) });
const ok = (text: string) => ({
  ok: true as const,
  encoding: 'utf-8' as const,
  input: {
    text,
    rawText: text,
    textSource: 'clean' as const,
    removed: [],
    title: text,
    date: null,
    author: null,
    outlet: null,
    file: text,
  },
});

describe('PrepareQueue', () => {
  it('counts the time limit from the worker being ready, one file at a time', async () => {
    const { host, workers, timers } = fakeHost();
    const q = new PrepareQueue(host);
    const a = q.prepare(file('a.txt'), { timeLimitMs: 50 });
    const b = q.prepare(file('b.txt'), { timeLimitMs: 50 });
    await flush();
    expect(workers).toHaveLength(1);
    // Starting up: nothing posted, no file timer running.
    expect(workers[0]!.requests).toEqual([]);
    expect([...timers.values()].map((t) => t.ms)).not.toContain(50);
    workers[0]!.send(READY);
    await flush();
    expect(workers[0]!.requests.map((r) => r.name)).toEqual(['a.txt']);
    workers[0]!.send({ id: workers[0]!.requests[0]!.id, result: ok('a') });
    expect(await a).toEqual(ok('a'));
    await flush();
    expect(workers[0]!.requests.map((r) => r.name)).toEqual(['a.txt', 'b.txt']);
    workers[0]!.send({ id: workers[0]!.requests[1]!.id, result: ok('b') });
    expect(await b).toEqual(ok('b'));
    expect(timers.size).toBe(0);
  });

  it('stops the worker of a file over the limit and starts a new one for the next', async () => {
    const { host, workers, fire } = fakeHost();
    const q = new PrepareQueue(host);
    const slow = q.prepare(file('slow.html'), { timeLimitMs: 30_000 });
    await flush();
    workers[0]!.send(READY);
    await flush();
    fire(30_000);
    expect(await slow).toEqual({
      ok: false,
      reason: timeLimitReason(30_000),
      problem: { code: 'article.timeLimit', values: { limit: { ms: 30_000 } } },
    });
    expect(timeLimitReason(30_000)).toBe(
      'reading the file took longer than 30 s (the limit); save the article as text and import that',
    );
    expect(workers[0]!.terminated).toBe(true);
    // A late answer from the stopped worker changes nothing.
    workers[0]!.send({ id: workers[0]!.requests[0]!.id, result: ok('late') });

    const next = q.prepare(file('next.txt'));
    await flush();
    expect(workers).toHaveLength(2);
    workers[1]!.send(READY);
    await flush();
    workers[1]!.send({ id: workers[1]!.requests[0]!.id, result: ok('next') });
    expect(await next).toEqual(ok('next'));
  });

  it('turns a crashed worker into a refusal and recovers', async () => {
    const { host, workers } = fakeHost();
    const q = new PrepareQueue(host);
    const a = q.prepare(file('a.html'));
    await flush();
    workers[0]!.send(READY);
    await flush();
    workers[0]!.crash('out of memory');
    expect(await a).toEqual({
      ok: false,
      reason:
        'the file could not be read: the article reader did not start or stopped (out of memory)',
      problem: { code: 'article.readerFailed', values: { detail: 'out of memory' } },
    });
    const b = q.prepare(file('b.txt'));
    await flush();
    workers[1]!.send(READY);
    await flush();
    workers[1]!.send({ id: workers[1]!.requests[0]!.id, result: ok('b') });
    expect(await b).toEqual(ok('b'));
    // A file that came with an error is refused without a worker.
    const tooLarge = problem('hostFile.tooLarge', { size: '3.0 MB', limit: '2.0 MB' });
    expect(await q.prepare({ ...file('x'), error: tooLarge })).toEqual({
      ok: false,
      reason: 'too large (3.0 MB; the limit is 2.0 MB)',
      problem: tooLarge,
    });
  });
});
