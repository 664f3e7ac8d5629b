// Words for what went wrong and how long things took, shared by the lifecycle's steps.
import { CloudError } from '../cloud/errors.js';

/** An error as one line a user can act on, naming the service call when it was one. */
export function errorText(error: unknown): string {
  if (error instanceof CloudError)
    return `${error.message} (${error.service} ${error.operation}: ${error.code})`;
  return error instanceof Error ? error.message : String(error);
}

/** `2h`, `45m`, `90s`: a duration the way it is written on the command line. */
export function formatDuration(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000}h`;
  if (ms % 60_000 === 0) return `${ms / 60_000}m`;
  return `${Math.round(ms / 1000)}s`;
}

/** When something ran, as a result records it: ISO start and finish, and the milliseconds between. */
export function timeSpan(
  startedAt: Date,
  finishedAt: Date,
): { started_at: string; finished_at: string; duration_ms: number } {
  return {
    started_at: startedAt.toISOString(),
    finished_at: finishedAt.toISOString(),
    duration_ms: finishedAt.getTime() - startedAt.getTime(),
  };
}
