// Which step of the lifecycle a failure happened in, carried with the error so the
// partition's message can name it ("start-run: …") without shared mutable state.
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
