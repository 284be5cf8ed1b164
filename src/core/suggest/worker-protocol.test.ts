// The worker protocol over a real MessageChannel (structured clone, as
// between the app and a Web Worker): requests answered by id, training in
// steps with progress, a newer train cancelling an older one, suggestions
// served meanwhile, bad payloads refused with where they were wrong, and a
// model sent back as typed arrays that reproduces the same suggestions.
import { afterEach, describe, expect, it } from 'vitest';
import { SuggestClient, type SuggestPort } from './worker-client.ts';
import { createSuggestWorker } from './worker-side.ts';
import type { SuggestResponse } from './worker-protocol.ts';
import type { AnnotatedText } from './types.ts';

const TEXT =
  'قال الوزير: لا حاجة لوجود القوات الأجنبية. نحتاج إلى تعاون في التدريب. وصل الوفد أمس.';
const cpAt = (p: string) => {
  const start = Array.from(TEXT.slice(0, TEXT.indexOf(p))).length;
  return { start, end: start + Array.from(p).length };
};
const TEXTS: AnnotatedText[] = [
  {
    docId: 'd1',
    text: TEXT,
    annotatorId: 'omar',
    spans: [
      { ...cpAt('لا حاجة لوجود القوات الأجنبية'), label: 'pro-withdrawal' },
      { ...cpAt('نحتاج إلى تعاون في التدريب'), label: 'pro-coalition' },
    ],
  },
];
/** Enough clauses that training takes many steps (the worker yields between them). */
const MANY: AnnotatedText[] = Array.from({ length: 60 }, (_, i) => ({
  ...TEXTS[0]!,
  docId: `m${i}`,
}));
const NEW = { docId: 'd2', text: 'أكد النائب: لا حاجة لوجود القوات الأجنبية.' };

/** A MessageChannel port as the browser types it (Node's runtime has onmessage too). */
interface Port {
  postMessage(message: unknown, transfer?: unknown[]): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  close(): void;
}
const newChannel = (): { port1: Port; port2: Port } =>
  new MessageChannel() as unknown as { port1: Port; port2: Port };

const channels: { port1: Port; port2: Port }[] = [];
afterEach(() => {
  for (const c of channels.splice(0)) {
    c.port1.close();
    c.port2.close();
  }
});

/** A worker on one end of a MessageChannel, a client on the other. */
function connect(): { client: SuggestClient; raw: (data: unknown) => Promise<SuggestResponse> } {
  const channel = newChannel();
  channels.push(channel);
  const workerPort = channel.port2;
  const handle = createSuggestWorker(
    (msg, transfer) => workerPort.postMessage(msg, transfer ?? []),
    () => new Promise((r) => setTimeout(r, 0)),
    // Yield after every step, so that cancelling never depends on machine speed.
    { sliceMs: 0 },
  );
  workerPort.onmessage = (e) => handle(e.data);
  const client = new SuggestClient(channel.port1 as unknown as SuggestPort);
  // For requests the client would never send: a worker of its own, answering in turn.
  const raw = (data: unknown): Promise<SuggestResponse> =>
    new Promise((resolve) => {
      const h = createSuggestWorker(
        (msg) => resolve(msg),
        () => Promise.resolve(),
      );
      h(structuredClone(data));
    });
  return { client, raw };
}

describe('the suggestion worker protocol', () => {
  it('trains in steps with progress, then suggests with every suggester', async () => {
    const { client } = connect();
    await client.setAnnotations(TEXTS);
    const progress: [number, number][] = [];
    const { result } = client.train({ bits: 14, epochs: 30 }, (done, total) =>
      progress.push([done, total]),
    );
    const trained = await result;
    // "قال الوزير" and "وصل الوفد أمس" are the two clauses no span touches.
    expect(trained!.summary).toMatchObject({
      labelled: { 'pro-coalition': 1, 'pro-withdrawal': 1 },
      none: 2,
    });
    expect(progress.at(-1)).toEqual([120, 120]);
    const s = await client.suggest(NEW);
    expect(s.map((x) => [x.source, x.quote, x.label])).toEqual([
      ['cue-sentence', 'أكد النائب: لا حاجة لوجود القوات الأجنبية', 'pro-withdrawal'],
      ['matcher', 'لا حاجة لوجود القوات الأجنبية', 'pro-withdrawal'],
      ['model', 'لا حاجة لوجود القوات الأجنبية', 'pro-withdrawal'],
    ]);
  }, 60_000);

  it('cancels an older train when a newer one comes, and answers suggestions meanwhile', async () => {
    const { client } = connect();
    await client.setAnnotations(MANY);
    // Many steps: the first training is still running when the second arrives.
    const first = client.train({ bits: 14, epochs: 100 });
    const during = client.suggest(NEW, { suggesters: ['matcher'] });
    const second = client.train({ bits: 14, epochs: 2 });
    expect(await first.result).toBeNull();
    expect((await during).map((x) => x.quote)).toEqual(['لا حاجة لوجود القوات الأجنبية']);
    expect(await second.result).not.toBeNull();
    // An explicit cancel stops an evaluation.
    const ev = client.evaluate({
      suggesters: ['model'],
      maxFolds: 2,
      model: { bits: 14, epochs: 100 },
    });
    await client.cancel(ev.id);
    expect(await ev.result).toBeNull();
  }, 60_000);

  it('refuses bad payloads, naming where they are wrong', async () => {
    const { raw, client } = connect();
    expect(await raw({ type: 'suggest', id: 7, doc: { docId: 'x' } })).toEqual({
      type: 'error',
      id: 7,
      message: 'bad request at doc.text: Invalid input: expected string, received undefined',
    });
    expect(await raw({ type: 'nonsense', id: 8 })).toMatchObject({ type: 'error', id: 8 });
    expect(await raw('hello')).toMatchObject({ type: 'error', id: -1 });
    const span = { start: 5, end: 2, label: 'x' };
    expect(
      await raw({
        type: 'set-annotations',
        id: 9,
        texts: [{ docId: 'd', text: 't', annotatorId: 'a', spans: [span] }],
      }),
    ).toMatchObject({
      type: 'error',
      message: 'bad request at texts.0.spans.0: end must be greater than start',
    });
    await expect(client.setGazetteer({ 'pro-withdrawal': [''] })).rejects.toThrow(
      'gazetteer: "pro-withdrawal"[0]: a cue phrase must hold a word',
    );
    await expect(client.suggest(NEW, { suggesters: ['model'] })).rejects.toThrow(
      'the model is not trained yet',
    );
  }, 60_000);

  it('sends the model back as typed arrays that give the same suggestions elsewhere', async () => {
    const a = connect().client;
    await a.setAnnotations(TEXTS);
    await a.train({ bits: 14, epochs: 30 }).result;
    const { model, summary } = await a.model();
    expect(model!.weights).toBeInstanceOf(Float32Array);
    expect(model!.weights.length).toBe((1 << 14) * 3);
    expect(summary!.texts).toBe(1);
    const b = connect().client;
    await b.setModel(model);
    expect(await b.suggest(NEW, { suggesters: ['model'] })).toEqual(
      await a.suggest(NEW, { suggesters: ['model'] }),
    );
    await expect(b.setModel({ ...model!, weights: new Float32Array(3) })).rejects.toThrow(
      'the weights do not fit the classes and bits',
    );
  }, 60_000);
});
