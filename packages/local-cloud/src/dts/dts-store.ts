// The local DTS's state: transfer configs, their runs and each run's log, in memory. The
// RPC handlers and the run executor share it; nothing here talks to S3 or BigQuery.
import type { LogSeverity } from '../log-contract.js';
import type { ConfigName, RunName } from './resource-names.js';

export type RunState = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export const RUN_STATES: readonly RunState[] = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];

export interface StoredConfig {
  name: ConfigName;
  displayName: string;
  dataSourceId: string;
  destinationDatasetId: string;
  /** All params as strings, secrets included (never returned to clients). */
  params: Record<string, string>;
  schedule: string;
  disableAutoScheduling: boolean;
  scheduleOptions: Record<string, unknown> | null;
  disabled: boolean;
  notificationPubsubTopic: string;
  emailPreferences: Record<string, unknown> | null;
  createTime: Date;
  updateTime: Date;
  /** Objects (`key@lastModifiedMs`) loaded by successful WRITE_APPEND runs: never loaded twice. */
  loadedObjects: Set<string>;
  /** Order of creation, for stable listings. */
  sequence: number;
}

export interface TransferLogMessage {
  time: Date;
  severity: LogSeverity;
  text: string;
}

export interface StoredRun {
  name: RunName;
  runTime: Date;
  scheduleTime: Date;
  state: RunState;
  startTime?: Date | undefined;
  endTime?: Date | undefined;
  updateTime: Date;
  errorStatus?: { code: number; message: string } | undefined;
  /** The config's params when the run was started (secrets included, never returned). */
  params: Record<string, string>;
  destinationDatasetId: string;
  dataSourceId: string;
  logs: TransferLogMessage[];
  sequence: number;
}

export class DtsStore {
  private readonly configs = new Map<string, StoredConfig>();
  private readonly runs = new Map<string, Map<string, StoredRun>>();
  private sequence = 0;

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  putConfig(config: StoredConfig): void {
    this.configs.set(config.name.configId, config);
    if (!this.runs.has(config.name.configId)) this.runs.set(config.name.configId, new Map());
  }

  /** A config by id, only if it belongs to this project (configs ids are global in DTS). */
  getConfig(projectId: string, configId: string): StoredConfig | undefined {
    const config = this.configs.get(configId);
    return config && config.name.projectId === projectId ? config : undefined;
  }

  deleteConfig(configId: string): void {
    this.configs.delete(configId);
    this.runs.delete(configId);
  }

  listConfigs(projectId: string, location: string | undefined): StoredConfig[] {
    return [...this.configs.values()]
      .filter(
        (config) => config.name.projectId === projectId && (!location || config.name.location === location),
      )
      .sort((a, b) => a.sequence - b.sequence);
  }

  putRun(run: StoredRun): void {
    this.runs.get(run.name.configId)?.set(run.name.runId, run);
  }

  getRun(configId: string, runId: string): StoredRun | undefined {
    return this.runs.get(configId)?.get(runId);
  }

  deleteRun(configId: string, runId: string): boolean {
    return this.runs.get(configId)?.delete(runId) ?? false;
  }

  /** Newest first, as DTS lists runs. */
  listRuns(configId: string): StoredRun[] {
    return [...(this.runs.get(configId)?.values() ?? [])].sort((a, b) => b.sequence - a.sequence);
  }

  /** The config's most recently updated run, whose state DTS reports as the config's state. */
  latestRun(configId: string): StoredRun | undefined {
    return this.listRuns(configId)[0];
  }

  counts(): { configs: number; runs: Record<RunState, number> } {
    const runs = Object.fromEntries(RUN_STATES.map((state) => [state, 0])) as Record<RunState, number>;
    for (const byId of this.runs.values()) for (const run of byId.values()) runs[run.state] += 1;
    return { configs: this.configs.size, runs };
  }
}
