// Which step of the lifecycle a failure happened in, carried with the error so the
// partition's message can name it ("start-run: …") without shared mutable state.
import { errorText } from './format.js';
import type { Step } from './outcome.js';

export class StepError extends Error {
  override name = 'StepError';
  constructor(
    readonly step: Step,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** Runs `work`, labelling what it throws (an abort included) with `step`, unless already labelled. */
export async function inStep<T>(step: Step, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw error instanceof StepError ? error : new StepError(step, error);
  }
}

/**
 * The step a failure happened in (precheck when unlabelled) and what to say about it: the
 * reason for stopping when the work was cancelled, else the error in words.
 */
export function stepFailure(
  error: unknown,
  cancellation: { signal: AbortSignal; abortMessage(): string },
): { step: Step; message: string } {
  const step = error instanceof StepError ? error.step : 'precheck';
  const cause = error instanceof StepError ? error.cause : error;
  return { step, message: cancellation.signal.aborted ? cancellation.abortMessage() : errorText(cause) };
}
