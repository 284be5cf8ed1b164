/**
 * Streams a JSONL file's lines for the CLI: fs read stream chunks go
 * through the shared incremental reader (src/core/jsonl.ts), so memory
 * stays bounded however large the file. Each file is read once, from start
 * to end, so standard input (`-` or /dev/stdin), pipes and FIFOs work. A
 * file the reader refuses (not UTF-8, a line over the limit) stops the read
 * with an InputError naming the file and line.
 */
import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { escapeUnsafe } from '../core/ids.ts';
import { JsonlLineReader, type JsonlLine } from '../core/jsonl.ts';

/** A file that cannot be read on; the message is `FILE:LINE: why`. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
  ) {
    super(`${showPath(file)}:${line}: ${reason}`);
    this.name = 'InputError';
  }
}

/** True for the names of standard input: `-` and /dev/stdin. */
export function isStdin(path: string): boolean {
  return path === '-' || path === '/dev/stdin';
}

/** A path as messages show it: control, bidi and invisible characters escaped. */
export function showPath(path: string): string {
  return path === '-' ? '(standard input)' : escapeUnsafe(path);
}

/**
 * The bytes of `path`. Standard input is read as the process's stream:
 * /dev/stdin cannot be opened when it is a socket (as Node's own child
 * processes get), and a pipe is read without blocking a thread.
 */
export function openInput(path: string): Readable {
  return isStdin(path) ? process.stdin : createReadStream(path, { highWaterMark: 1 << 20 });
}

/**
 * Yields the non-blank lines of `path` with their physical line numbers.
 * Throws InputError when the reader refuses the bytes.
 */
export async function* readJsonlFile(path: string): AsyncGenerator<JsonlLine> {
  const reader = new JsonlLineReader();
  for await (const chunk of openInput(path)) {
    yield* reader.push(chunk as Buffer);
    if (reader.error) throw new InputError(path, reader.error.line, reader.error.message);
  }
  yield* reader.end();
  if (reader.error) throw new InputError(path, reader.error.line, reader.error.message);
}

/** Splits `--flag value` and `--flag=value` options from positional args. */
export function parseArgs(
  args: string[],
  valued: readonly string[],
  flags: readonly string[] = [],
): { positional: string[]; options: Map<string, string>; error: string | null } {
  const positional: string[] = [];
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a.startsWith('-') && a !== '-') {
      const [name, inline] = a.includes('=')
        ? [a.slice(0, a.indexOf('=')), a.slice(a.indexOf('=') + 1)]
        : [a, undefined];
      if (flags.includes(name)) {
        options.set(name, 'true');
      } else if (valued.includes(name)) {
        const value = inline ?? args[++i];
        if (value === undefined) return { positional, options, error: `${name} needs a value` };
        options.set(name, value);
      } else {
        return { positional, options, error: `unknown option ${escapeUnsafe(name)}` };
      }
    } else positional.push(a);
  }
  return { positional, options, error: null };
}
