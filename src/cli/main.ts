/**
 * The `stance` command-line tool: the app's import, format and agreement
 * code from src/core, for scripts and pipelines. Each command lives in its
 * own module and registers here.
 */
import { actorsCommand } from './actors.ts';
import { agreementCommand } from './agreement.ts';
import { convertCommand } from './convert.ts';
import type { CliCommand, CliIo } from './io.ts';
import { prepareCommand } from './prepare.ts';
import { suggestCommand } from './suggest.ts';
import { validateCommand } from './validate.ts';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  prepareCommand,
  validateCommand,
  convertCommand,
  agreementCommand,
  actorsCommand,
  suggestCommand,
];

function help(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length), 8);
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
export async function main(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.stderr(`stance: unknown command '${name}'\n\n${help()}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${cmd.usage.trimEnd()}\n`);
    return 0;
  }
  try {
    return await cmd.run(rest, io);
  } catch (err) {
    io.stderr(`stance ${name}: ${err instanceof Error ? err.message : String(err)}\n`);
    return 1;
  }
}
