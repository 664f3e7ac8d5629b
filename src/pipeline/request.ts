// What both doors (the CLI and the action) ask of the pipeline, already parsed: which
// tables, which window, which settings to override, and how to run.
import type { Transport } from '../cloud/endpoints.js';
import type { WindowRequest } from './inputs.js';

export const DEFAULT_TABLES_DIR = 'tables';
/** The bound on one table's whole lifecycle, hung calls included. */
export const DEFAULT_TIMEOUT = '2h';

export interface PlanRequest {
  /** Folder of the table files, relative to the working directory. */
  tablesDir: string;
  /** Table names to plan; absent means all. */
  only?: string[] | undefined;
  window: WindowRequest;
  /** Win over the environment, which wins over pipeline.json. */
  overrides?: SettingsOverrides | undefined;
}

export interface SettingsOverrides {
  project?: string | undefined;
  location?: string | undefined;
  maxParallel?: number | undefined;
}

export interface RunRequest {
  timeoutMs: number;
  dryRun: boolean;
  transport: Transport;
  /** Names this invocation in config display names, for the janitor. */
  runLabel: string;
}

/**
 * Names a run in the configs it creates: the workflow run and its attempt on GitHub, else
 * the CLI, the instant and the process.
 */
export function runLabelOf(env: NodeJS.ProcessEnv, now: Date, pid: number, door: 'cli' | 'action'): string {
  if (env.GITHUB_RUN_ID) return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  return door === 'action' ? 'action' : `cli-${now.toISOString().replace(/[-:]|\.\d+/g, '')}-${pid}`;
}
