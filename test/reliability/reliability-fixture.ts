// The local cloud as the reliability suite uses it: a recognisable AWS secret (so every
// scenario can be scanned for leaks), one fresh table per scenario (so ensure-table always
// creates, and scenarios never see each other's rows), cloud faces with short deadlines
// and fast retries whose back-off sleeps are recorded, and the list of tick configs left.

import type { LocalCloudOptions } from '@s3bq/local-cloud';
import { type CloudServices, createCloudServices, type RetryPolicy } from '../../src/cloud/index.js';
import { realSleep } from '../../src/cloud/retry.js';
import { parseConfigName } from '../../src/lifecycle/index.js';
import type { TableResult } from '../../src/lifecycle/outcome.js';
import type { LifecycleOptions } from '../../src/lifecycle/types.js';
import type { PlannedTable } from '../../src/plan/types.js';
import type { PipelineSettings } from '../../src/tables/types.js';
import { assertNoSecret } from '../helpers/secret-scan.js';
import { csvRows, csvTable, type Fixture, QUICK_TIMING, startFixture } from '../lifecycle/local-fixture.js';

/** The AWS secret of every reliability scenario: distinctive, so any leak is found. */
export const RELIABILITY_SECRET = 'reliabilitySecret/Do+Not=Leak/Q9xT7v2026';
export const RELIABILITY_ACCESS_KEY = 'AKIARELIABILITY00001';
/** A tick whose D-1 partition is 2026-11-20. */
export const AT = '2026-11-21T03:00:00Z';
export const PARTITION = '20261120';
export const ROWS = 3;

export async function startReliabilityCloud(options: LocalCloudOptions = {}): Promise<Fixture> {
  const fixture = await startFixture({
    runSeconds: 0.1,
    credentials: [{ accessKeyId: RELIABILITY_ACCESS_KEY, secretAccessKey: RELIABILITY_SECRET }],
    ...options,
  });
  await fixture.createBucket('lake');
  return fixture;
}

export interface Faces {
  services: CloudServices;
  /** Every back-off pause the retry policy took, in ms. */
  sleeps: number[];
}

/** Cloud faces with call deadlines of `callMs` and fast, recorded retries. */
export function facesFor(
  fixture: Fixture,
  settings: PipelineSettings,
  options: { callMs?: number; retry?: Partial<RetryPolicy>; transport?: 'grpc' | 'rest' } = {},
): Faces {
  const sleeps: number[] = [];
  const services = createCloudServices({
    env: fixture.env,
    settings,
    transport: options.transport,
    deadlines: { callMs: options.callMs ?? 400, s3Ms: 2_000, queryMs: options.callMs ?? 2_000 },
    retry: {
      baseDelayMs: 10,
      maxDelayMs: 80,
      ...options.retry,
      sleep: (ms, signal) => {
        sleeps.push(ms);
        return realSleep(ms, signal);
      },
    },
  });
  return { services, sleeps };
}

let counter = 0;

/** A new one-partition CSV table (its own dataset.table and S3 prefix) with ROWS rows. */
export async function freshTable(fixture: Fixture, prefix = 'rel'): Promise<string> {
  counter += 1;
  const name = `${prefix}.t${counter}`;
  await fixture.writeTable(name, csvTable(`s3://lake/${prefix}/t${counter}`));
  await fixture.putObject('lake', `${prefix}/t${counter}/dt=2026-11-20/a.csv`, csvRows(ROWS));
  // Past DTS's visibility delay, which `s3bq run` would wait out.
  await fixture.age();
  return name;
}

export async function plannedTable(
  fixture: Fixture,
  name: string,
): Promise<{ planned: PlannedTable; settings: PipelineSettings }> {
  const { planned, settings } = await fixture.plan({ at: AT, only: name });
  const table = planned[0];
  if (!table) throw new Error(`no plan for ${name}`);
  return { planned: table, settings };
}

/** Short waits so a scenario takes about a second. */
export const FAST_LIFECYCLE: Pick<LifecycleOptions, 'timing' | 'runLabel'> = {
  timing: { ...QUICK_TIMING, poll: { initialMs: 40, factor: 1.5, capMs: 150 }, quotaBackoffMs: 200 },
  runLabel: 'reliability',
};

/** Tick configs (ours, not WRITE_APPEND) in the project: what a scenario must not leave. */
export async function tickConfigsLeft(services: CloudServices): Promise<string[]> {
  return (await services.dts.listConfigs())
    .filter((config) => parseConfigName(config.displayName)?.kind === 'tick')
    .map((config) => `${config.displayName} (${config.name})`);
}

/** The result, its messages and warnings must not carry the AWS secret in any form. */
export function expectNoSecretIn(result: TableResult, extra: Record<string, string> = {}): void {
  assertNoSecret(RELIABILITY_SECRET, {
    result: JSON.stringify(result),
    ...Object.fromEntries(result.partitions.map((p) => [`partition ${p.id}`, p.message ?? ''])),
    ...extra,
  });
}
