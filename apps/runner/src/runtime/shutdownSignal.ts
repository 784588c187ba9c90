/** A shutdown request from the operating system. */
export interface ShutdownSignal {
  /** Aborted (reason: the signal's name) on the first SIGTERM or SIGINT. */
  readonly signal: AbortSignal;
  /** Removes the handlers. */
  dispose(): void;
}

/**
 * Turns SIGTERM/SIGINT into an aborted {@link AbortSignal} for a long-running command
 * (`serve`, `nightly`): pass `signal` to the engine (`PipelineOptions.signal`) so the
 * current step is aborted and the run recorded `interrupted`, resumable. As a last resort
 * the process exits with code 1 `hardExitAfterMs` after the first signal, or at once on a
 * second one, in case something ignores the abort.
 */
export function onShutdownSignal(hardExitAfterMs: number): ShutdownSignal {
  const controller = new AbortController();
  const handler = (name: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(1);
    controller.abort(name);
    setTimeout(() => process.exit(1), hardExitAfterMs).unref();
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGTERM', handler);
      process.off('SIGINT', handler);
    },
  };
}
