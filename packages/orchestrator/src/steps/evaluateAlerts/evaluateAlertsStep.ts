import { DatabaseAlertStore, deliverPending, evaluateAlerts } from '@truth-spine/alerts';
import { loadRun } from '../../pipeline/runStore.js';
import type { StepBody } from '../../pipeline/stepBody.js';
import type { StepDependencies } from '../stepDependencies.js';
import { alertSetup, deliveryOptions } from './alertDelivery.js';
import { deliverySummary } from './deliverySummary.js';
import { gatherNightFacts } from './gatherNightFacts.js';
import { operationalFacts } from './operationalFacts.js';

/**
 * evaluate_alerts (step 7, packages/alerts/docs/ALERTS.md): gathers night D's facts (metrics of
 * the pack, price moves and holdings, regime now vs before, news, and the run's operational
 * facts so far), evaluates the rules of `ALERT_RULES` plus the built-in operational rules
 * with dedupe against the states before D (`evaluateAlerts` on the {@link DatabaseAlertStore}),
 * then delivers every pending (event, channel) pair — tonight's and any left over from
 * earlier passes — on the configured channels (`deliverPending`). Re-running D records and
 * delivers nothing twice. A delivery that fails for good is a dead letter, not a step
 * failure (the night's numbers are fine; the letter can be replayed).
 */
export function evaluateAlertsStep(deps: StepDependencies): StepBody {
  return async (ctx) => {
    const packId = ctx.packId;
    if (packId === null) throw new Error('evaluate_alerts needs the pack built by build_pack');
    const setup = await alertSetup(deps);
    const night = { asOf: ctx.asOf, packId, runId: ctx.runId };
    const metricNames = setup.rules.flatMap((rule) =>
      rule.kind === 'metric' ? [rule.metric] : [],
    );
    const facts = await gatherNightFacts(ctx.db, deps, night, ctx.logger, ctx.signal, metricNames);
    const run = await loadRun(ctx.db.drizzle, ctx.runId);
    const now = ctx.clock.now();
    const operational =
      run === null
        ? undefined
        : await operationalFacts(
            ctx.db,
            run,
            {
              packMinutes: deps.config.packDeadlineMinutes,
              runMinutes: deps.config.runDeadlineMinutes,
            },
            now,
            'during_run',
          );
    const store = new DatabaseAlertStore(ctx.db);
    const evaluation = await evaluateAlerts({
      rules: setup.rules,
      facts: operational === undefined ? facts : { ...facts, operational },
      store,
      now,
    });
    const deliveries = await deliverPending(deliveryOptions(deps, store, setup));
    const details = {
      rules: setup.rules.length,
      conditions: evaluation.conditions.length,
      fired: evaluation.fired.length,
      already_recorded: evaluation.alreadyRecorded.length,
      unknown: evaluation.unknown.length,
      news_gathered: facts.news !== undefined,
      ...deliverySummary(deliveries),
    };
    ctx.logger.info({ step: 'evaluate_alerts', ...details }, 'alerts evaluated and delivered');
    return { status: 'succeeded', details };
  };
}
