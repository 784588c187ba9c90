import { markPackFresh } from '../../freshness/freshness.js';
import type { StepBody } from '../../pipeline/stepBody.js';
import type { StepDependencies } from '../stepDependencies.js';

/**
 * mark_pack_fresh (step 6): flips the run's pack from warming to fresh with
 * {@link markPackFresh}, which refuses unless steps 3–5 of the run succeeded.
 */
export function markPackFreshStep(_deps: StepDependencies): StepBody {
  return async (ctx) => {
    const packId = await markPackFresh(ctx.db, ctx.runId, ctx.clock.now());
    return { status: 'succeeded', details: { pack_id: packId } };
  };
}
