/**
 * A runner process for the kill -9 test: opens DATABASE_URL, starts a run of AS_OF whose
 * build_pack never finishes, prints "running" once the run row exists, and waits to be killed.
 */
import { openDatabase } from '@truth-spine/store';
import { runNightly } from '../src/pipeline/runPipeline.js';
import type { StepBodies, StepBody } from '../src/pipeline/stepBody.js';
import { pipelineSteps } from '../src/pipeline/steps.js';

const db = await openDatabase(process.env['DATABASE_URL']);
const hang: StepBody = () => {
  process.stdout.write('running\n');
  return new Promise(() => undefined);
};
const bodies = Object.fromEntries(pipelineSteps.map((s) => [s, hang])) as unknown as StepBodies;
await runNightly(db, bodies, { asOf: process.env['AS_OF'] ?? '2024-01-02' });
