/** A failure the CLI reports as one clear message and an exit code (2: bad usage or bad input file). */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 2,
  ) {
    super(message);
    this.name = 'CliError';
  }
}
