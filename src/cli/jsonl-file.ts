/**
 * Streams a JSONL file's lines for the CLI: fs read stream chunks go
 * through the shared incremental reader (src/core/jsonl.ts), so memory
 * stays bounded however large the file.
 */
import { createReadStream } from 'node:fs';
import { JsonlLineReader, type JsonlLine } from '../core/jsonl.ts';

/** Yields the non-blank lines of `path` with their physical line numbers. */
export async function* readJsonlFile(path: string): AsyncGenerator<JsonlLine> {
  const reader = new JsonlLineReader();
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    yield* reader.push(chunk as Buffer);
  }
  yield* reader.end();
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
        return { positional, options, error: `unknown option ${name}` };
      }
    } else positional.push(a);
  }
  return { positional, options, error: null };
}
