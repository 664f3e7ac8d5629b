// WRITE_APPEND on the local cloud, whose DTS keeps the documented cut-off per config in its
// most hostile reading (a file counts only when modified after the start of the config's
// previous successful run) and hides new files for a visibility delay. Every partition's
// rows must land exactly once, whatever users do: repeat ticks, late files, files still
// arriving, two runs at once, a renamed table file, a changed destination.
import { rename } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DtsFace } from '../../src/cloud/dts.js';
import { CloudError } from '../../src/cloud/errors.js';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { parseConfigName, runTable } from '../../src/lifecycle/index.js';
import type { LifecycleOptions } from '../../src/lifecycle/types.js';
import { runPipeline } from '../../src/pipeline/run.js';
import {
  csvRows,
  csvTable,
  type Fixture,
  QUICK_TIMING,
  startFixture,
  VISIBILITY_MS,
} from './local-fixture.js';

const AT = '2026-11-21T03:00:00Z';
let fixture: Fixture;
let services: CloudServices;

beforeAll(async () => {
  fixture = await startFixture();
  await fixture.createBucket('lake');
  const { settings } = await fixture.plan({ at: AT });
  services = createCloudServices({ env: fixture.env, settings });
});
afterAll(async () => {
  await services?.close();
  await fixture?.stop();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** DTS calls that started a run on a config already running: the lifecycle must make none. */
function countingRefusals(dts: DtsFace): { dts: DtsFace; refused: () => number } {
  let refused = 0;
  return {
    refused: () => refused,
    dts: {
      ...dts,
      startRun: async (...args) => {
        try {
          return await dts.startRun(...args);
        } catch (error) {
          if (error instanceof CloudError && error.code === 'FAILED_PRECONDITION') refused += 1;
          throw error;
        }
      },
    },
  };
}

async function tick(name: string, extra: Partial<LifecycleOptions> = {}, at = AT) {
  const { planned, settings } = await fixture.plan({ at, only: name });
  return runTable(planned[0]!, {
    services,
    settings,
    timeoutMs: 30_000,
    runLabel: 'append',
    timing: QUICK_TIMING,
    ...extra,
  });
}

async function rows(dataset: string, table: string): Promise<Record<string, number>> {
  const counts = await services.bigquery.partitionRows({
    projectId: services.projectId,
    datasetId: dataset,
    tableId: table,
  });
  return Object.fromEntries([...counts].sort());
}

async function appendConfigsOf(destinationSuffix: string) {
  return (await services.dts.listConfigs()).filter((config) => {
    const mark = parseConfigName(config.displayName);
    return mark?.kind === 'append' && mark.destination.endsWith(destinationSuffix);
  });
}

describe('WRITE_APPEND, one config per partition', () => {
  it('loads every partition whose files exist before the tick exactly once, and a repeated tick adds nothing', async () => {
    await fixture.writeTable(
      'app.a',
      csvTable('s3://lake/app/a', { write_disposition: 'WRITE_APPEND', lookback_days: 3 }),
    );
    for (const [day, count] of [
      ['18', 3],
      ['19', 4],
      ['20', 5],
    ] as const) {
      await fixture.putObject('lake', `app/a/dt=2026-11-${day}/part-0.csv`, csvRows(count));
    }
    await sleep(VISIBILITY_MS);
    const first = await tick('app.a');
    expect(first.status, JSON.stringify(first)).toBe('loaded');
    expect(await rows('app', 'a')).toEqual({ '20261118': 3, '20261119': 4, '20261120': 5 });
    expect(await appendConfigsOf('.app.a')).toHaveLength(3);

    const second = await tick('app.a');
    expect(second.status).toBe('skipped');
    expect(second.partitions.map((p) => p.message)).toEqual(
      second.partitions.map(() =>
        expect.stringMatching(/no new files .* since this partition's last append/),
      ),
    );
    expect(await rows('app', 'a')).toEqual({ '20261118': 3, '20261119': 4, '20261120': 5 });
    expect(await appendConfigsOf('.app.a')).toHaveLength(3);
  });

  it('appends a late file of an older partition once, on the next tick', async () => {
    await fixture.writeTable(
      'app.late',
      csvTable('s3://lake/app/late', { write_disposition: 'WRITE_APPEND', lookback_days: 2 }),
    );
    await fixture.putObject('lake', 'app/late/dt=2026-11-19/part-0.csv', csvRows(2));
    await fixture.putObject('lake', 'app/late/dt=2026-11-20/part-0.csv', csvRows(2));
    await sleep(VISIBILITY_MS);
    expect((await tick('app.late')).status).toBe('loaded');
    // S3 keeps modification times in whole seconds: a late file lands at least a second later.
    await sleep(1_100);
    await fixture.putObject('lake', 'app/late/dt=2026-11-19/part-1.csv', csvRows(7, 100));
    const next = await tick('app.late');
    expect(next.partitions.map((p) => [p.id, p.status])).toEqual([
      ['20261119', 'loaded'],
      ['20261120', 'skipped'],
    ]);
    expect(await rows('app', 'late')).toEqual({ '20261119': 9, '20261120': 2 });
    expect((await tick('app.late')).status).toBe('skipped');
    expect(await rows('app', 'late')).toEqual({ '20261119': 9, '20261120': 2 });
  });

  it('waits for a file younger than the visibility delay, so DTS never leaves it behind its cut-off', async () => {
    await fixture.writeTable(
      'app.young',
      csvTable('s3://lake/app/young', { write_disposition: 'WRITE_APPEND' }),
    );
    await fixture.putObject('lake', 'app/young/dt=2026-11-20/part-0.csv', csvRows(6));
    const progress: string[] = [];
    const result = await tick('app.young', {
      timing: { ...QUICK_TIMING, visibilityDelayMs: 1_500 },
      onEvent: (event) => event.type === 'progress' && progress.push(event.message),
    });
    expect(result.status, JSON.stringify(result)).toBe('loaded');
    expect(progress.join('\n')).toMatch(/20261120: newest file is .* old; waiting until DTS can see it/);
    expect(await rows('app', 'young')).toEqual({ '20261120': 6 });
  });

  it('skips a partition whose files keep arriving, with a warning, and loads it all on a later tick', async () => {
    await fixture.writeTable(
      'app.busy',
      csvTable('s3://lake/app/busy', { write_disposition: 'WRITE_APPEND' }),
    );
    await fixture.putObject('lake', 'app/busy/dt=2026-11-20/part-0.csv', csvRows(2));
    const writer = setInterval(() => {
      void fixture.putObject('lake', `app/busy/dt=2026-11-20/part-${Date.now()}.csv`, csvRows(1, 1000));
    }, 150);
    let skipped: Awaited<ReturnType<typeof tick>>;
    try {
      // S3's whole-second modification times make a new file look up to 1 s older: wait longer than that.
      skipped = await tick('app.busy', {
        timing: { ...QUICK_TIMING, visibilityDelayMs: 1_500, settleTimeoutMs: 2_500 },
      });
    } finally {
      clearInterval(writer);
    }
    expect(skipped.status, JSON.stringify(skipped)).toBe('skipped');
    expect(skipped.warnings?.join()).toMatch(
      /files are still arriving under .*skipped so that DTS appends them all/,
    );
    expect(await appendConfigsOf('.app.busy')).toHaveLength(0);
    await sleep(1_100 + VISIBILITY_MS);
    const later = await tick('app.busy');
    expect(later.status).toBe('loaded');
    const listed = (await services.s3.listPrefix('lake', 'app/busy/dt=2026-11-20/')).count;
    expect(await rows('app', 'busy')).toEqual({ '20261120': 2 + (listed - 1) });
  });
});

describe('WRITE_APPEND under ordinary user actions', () => {
  it('two runs at once on the same table: every partition once, and no run started on a busy config', async () => {
    await fixture.writeTable(
      'app.twice',
      csvTable('s3://lake/app/twice', { write_disposition: 'WRITE_APPEND', lookback_days: 3 }),
    );
    for (const day of ['18', '19', '20'])
      await fixture.putObject('lake', `app/twice/dt=2026-11-${day}/a.csv`, csvRows(10));
    await sleep(VISIBILITY_MS);
    const { planned, settings } = await fixture.plan({ at: AT, only: 'app.twice' });
    const watched = countingRefusals(services.dts);
    const run = () =>
      runPipeline(
        planned,
        settings,
        { timeoutMs: 30_000, dryRun: false, transport: 'grpc', runLabel: 'twice' },
        {
          env: fixture.env,
          signal: new AbortController().signal,
          services: { ...services, dts: watched.dts },
          timing: QUICK_TIMING,
        },
      );
    const [one, two] = await Promise.all([run(), run()]);
    expect([one[0]?.status, two[0]?.status]).not.toContain('failed');
    expect(await rows('app', 'twice')).toEqual({ '20261118': 10, '20261119': 10, '20261120': 10 });
    expect(await appendConfigsOf('.app.twice')).toHaveLength(3);
    expect(watched.refused()).toBe(0);
  });

  it('a renamed table file changes nothing: the same configs, no rows twice', async () => {
    await fixture.writeTable(
      'app.named',
      csvTable('s3://lake/app/named', { write_disposition: 'WRITE_APPEND', lookback_days: 2 }),
    );
    for (const day of ['19', '20'])
      await fixture.putObject('lake', `app/named/dt=2026-11-${day}/a.csv`, csvRows(4));
    await sleep(VISIBILITY_MS);
    expect((await tick('app.named')).status).toBe('loaded');
    const before = (await appendConfigsOf('.app.named')).map((c) => c.name).sort();
    await rename(
      join(fixture.cwd, 'tables', 'app.named.json'),
      join(fixture.cwd, 'tables', 'app.renamed.json'),
    );
    const again = await tick('app.renamed');
    expect(again.status).toBe('skipped');
    expect(await rows('app', 'named')).toEqual({ '20261119': 4, '20261120': 4 });
    expect((await appendConfigsOf('.app.named')).map((c) => c.name).sort()).toEqual(before);
  });

  it('a changed destination gets configs of its own and every row; the old table keeps its own', async () => {
    await fixture.writeTable(
      'app.moved',
      csvTable('s3://lake/app/moved', { write_disposition: 'WRITE_APPEND', lookback_days: 2 }),
    );
    for (const day of ['19', '20'])
      await fixture.putObject('lake', `app/moved/dt=2026-11-${day}/a.csv`, csvRows(3));
    await sleep(VISIBILITY_MS);
    expect((await tick('app.moved')).status).toBe('loaded');
    await fixture.writeTable(
      'app.moved',
      csvTable('s3://lake/app/moved', {
        write_disposition: 'WRITE_APPEND',
        lookback_days: 2,
        table: 'moved_v2',
      }),
    );
    const moved = await tick('app.moved');
    expect(moved.status, JSON.stringify(moved)).toBe('loaded');
    expect(await rows('app', 'moved_v2')).toEqual({ '20261119': 3, '20261120': 3 });
    expect(await rows('app', 'moved')).toEqual({ '20261119': 3, '20261120': 3 });
    expect(await appendConfigsOf('.app.moved_v2')).toHaveLength(2);
    expect(await appendConfigsOf('.app.moved')).toHaveLength(2);
  });
});
