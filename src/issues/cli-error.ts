/**
 * An expected failure the user can fix (missing folder, bad config, bad argument): printed as one
 * line on stderr, never with a stack trace.
 */
export class CliError extends Error {
  constructor(
    message: string,
    /** 2 = the run could not be done; 1 = `--fail-on` threshold reached. */
    readonly exitCode: 1 | 2 = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
