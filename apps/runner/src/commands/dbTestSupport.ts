import {
  markPackFresh,
  pipelineSteps,
  type StepBodies,
  type StepBody,
} from '@truth-spine/orchestrator';
import { schema } from '@truth-spine/store';
import type { CliIo } from '../cli/io.js';

/**
 * Timeout for tests that start an embedded database: PGlite takes 2–5 s to start on an
 * idle machine but minutes when many suites share two cores.
 */
export const dbTimeoutMs = 300_000;

/** A CliIo that records what a command printed, with the given environment. */
export function recordingIo(
  env: Record<string, string | undefined>,
  cwd = process.cwd(),
): CliIo & { out: () => string; err: () => string } {
  const out: string[] = [];
  const err: string[] = [];
  return {
    env,
    cwd,
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    out: () => out.join(''),
    err: () => err.join(''),
  };
}

/**
 * Fake step bodies for command tests: build_pack writes an empty pack `PK-<date>-v1`,
 * mark_pack_fresh uses the real gate, `overrides` replace single steps.
 */
export function fakeStepBodies(overrides: Partial<Record<string, StepBody>> = {}): StepBodies {
  const defaults: Record<string, StepBody> = {
    build_pack: async (ctx) => {
      const id = `PK-${ctx.asOf}-v1`;
      await ctx.db.drizzle
        .insert(schema.packs)
        .values({
          id,
          asOf: ctx.asOf,
          version: 1,
          sha256: `sha-${ctx.asOf}`,
          priceCount: 0,
          fxCount: 0,
          macroCount: 0,
        })
        .onConflictDoNothing();
      return { status: 'succeeded', packId: id };
    },
    mark_pack_fresh: async (ctx) => {
      await markPackFresh(ctx.db, ctx.runId, ctx.clock.now());
      return { status: 'succeeded' };
    },
  };
  const succeed: StepBody = async () => ({ status: 'succeeded' });
  return Object.fromEntries(
    pipelineSteps.map((s) => [s, overrides[s] ?? defaults[s] ?? succeed]),
  ) as unknown as StepBodies;
}
