// The local DTS's state: transfer configs, their runs and each run's log, the data sources
// each project enrolled, and the runs in flight (PENDING or RUNNING) with their peak, in
// memory. The RPC handlers and the run executor share it; nothing here talks to S3 or
// BigQuery. Run states change only through setRunState, so the in-flight figures hold.
import type { LogSeverity } from '../log-contract.js';
import type { ConfigName, RunName } from './resource-names.js';

export type RunState = 'PENDING' | 'RUNNING' | 'SUCCEEDED' | 'FAILED' | 'CANCELLED';
export const RUN_STATES: readonly RunState[] = ['PENDING', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'];
const IN_FLIGHT: ReadonlySet<RunState> = new Set(['PENDING', 'RUNNING']);

const isInFlight = (run: StoredRun): boolean => IN_FLIGHT.has(run.state);

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
  /**
   * The start time of the config's latest SUCCEEDED run: WRITE_APPEND runs load only files
   * modified after it (see run-executor.ts). Undefined until a run succeeds; deleting runs
   * does not move it back.
   */
  lastSuccessfulRunStart?: Date | undefined;
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
  private readonly inFlight = new Set<StoredRun>();
  private peakInFlight = 0;
  private readonly enrolled = new Map<string, Set<string>>();
  private sequence = 0;

  nextSequence(): number {
    this.sequence += 1;
    return this.sequence;
  }

  /** Makes every config look untouched for `ageMs` more (time passing, for tests). */
  ageConfigs(ageMs: number): number {
    for (const config of this.configs.values())
      config.updateTime = new Date(config.updateTime.getTime() - ageMs);
    return this.configs.size;
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
    for (const run of this.runs.get(configId)?.values() ?? []) this.inFlight.delete(run);
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
    const byId = this.runs.get(run.name.configId);
    if (!byId) return;
    byId.set(run.name.runId, run);
    this.trackInFlight(run);
  }

  /** Moves a run to a new state; the one way states change, so in-flight counts stay true. */
  setRunState(run: StoredRun, state: RunState, now: Date): void {
    run.state = state;
    run.updateTime = now;
    if (this.getRun(run.name.configId, run.name.runId) === run) this.trackInFlight(run);
  }

  private trackInFlight(run: StoredRun): void {
    if (!isInFlight(run)) {
      this.inFlight.delete(run);
      return;
    }
    this.inFlight.add(run);
    this.peakInFlight = Math.max(this.peakInFlight, this.inFlight.size);
  }

  /** The config's runs that are PENDING or RUNNING, oldest first. */
  runsInFlight(configId: string): StoredRun[] {
    return this.listRuns(configId).filter(isInFlight).reverse();
  }

  getRun(configId: string, runId: string): StoredRun | undefined {
    return this.runs.get(configId)?.get(runId);
  }

  deleteRun(configId: string, runId: string): boolean {
    const run = this.getRun(configId, runId);
    if (run) this.inFlight.delete(run);
    return this.runs.get(configId)?.delete(runId) ?? false;
  }

  enroll(projectId: string, dataSourceIds: string[]): void {
    const set = this.enrolled.get(projectId) ?? new Set<string>();
    for (const id of dataSourceIds) set.add(id);
    this.enrolled.set(projectId, set);
  }

  unenroll(projectId: string, dataSourceIds: string[]): void {
    for (const id of dataSourceIds) this.enrolled.get(projectId)?.delete(id);
  }

  enrolledDataSources(projectId: string): string[] {
    return [...(this.enrolled.get(projectId) ?? [])].sort();
  }

  /** Newest first, as DTS lists runs. */
  listRuns(configId: string): StoredRun[] {
    return [...(this.runs.get(configId)?.values() ?? [])].sort((a, b) => b.sequence - a.sequence);
  }

  /** The config's most recently updated run, whose state DTS reports as the config's state. */
  latestRun(configId: string): StoredRun | undefined {
    return this.listRuns(configId)[0];
  }

  counts(): {
    configs: number;
    runs: Record<RunState, number>;
    inFlightRuns: number;
    peakInFlightRuns: number;
  } {
    const runs = Object.fromEntries(RUN_STATES.map((state) => [state, 0])) as Record<RunState, number>;
    for (const byId of this.runs.values()) for (const run of byId.values()) runs[run.state] += 1;
    return {
      configs: this.configs.size,
      runs,
      inFlightRuns: this.inFlight.size,
      peakInFlightRuns: this.peakInFlight,
    };
  }
}
