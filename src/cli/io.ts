/** The CLI's output channels, injected so that commands are testable. */
export interface CliIo {
  stdout: (s: string) => void;
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
