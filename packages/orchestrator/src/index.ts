/** @truth-spine/orchestrator — see SPEC §1 for what belongs here. */
export const packageName = '@truth-spine/orchestrator';
