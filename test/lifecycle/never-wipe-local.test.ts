// Never wipe a partition by accident: a WRITE_TRUNCATE partition whose files are all empty
// is skipped with a warning and keeps its rows (as a missing file does); a load that leaves
// fewer than half of a partition's rows is loaded, and called out in the warnings that the
// job summary, the run report and the terminal show.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CloudServices, createCloudServices } from '../../src/cloud/index.js';
import { runTable } from '../../src/lifecycle/index.js';
import { renderTextReport } from '../../src/report/index.js';
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
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

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

async function tick(name: string) {
  const { planned, settings } = await fixture.plan({ at: AT, only: name });
  return runTable(planned[0]!, {
    services,
    settings,
    timeoutMs: 30_000,
    runLabel: 'wipe',
    timing: QUICK_TIMING,
  });
}

async function rows(table: string): Promise<number | undefined> {
  const counts = await services.bigquery.partitionRows({
    projectId: services.projectId,
    datasetId: 'keep',
    tableId: table,
  });
  return counts.get('20261120');
}

describe('a WRITE_TRUNCATE partition is never wiped by accident', () => {
  it('only empty files: skipped with a warning, the rows kept', async () => {
    await fixture.writeTable('keep.empty', csvTable('s3://lake/keep/empty'));
    await fixture.putObject('lake', 'keep/empty/dt=2026-11-20/a.csv', csvRows(10));
    await sleep(VISIBILITY_MS);
    expect((await tick('keep.empty')).status).toBe('loaded');
    expect(await rows('empty')).toBe(10);

    await fixture.putObject('lake', 'keep/empty/dt=2026-11-20/a.csv', '');
    await sleep(VISIBILITY_MS);
    const result = await tick('keep.empty');
    expect(result.status).toBe('skipped');
    expect(result.partitions[0]?.message).toMatch(
      /all 1 file\(s\) under .* are empty: skipped, the partition's rows are kept/,
    );
    expect(result.warnings?.join()).toMatch(/20261120: all 1 file\(s\) .* are empty/);
    expect(await rows('empty')).toBe(10);
  });

  it('fewer than half of the rows it had: loaded, and warned in the summary and the report', async () => {
    await fixture.writeTable('keep.shrunk', csvTable('s3://lake/keep/shrunk'));
    await fixture.putObject('lake', 'keep/shrunk/dt=2026-11-20/a.csv', csvRows(10));
    await sleep(VISIBILITY_MS);
    expect((await tick('keep.shrunk')).status).toBe('loaded');

    await fixture.putObject('lake', 'keep/shrunk/dt=2026-11-20/a.csv', csvRows(4));
    await sleep(VISIBILITY_MS);
    const shrunk = await tick('keep.shrunk');
    expect(shrunk.status).toBe('loaded');
    expect(shrunk.partitions[0]).toMatchObject({ rows: 4, rows_before: 10 });
    expect(shrunk.warnings?.join()).toMatch(/20261120: the partition went from 10 to 4 rows/);
    expect(renderTextReport([shrunk], { color: false })).toMatch(/went from 10 to 4 rows/);

    // Half or more is an ordinary reload: no warning.
    await fixture.putObject('lake', 'keep/shrunk/dt=2026-11-20/a.csv', csvRows(3));
    await sleep(VISIBILITY_MS);
    expect((await tick('keep.shrunk')).warnings).toBeUndefined();
  });
});
