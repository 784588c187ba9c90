/**
 * Bad command-line usage or configuration: the message names the argument or setting
 * and is printed as one line on stderr; the process exits with {@link ExitCode.usage}.
 */
export class UsageError extends Error {
  readonly code = 'usage' as const;
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
