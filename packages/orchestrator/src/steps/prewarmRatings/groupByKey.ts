/**
 * `groupByKey` lives in `src/shared/groupByKey.ts` (more than one step uses it); this
 * re-export keeps the path that `steps/evaluateAlerts/gatherNightFacts.ts` imports.
 */
export { groupByKey } from '../../shared/groupByKey.js';
