/**
 * The `stance` command-line tool: the app's import, format and agreement
 * code from src/core, for scripts and pipelines. Each command lives in its
 * own module and registers here. Messages name what came from files
 * (paths, labels, ids) escaped with src/core/ids.ts, and everything that
 * reaches standard error passes through escapeMessage as well, so no
 * control or bidi character from a file reaches the terminal.
 */
import { actorsCommand } from './actors.ts';
import { describeError } from '../core/errors.ts';
import { escapeUnsafe } from '../core/ids.ts';
import { agreementCommand } from './agreement.ts';
import { convertCommand } from './convert.ts';
import type { CliCommand, CliIo } from './io.ts';
import { prepareCommand } from './prepare.ts';
import { suggestCommand } from './suggest.ts';
import { teamCommand } from './team.ts';
import { validateCommand } from './validate.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  prepareCommand,
  validateCommand,
  convertCommand,
  agreementCommand,
  actorsCommand,
  teamCommand,
  suggestCommand,
];

/**
 * A message for standard error with every control, bidi and invisible
 * character escaped (`\u{202E}`), line ends kept.
 */
export function escapeMessage(s: string): string {
  return s.split('\n').map(escapeUnsafe).join('\n');
}

function help(): string {
  const width = COMMANDS.reduce((w, c) => Math.max(w, c.name.length), 8);
  return [
    'usage: stance COMMAND [ARGS...]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    "Run `stance COMMAND --help` for a command's options.",
    'Offsets everywhere are Unicode code points, as Python str indexes count them.',
    '',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[], rawIo: CliIo): Promise<number> {
  const io: CliIo = { stdout: rawIo.stdout, stderr: (s) => rawIo.stderr(escapeMessage(s)) };
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    await io.stdout(help());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`stance: unknown command '${escapeUnsafe(name)}'\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    await io.stdout(`${cmd.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    io.stderr(`stance ${name}: ${escapeUnsafe(describeError(err))}\n`);
    return 1;
  }
}
