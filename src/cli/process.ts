/**
 * Runs the CLI as a process (bin/stance.mjs): real standard output and
 * error, and the process-level events a command cannot see. Ctrl+C
 * (SIGINT), `kill` (SIGTERM) and a closed terminal (SIGHUP) remove the
 * command's temporary files (exit-tasks.ts), then the process dies of
 * that very signal, as a tool without handlers would: the shell reports
 * the conventional 128 + signal number (130, 143, 129). (process.exit()
 * would not do: it waits for a read blocked on an idle FIFO.) Writing into a pipe
 * whose reader has gone (`stance convert … | head -1`) ends the process
 * quietly, as a killed-by-SIGPIPE tool does (exit 141), instead of
 * printing an EPIPE stack trace.
 */
import { escapeUnsafe } from '../core/ids.ts';
import { runExitTasks } from './exit-tasks.ts';
import { main } from './main.ts';

const SIGNALS: readonly NodeJS.Signals[] = ['SIGHUP', 'SIGINT', 'SIGTERM'];
const SIGPIPE = 13;

function exitNow(code: number): never {
  runExitTasks();
  process.exit(code);
}

/** Cleans up, then dies of `signal` with its default action. */
function dieOf(signal: NodeJS.Signals): void {
  runExitTasks();
  process.removeAllListeners(signal);
  process.kill(process.pid, signal);
}

function onStreamError(err: NodeJS.ErrnoException): void {
  if (err.code === 'EPIPE') exitNow(128 + SIGPIPE);
  process.stderr.write(`stance: cannot write (${escapeUnsafe(err.code ?? err.message)})\n`);
  exitNow(1);
}

/** Writes `s` to standard output; settles once it is handed to the system. */
function writeStdout(s: string): Promise<void> {
  return new Promise((resolve) => {
    // On EPIPE the callback gets the error; the 'error' listener exits.
    process.stdout.write(s, (err) => {
      if (!err) resolve();
    });
  });
}

/** Runs `stance` with `argv` and sets the exit code. */
export async function runProcess(argv: string[]): Promise<void> {
  for (const signal of SIGNALS) process.on(signal, dieOf);
  process.stdout.on('error', onStreamError);
  process.stderr.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') exitNow(128 + SIGPIPE);
  });
  const code = await main(argv, {
    stdout: writeStdout,
    stderr: (s) => process.stderr.write(s),
  });
  runExitTasks();
  process.exitCode = code;
}
