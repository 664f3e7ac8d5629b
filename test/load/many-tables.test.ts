// Load: 500 tables × 3 partitions through `s3bq run --max-parallel 20` on the local cloud,
// with quotas set. Proves: no deadlock (the run finishes inside its budget), transfer runs
// in flight never above the limit (the local DTS's own peak), every table loaded with the
// right rows, no config left, and the secret printed nowhere. A second cloud whose
// concurrent-runs quota is below the parallelism makes runs FAIL on the quota: the
// lifecycle backs off and restarts them until every partition loads.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { createCloudServices } from '../../src/cloud/index.js';
import { parseConfigName } from '../../src/lifecycle/index.js';
import type { ResultFile, TableResult } from '../../src/lifecycle/outcome.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { assertNoSecret } from '../helpers/secret-scan.js';
import { textSink } from '../helpers/text-sink.js';
import type { Fixture } from '../lifecycle/local-fixture.js';
import { AT, DAYS, LOAD_SECRET, ROWS_PER_FILE, startLoadCloud, writeLake } from './load-fixture.js';

const TABLES = 500;
const MAX_PARALLEL = 20;

let fixture: Fixture | undefined;
afterEach(async () => {
  await fixture?.stop();
  fixture = undefined;
});

function expectAllLoaded(tables: readonly TableResult[], names: readonly string[]): void {
  expect(tables.map((t) => t.name).sort()).toEqual([...names].sort());
  const wrong = tables.filter(
    (t) =>
      t.status !== 'loaded' ||
      t.partitions.length !== DAYS.length ||
      t.partitions.some((p) => p.status !== 'loaded' || p.rows !== ROWS_PER_FILE),
  );
  expect(wrong.slice(0, 3), `${wrong.length} table(s) not loaded right`).toEqual([]);
}

async function tickConfigsLeft(f: Fixture): Promise<number> {
  const { settings } = await f.plan({ at: AT, only: 'none.none' }).catch(() => ({
    settings: { project: f.cloud.projectId, location: 'us', maxParallel: 1, timezone: 'UTC' },
  }));
  const services = createCloudServices({ env: f.env, settings });
  try {
    return (await services.dts.listConfigs()).filter((c) => parseConfigName(c.displayName)?.kind === 'tick')
      .length;
  } finally {
    await services.close();
  }
}

describe(`${TABLES} tables × ${DAYS.length} partitions`, () => {
  it(`s3bq run --max-parallel ${MAX_PARALLEL}: no deadlock, runs in flight ≤ ${MAX_PARALLEL}, all loaded`, async () => {
    fixture = await startLoadCloud({
      runSeconds: 0.2,
      // High enough to pass, low enough that a pipeline exceeding its parallelism fails.
      quotas: { concurrentRuns: MAX_PARALLEL, loadJobsPerDay: TABLES * DAYS.length + 100 },
    });
    const names = await writeLake(fixture, 'load', TABLES);
    const stdout = textSink();
    const stderr = textSink();
    const started = Date.now();
    const code = await main(
      [
        'run',
        '--tables',
        'tables',
        '--at',
        AT,
        '--max-parallel',
        String(MAX_PARALLEL),
        '--timeout',
        '3m',
        '--results',
        'results.json',
      ],
      { env: fixture.env, cwd: fixture.cwd, stdout: stdout.stream, stderr: stderr.stream },
    );
    const wallMs = Date.now() - started;
    const stats = fixture.cloud.stats();
    console.log(
      `load: ${TABLES}×${DAYS.length} at --max-parallel ${MAX_PARALLEL}: ${(wallMs / 1000).toFixed(1)} s, ` +
        `peak runs in flight ${stats.peakConcurrentRuns}, load jobs ${stats.loadJobsToday}`,
    );
    expect(code, stderr.text()).toBe(0);
    const results = JSON.parse(await readFile(join(fixture.cwd, 'results.json'), 'utf8')) as ResultFile;
    expectAllLoaded(results.tables, names);
    expect(stats.peakConcurrentRuns).toBeLessThanOrEqual(MAX_PARALLEL);
    // Parallelism was used, not serialised away.
    expect(stats.peakConcurrentRuns).toBeGreaterThanOrEqual(MAX_PARALLEL / 2);
    // One load job per partition: nothing ran twice, nothing failed on the quota.
    expect(stats.loadJobsToday).toBe(TABLES * DAYS.length);
    expect(results.tables.flatMap((t) => t.warnings ?? []).filter((w) => /quota/.test(w))).toEqual([]);
    expect(await tickConfigsLeft(fixture)).toBe(0);
    assertNoSecret(LOAD_SECRET, {
      stdout: stdout.text(),
      stderr: stderr.text(),
      results: JSON.stringify(results),
    });
  });

  it('a concurrent-runs quota below the parallelism: runs back off and every partition loads', async () => {
    const quota = 8;
    const tables = 100;
    fixture = await startLoadCloud({ runSeconds: 0.2, quotas: { concurrentRuns: quota } });
    const names = await writeLake(fixture, 'squeeze', tables);
    const { planned, settings } = await fixture.plan({ at: AT });
    const services = createCloudServices({ env: fixture.env, settings });
    const started = Date.now();
    let results: TableResult[];
    try {
      // In-process rather than through the CLI, to shorten the quota pause (30 s by default).
      results = await runPipeline(
        planned,
        { ...settings, maxParallel: MAX_PARALLEL },
        { timeoutMs: 180_000, dryRun: false, transport: 'grpc', runLabel: 'load-squeeze' },
        { env: fixture.env, signal: new AbortController().signal, services, timing: { quotaBackoffMs: 300 } },
      );
    } finally {
      await services.close();
    }
    const wallMs = Date.now() - started;
    const stats = fixture.cloud.stats();
    const retried = results.flatMap((t) => t.warnings ?? []).filter((w) => /hit a quota/.test(w)).length;
    console.log(
      `squeeze: ${tables}×${DAYS.length}, quota ${quota} < --max-parallel ${MAX_PARALLEL}: ${(wallMs / 1000).toFixed(1)} s, ` +
        `peak ${stats.peakConcurrentRuns}, load jobs ${stats.loadJobsToday}, restarts after quota ${retried}`,
    );
    expect(retried).toBeGreaterThan(0); // the quota was really hit, and runs restarted
    // The process lowers its own limit to the quota (quota-limit.ts): a few restarts, not
    // one or more for most partitions.
    expect(retried).toBeLessThan(tables);
    expect(stats.peakConcurrentRuns).toBeLessThanOrEqual(quota);
    expectAllLoaded(results, names);
    expect(await tickConfigsLeft(fixture)).toBe(0);
  });
});
