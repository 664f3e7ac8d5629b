// The stage for the step-fault suites (step-faults-*.test.ts): one local cloud with a
// clean first table, the lifecycle's eight calls and what each does when it can never
// succeed, and the end states every scenario must reach. The scenarios are split over two
// files so that their waits (call deadlines, table timeouts) run side by side.
import type { FaultService } from '@s3bq/local-cloud';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { cleanupConfigs, runTable } from '../../src/lifecycle/index.js';
import type { Step, TableResult } from '../../src/lifecycle/outcome.js';
import type { PipelineSettings } from '../../src/tables/types.js';
import type { Fixture } from '../lifecycle/local-fixture.js';
import {
  expectNoSecretIn,
  FAST_LIFECYCLE,
  type Faces,
  facesFor,
  freshTable,
  PARTITION,
  plannedTable,
  ROWS,
  startReliabilityCloud,
  tickConfigsLeft,
} from './reliability-fixture.js';

export const GRPC = { UNAVAILABLE: 14, PERMISSION_DENIED: 7, RESOURCE_EXHAUSTED: 8 } as const;
export const QUOTA_MESSAGE = 'Quota exceeded: Your project exceeded quota for imports per project';
/** Bound on one table in the hang-forever scenarios. */
export const TABLE_TIMEOUT_MS = 2_500;

export interface StepCase {
  /** The lifecycle step, as the pipeline names it. */
  step: string;
  service: FaultService;
  method: string;
  /**
   * What a call that can never succeed does to the table. Most steps fail it, naming the
   * step; reading the transfer logs falls back to Cloud Logging and the row count (the
   * table still loads); a failed delete leaves the config to the janitor, with a warning.
   */
  whenBroken: { fails: Step } | 'loads' | 'leaves-config';
}

export const STEPS: StepCase[] = [
  {
    step: 'ensure table (get)',
    service: 'bigquery',
    method: 'tables.get',
    whenBroken: { fails: 'ensure-table' },
  },
  {
    step: 'ensure table (insert)',
    service: 'bigquery',
    method: 'tables.insert',
    whenBroken: { fails: 'ensure-table' },
  },
  {
    step: 'create config',
    service: 'dts',
    method: 'CreateTransferConfig',
    whenBroken: { fails: 'create-config' },
  },
  {
    step: 'start run',
    service: 'dts',
    method: 'StartManualTransferRuns',
    whenBroken: { fails: 'start-run' },
  },
  { step: 'poll', service: 'dts', method: 'GetTransferRun', whenBroken: { fails: 'wait' } },
  { step: 'read logs', service: 'dts', method: 'ListTransferLogs', whenBroken: 'loads' },
  { step: 'verify', service: 'bigquery', method: 'jobs.insert', whenBroken: { fails: 'verify' } },
  { step: 'delete config', service: 'dts', method: 'DeleteTransferConfig', whenBroken: 'leaves-config' },
];

/** What the scenarios share, set up once per file by useStepFaultStage(). */
export interface Stage {
  fixture: Fixture;
  settings: PipelineSettings;
  faces: Faces;
}

/**
 * Starts the local cloud before the file's scenarios, clears faults and leftover configs
 * after each, and stops everything at the end.
 */
export function useStepFaultStage(): Stage {
  const stage = {} as Stage;
  beforeAll(async () => {
    stage.fixture = await startReliabilityCloud();
    // A first, clean table creates the dataset, so later scenarios reach tables.get.
    const name = await freshTable(stage.fixture);
    ({ settings: stage.settings } = await plannedTable(stage.fixture, name));
    stage.faces = facesFor(stage.fixture, stage.settings);
    const warmUp = await loadTable(stage, name, stage.faces);
    expect(warmUp.status, JSON.stringify(warmUp)).toBe('loaded');
  });
  afterEach(async () => {
    stage.fixture.cloud.faults.clear();
    // Whatever a scenario left is removed, so the next one starts from nothing.
    const left = (await stage.faces.services.dts.listConfigs()).map((config) => config.name);
    await cleanupConfigs(stage.faces.services, left);
  });
  afterAll(async () => {
    await stage.faces?.services.close();
    await stage.fixture?.stop();
  });
  return stage;
}

export async function loadTable(
  stage: Stage,
  name: string,
  using: Faces,
  timeoutMs = 20_000,
): Promise<TableResult> {
  const { planned } = await plannedTable(stage.fixture, name);
  return runTable(planned, {
    services: using.services,
    settings: stage.settings,
    timeoutMs,
    ...FAST_LIFECYCLE,
  });
}

export function expectLoaded(result: TableResult): void {
  expect(result.status, JSON.stringify(result)).toBe('loaded');
  expect(result.partitions).toEqual([
    expect.objectContaining({ id: PARTITION, status: 'loaded', rows: ROWS }),
  ]);
}

/** The end state every scenario must reach, broken delete aside. */
export async function expectNothingLeft(stage: Stage, result: TableResult): Promise<void> {
  expect(await tickConfigsLeft(stage.faces.services)).toEqual([]);
  expectNoSecretIn(result);
}

/** After a delete that could not succeed: a warning, the config left, and cleanup removes it. */
export async function expectLeftForJanitor(stage: Stage, result: TableResult): Promise<void> {
  expect(result.warnings?.join('\n')).toMatch(/could not delete transfer config .*s3bq janitor/);
  // The partition's run names its config: projects/…/transferConfigs/ID/runs/RUN.
  const configName = result.partitions[0]?.run_name?.split('/runs/')[0];
  expect(configName).toBeDefined();
  expect(await tickConfigsLeft(stage.faces.services)).toEqual([expect.stringContaining(configName!)]);
  stage.fixture.cloud.faults.clear();
  const outcome = await cleanupConfigs(stage.faces.services, [configName!]);
  expect(outcome.deleted).toEqual([configName]);
  await expectNothingLeft(stage, result);
}

/** The code a fault carries: gRPC for DTS, HTTP for BigQuery and S3. */
export const errorCode = (service: FaultService, grpc: number, http: number) =>
  service === 'dts' ? grpc : http;
