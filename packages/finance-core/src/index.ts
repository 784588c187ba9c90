/** @truth-spine/finance-core — see SPEC §1 for what belongs here. */
export const packageName = '@truth-spine/finance-core';
