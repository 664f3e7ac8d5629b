// The runner cancels a step with SIGINT, then SIGTERM 7.5 s later, then kills it 2.5 s
// after that. Both signals abort the lifecycle, whose finally deletes the tick's config;
// whatever a kill interrupts, `post` deletes from the saved state.

export type SignalSource = Pick<NodeJS.Process, 'on' | 'off'>;

/** Aborts `controller` on the first SIGINT or SIGTERM; returns a function that stops listening. */
export function abortOnSignals(
  controller: AbortController,
  log: (message: string) => void,
  source: SignalSource = process,
): () => void {
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) {
      log(`Received ${signal} again: still deleting the transfer configs of this job.`);
      return;
    }
    log(`Received ${signal}: cancelling, then deleting the transfer configs of this job.`);
    controller.abort(new Error(`Cancelled by ${signal}.`));
  };
  source.on('SIGINT', onSignal);
  source.on('SIGTERM', onSignal);
  return () => {
    source.off('SIGINT', onSignal);
    source.off('SIGTERM', onSignal);
  };
}
