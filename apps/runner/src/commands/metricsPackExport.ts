import type { Database } from '@truth-spine/store';
import type { Command } from '../cli/command.js';
import { ExitCode } from '../cli/exitCodes.js';
import type { CliIo } from '../cli/io.js';
import { UsageError } from '../cli/usageError.js';
import { exitThreeWhenBusy, withDatabase } from './dbSession.js';

/** What a per-pack export command supplies: how to read its rows and print them as text. */
export interface PackExportSpec<T> {
  readonly name: string;
  readonly summary: string;
  read(db: Database, packId: string): Promise<T>;
  /** Text lines (each ending in a newline), deterministic for equal exports. */
  text(exported: T): string;
}

/**
 * A `NAME PACK_ID [--json]` command over one pack's stored results: `--json` prints the
 * export as indented JSON (floats as shortest round-trip decimals), otherwise text lines.
 * An unknown pack id exits 1 (a missing record); bad arguments are usage errors (exit 64). Output depends only on the stored rows,
 * so two databases with the same results print the same bytes.
 */
export function packExportCommand<T>(spec: PackExportSpec<T>): Command {
  const usage = `usage: ${spec.name} PACK_ID [--json]`;
  return {
    name: spec.name,
    summary: spec.summary,
    run: (args, io: CliIo) =>
      exitThreeWhenBusy(io, spec.name, async () => {
        const json = args.includes('--json');
        const rest = args.filter((a) => a !== '--json');
        const [packId] = rest;
        if (rest.length !== 1 || packId === undefined || packId.startsWith('-')) {
          throw new UsageError(usage);
        }
        return withDatabase(io, async (db) => {
          const found = await db.query<{ id: string }>('select id from packs where id = $1', [
            packId,
          ]);
          if (found.length === 0) {
            // A missing record, not bad usage: exit 1, the message prefixed once.
            io.stderr(`${spec.name}: no pack ${packId} (runner status shows the latest)\n`);
            return ExitCode.failed;
          }
          const exported = await spec.read(db, packId);
          io.stdout(json ? `${JSON.stringify(exported, null, 2)}\n` : spec.text(exported));
          return ExitCode.ok;
        });
      }),
  };
}

/** A stored number or its absence as text: shortest round-trip decimal, or `null (reason)`. */
export function formatStoredValue(value: number | null, reason: string | null): string {
  return value === null ? `null (${reason ?? 'no value'})` : String(value);
}
