/**
 * What a subcommand of `npm run report` is: report.ts lists them in one table and dispatches. Commands
 * write through `CliIo` rather than `process.stdout`, so tests can run them in-process as well.
 */

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Directory relative file arguments are resolved against (the user's, not npm's; see report.ts). */
  readonly cwd: string;
}

export interface CliCommand {
  /** The word after `report`, e.g. `check`. */
  readonly name: string;
  /** One line for the overview of `report --help`. */
  readonly summary: string;
  /** Usage lines after `npm run --silent report -- `, e.g. `check <草稿文件> [--json]`. */
  readonly usage: readonly string[];
  /** Full help of `report <name> --help`: options, exit codes. */
  readonly help: string;
  /** Returns the exit code (see EXIT). */
  run(args: readonly string[], io: CliIo): Promise<number>;
}

/** Exit codes shared by every command. */
export const EXIT = {
  /** Done; for `check`: no error found (warnings allowed). */
  ok: 0,
  /** `check` found errors. */
  errors: 1,
  /** A file could not be read or written, or the arguments are wrong. */
  failure: 2,
} as const;

export const INVOCATION = 'npm run --silent report --';

/** Wrong arguments: the message goes to stderr with the command's usage, exit 2. */
export class UsageError extends Error {}
