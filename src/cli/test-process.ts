/**
 * For tests: runs the real `stance` launcher (bin/stance.mjs) as a child
 * process, so that what only a process has (pipes, FIFOs, signals, exit
 * codes, a closed standard output) is tested for real.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The launcher's path. */
export const STANCE_BIN = fileURLToPath(new URL('../../bin/stance.mjs', import.meta.url));

/** How to start the child: node's own arguments (first), and variables added to the environment. */
export interface SpawnOptions {
  nodeArgs?: readonly string[];
  env?: Record<string, string>;
}

/** Starts `stance ARGS…` with piped standard streams. */
export function spawnStance(
  args: readonly string[],
  options: SpawnOptions = {},
): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, [...(options.nodeArgs ?? []), STANCE_BIN, ...args], {
    stdio: 'pipe',
    env: { ...process.env, ...options.env },
  });
}

/** What a finished child did. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Collects a child's output and waits for it to exit (its streams closed). */
export function finished(child: ChildProcessWithoutNullStreams): Promise<Finished> {
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (s: string) => (out += s));
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, out, err }));
  });
}

/** Runs `stance ARGS…` to the end, with `input` on its standard input. */
export async function runStance(
  args: readonly string[],
  options: SpawnOptions & { input?: string | Uint8Array } = {},
): Promise<Finished> {
  const child = spawnStance(args, options);
  const done = finished(child);
  child.stdin.end(options.input ?? '');
  return done;
}
