// The action's inputs (action.yml), read once at the door and turned into the pipeline's
// request by the same parsers the CLI uses, so a bad workflow fails before any cloud call
// with a message saying which input to fix.
import {
  parseBoolean,
  parseDuration,
  parseTableNames,
  parseTransport,
  parseWindow,
} from '../pipeline/inputs.js';
import {
  DEFAULT_TABLES_DIR,
  DEFAULT_TIMEOUT,
  type PlanRequest,
  type RunRequest,
} from '../pipeline/request.js';

export interface ActionInputs {
  plan: PlanRequest;
  run: Omit<RunRequest, 'runLabel'>;
  /** The table names this job was handed, in order. */
  tables: string[];
  /** Empty means RUNNER_TEMP, resolved by the caller. */
  resultDir?: string | undefined;
}

/** Reads one input by its action.yml name; `@actions/core`'s getInput in production. */
export type InputReader = (name: string) => string;

/** A lifecycle bound past GitHub's own 6-hour job limit is surely a typo. */
const MAX_TIMEOUT_MS = 6 * 60 * 60 * 1000;

const input = (name: string) => `Input '${name}'`;

function optional(value: string): string | undefined {
  const text = value.trim();
  return text === '' ? undefined : text;
}

/** Throws InputError naming the input to fix. */
export function readInputs(read: InputReader): ActionInputs {
  const tables = parseTableNames(read('table'), input('table'));
  const window = parseWindow({ at: read('at'), from: read('from'), to: read('to') }, input);
  return {
    tables,
    plan: {
      tablesDir: optional(read('tables-dir')) ?? DEFAULT_TABLES_DIR,
      only: tables,
      window,
      overrides: { project: optional(read('project')), location: optional(read('location')) },
    },
    run: {
      timeoutMs: parseDuration(
        optional(read('timeout')) ?? DEFAULT_TIMEOUT,
        input('timeout'),
        MAX_TIMEOUT_MS,
      ),
      transport: parseTransport(read('transport'), input('transport')),
      dryRun: parseBoolean(read('dry-run'), input('dry-run')),
    },
    resultDir: optional(read('result-dir')),
  };
}
