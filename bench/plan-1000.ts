// Validating and planning 1,000 table files: the PR check and every tick do this, so it
// must stay well under a second. Run: node --conditions=source --import tsx bench/plan-1000.ts
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildPlan } from '../src/plan/build.js';
import { loadTableDir } from '../src/tables/load.js';
import type { PipelineSettings } from '../src/tables/types.js';

const ZONES = ['UTC', 'Asia/Seoul', 'America/New_York', 'Europe/London'];

/** A realistic mix: daily Parquet with lookbacks, hourly tables, CSV with a schema. */
function tableFile(i: number): object {
  const common = {
    $schema: '../schema.json',
    source: `s3://demo-lake/warehouse/ds_${i % 40}/table_${i}`,
    timezone: ZONES[i % ZONES.length],
    lookback_days: i % 15,
    labels: { team: `team-${i % 7}` },
    owners: ['data@example.com'],
  };
  if (i % 10 === 0) return { ...common, partitioning: { granularity: 'HOUR', require_filter: true } };
  if (i % 10 === 1) {
    return {
      ...common,
      format: 'CSV',
      partitioning: { field: 'day', layout: 'year={YYYY}/month={MM}/day={DD}' },
      schema: [
        { name: 'day', type: 'DATE', mode: 'REQUIRED' },
        { name: 'id', type: 'STRING' },
        { name: 'amount', type: 'NUMERIC' },
      ],
      csv: { skip_leading_rows: 1 },
    };
  }
  return { ...common, format: 'PARQUET', enabled: i % 50 !== 2 };
}

/** Writes `count` generated table files into `dir` (which must exist). */
export async function writeGeneratedTables(dir: string, count: number): Promise<void> {
  await Promise.all(
    Array.from({ length: count }, (_, i) =>
      writeFile(join(dir, `ds_${i % 40}.table_${i}.json`), JSON.stringify(tableFile(i), null, 2)),
    ),
  );
}

export interface BenchResult {
  /** Wall-clock milliseconds. */
  wallMs: number;
  /** CPU milliseconds of this process (user + system): steadier on a busy machine. */
  cpuMs: number;
}

/** Time to load, validate and plan `count` generated files (files are written before timing). */
export async function benchPlan(count = 1000): Promise<BenchResult> {
  const dir = await mkdtemp(join(tmpdir(), 's3bq-bench-'));
  try {
    await writeGeneratedTables(dir, count);
    const settings: PipelineSettings = { location: 'us', maxParallel: 10, timezone: 'UTC' };
    const started = performance.now();
    const cpuStarted = process.cpuUsage();
    const { tables, diagnostics } = await loadTableDir(dir, settings);
    if (diagnostics.length > 0 || tables.length !== count) {
      throw new Error(
        `bench files should be valid: ${diagnostics.length} diagnostics, ${tables.length} tables`,
      );
    }
    const { plan } = buildPlan({
      tables,
      settings,
      window: { kind: 'tick', at: new Date('2026-11-21T00:30:00Z') },
    });
    const wallMs = performance.now() - started;
    const cpu = process.cpuUsage(cpuStarted);
    if (plan.matrix.include.length > 256) throw new Error('matrix too large');
    return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const runs = [await benchPlan(), await benchPlan(), await benchPlan()];
  const show = (r: BenchResult) => `${r.wallMs.toFixed(0)} ms wall / ${r.cpuMs.toFixed(0)} ms CPU`;
  console.log(`validate + plan 1000 table files (goal < 1000 ms):`);
  console.log(`  cold (first in process): ${show(runs[0]!)}`);
  console.log(`  warm: ${runs.slice(1).map(show).join(', ')}`);
}
