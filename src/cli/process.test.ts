// The `stance` process itself (bin/stance.mjs), spawned for real: reading a
// pipe, standard input and a FIFO once; Ctrl+C and kill during `convert -o`;
// a reader that closes the pipe early. Every wait is on an event (exit,
// output, a file appearing), never on a timer.
import { execFileSync, spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { constants as osConstants, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { finished, runStance, spawnStance, STANCE_BIN } from './test-process.ts';

const LINE = JSON.stringify({
  text: 'الانسحاب 👍🏽 ضروري',
  spans: [{ start: 12, end: 17, label: 'pro-withdrawal', text: 'ضروري' }],
  meta: { doc_id: 'd1' },
  _annotator_id: 'omar',
});
const INPUT = `${LINE}\n${LINE.replace('"d1"', '"d2"')}\n`;

// Spawning tsx costs a second or more on a busy machine: generous limits,
// which no verdict depends on.
const SLOW = 120_000;

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stance-process-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** The output `stance convert FILE --to spans` gives for INPUT, from a regular file. */
async function expected(): Promise<string> {
  const file = join(dir, 'in.jsonl');
  await writeFile(file, INPUT);
  const r = await runStance(['convert', file, '--to', 'spans']);
  expect(r.code).toBe(0);
  expect(r.out.split('\n').filter(Boolean)).toHaveLength(2);
  return r.out;
}

describe('stance reads its input once', () => {
  it(
    'converts what a shell pipes into /dev/stdin, and what is written to -',
    async () => {
      const want = await expected();
      // `cat FILE | stance convert /dev/stdin --to spans`, through a real shell pipe.
      const script = 'cat "$1" | "$2" "$3" convert /dev/stdin --to spans';
      const sh = spawn(
        'sh',
        ['-c', script, 'sh', join(dir, 'in.jsonl'), process.execPath, STANCE_BIN],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let out = '';
      let err = '';
      sh.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
      sh.stderr.setEncoding('utf8').on('data', (d: string) => (err += d));
      const code = await new Promise((resolve) => sh.on('close', resolve));
      expect({ code, out, err }).toEqual({ code: 0, out: want, err: '' });

      const r = await runStance(['convert', '-', '--to', 'spans'], { input: INPUT });
      expect(r).toMatchObject({ code: 0, out: want, err: '' });
      const v = await runStance(['validate', '-'], { input: INPUT });
      expect(v).toMatchObject({ code: 0, out: '(standard input): valid spans file, 2 records\n' });
    },
    SLOW,
  );

  it(
    'converts from a FIFO, and from a pipe with a bad line prints nothing',
    async () => {
      const want = await expected();
      const fifo = join(dir, 'in.fifo');
      execFileSync('mkfifo', [fifo]);
      const child = spawnStance(['convert', fifo, '--to', 'spans']);
      const done = finished(child);
      // Opening a FIFO for writing waits for its reader, then the data flows.
      const writer = createWriteStream(fifo);
      writer.end(INPUT);
      expect(await done).toMatchObject({ code: 0, out: want, err: '' });

      const bad = await runStance(['convert', '-', '--to', 'spans'], {
        input: `${INPUT}{"spans":[]}\n`,
      });
      expect(bad).toMatchObject({ code: 1, out: '' });
      expect(bad.err).toContain('(standard input):3: no text');
    },
    SLOW,
  );
});

describe('stance stopped midway', () => {
  // The process cleans up, then dies of the signal itself, as a tool
  // without handlers does: shells report that as 128 + its number.
  for (const [signal, status] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    it(
      `removes the .partial file of convert -o on ${signal} (status ${status})`,
      async () => {
        const fifo = join(dir, 'in.fifo');
        execFileSync('mkfifo', [fifo]);
        const out = join(dir, 'out.jsonl');
        const child = spawnStance(['convert', fifo, '--to', 'spans', '-o', out]);
        const done = finished(child);
        // Give it a first line and keep the FIFO open: the conversion is under way.
        const writer = createWriteStream(fifo);
        writer.write(`${LINE}\n`);
        await vi.waitFor(
          async () => {
            const names = await readdir(dir);
            expect(names.some((n) => n.startsWith('.out.jsonl.') && n.endsWith('.partial'))).toBe(
              true,
            );
          },
          { timeout: SLOW, interval: 50 },
        );
        child.kill(signal);
        const r = await done;
        writer.destroy();
        expect(r).toMatchObject({ code: null, signal, err: '' });
        expect(128 + osConstants.signals[signal]).toBe(status);
        expect((await readdir(dir)).sort()).toEqual(['in.fifo']);
      },
      SLOW,
    );
  }

  it(
    'exits quietly (141, as SIGPIPE) when the reader of its output goes away',
    async () => {
      const file = join(dir, 'in.jsonl');
      // Several megabytes of output: far more than a pipe holds.
      await writeFile(
        file,
        Array.from({ length: 3000 }, (_, i) => LINE.replace('"d1"', `"d${i}"`)).join('\n'),
      );
      // Its own temporary folder, to see the standard-output spool go.
      const temp = join(dir, 'tmp');
      await mkdir(temp);
      const child = spawnStance(['convert', file, '--to', 'spans'], { env: { TMPDIR: temp } });
      let err = '';
      child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
      const exited = new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
      // Read the first chunk, then close our end, as `| head -1` does.
      await new Promise<void>((resolve) =>
        child.stdout.once('data', () => {
          child.stdout.destroy();
          resolve();
        }),
      );
      expect(await exited).toBe(141);
      expect(err).toBe('');
      // (tsx keeps its cache in the same folder.)
      expect((await readdir(temp)).filter((n) => n.startsWith('stance-'))).toEqual([]);
    },
    SLOW,
  );
});
