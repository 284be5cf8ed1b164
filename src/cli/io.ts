/**
 * The CLI's output channels, injected so that commands are testable.
 * `stdout` may return a promise that settles once the text is written
 * (the process waits for a slow reader); await it.
 */
export interface CliIo {
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
}

/** A CLI command: parses its own arguments and returns an exit code. */
export interface CliCommand {
  name: string;
  /** One line for `stance --help`. */
  summary: string;
  /** Full usage text for `stance COMMAND --help`. */
  usage: string;
  run: (args: string[], io: CliIo) => Promise<number>;
}
