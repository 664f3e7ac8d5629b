// The pipeline's input parsers throw InputError; on the command line that is a usage
// mistake (exit 2, printed with the command's usage).
import { UsageError } from './command.js';

/** Runs `parse`, turning the pipeline's InputError into a UsageError. */
export function asUsage<T>(parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Error && error.name === 'InputError') throw new UsageError(error.message);
    throw error;
  }
}
