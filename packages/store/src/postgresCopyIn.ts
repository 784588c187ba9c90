import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { Sql } from 'postgres';

/**
 * Runs `statement` (`COPY … FROM STDIN`) on `client` and streams `chunks` into it (with
 * back-pressure); resolves once the server has accepted every row, rejects with the
 * server's error when it refuses one (a duplicate key, a NULL in a NOT NULL column, a bad
 * value) — so inside `sql.begin` the transaction rolls back.
 *
 * Why not just await the writable's 'finish': postgres.js 3.4.x never settles it when the
 * server rejects the COPY after the last chunk went out (CopyDone sent) — 'finish' waits for
 * a CommandComplete that never comes, and the connection hands the error to the query's
 * `reject`, whose promise has already resolved to the stream. So the query's `reject` is
 * wrapped to surface that error; an error arriving mid-write destroys the stream, which
 * 'error' reports. If `chunks` throws, the stream is destroyed (postgres.js sends
 * CopyFail, the server aborts the COPY) and that error is thrown.
 */
export async function postgresCopyIn(
  client: Sql,
  statement: string,
  chunks: Iterable<string>,
): Promise<void> {
  const query = client.unsafe(statement);
  let serverFailed = false;
  const failure = new Promise<never>((_, reject) => {
    const internals = query as unknown as { reject: (error: unknown) => void };
    const rejectQuery = internals.reject;
    internals.reject = (error) => {
      serverFailed = true;
      reject(error);
      rejectQuery(error);
    };
  });
  failure.catch(() => undefined); // awaited below; before the stream exists writable() rejects
  const stream: Writable = await query.writable();
  const streamFailure = new Promise<never>((_, reject) =>
    stream.on('error', (error) => {
      serverFailed = true;
      reject(error);
    }),
  );
  streamFailure.catch(() => undefined);
  const failed = Promise.race([failure, streamFailure]);
  const finished = new Promise<void>((resolve) => stream.once('finish', resolve));
  try {
    for (const chunk of chunks) {
      if (!stream.write(chunk)) await Promise.race([once(stream, 'drain'), failed]);
    }
    stream.end();
    await Promise.race([finished, failed]);
  } catch (error) {
    // Only while the COPY is still ours: after a server error the connection has moved on,
    // and destroying would send CopyFail into whatever it runs next.
    if (!serverFailed && !stream.destroyed) {
      stream.destroy(error instanceof Error ? error : new Error(String(error)));
    }
    throw error;
  }
}
