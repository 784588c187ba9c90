/** @truth-spine/ledger — see SPEC §1 for what belongs here. */
export const packageName = '@truth-spine/ledger';
