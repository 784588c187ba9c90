/** `--distributed` / a worker on the embedded PGlite store: only PostgreSQL is shared by processes. */
export class DistributedNeedsPostgresError extends Error {
  constructor(description: string) {
    super(
      `distributed runs and workers need PostgreSQL (DATABASE_URL=postgres://…); ${description} is the embedded single-process database`,
    );
    this.name = 'DistributedNeedsPostgresError';
  }
}
