// The load test's lake: many small CSV tables on one local cloud, each with a few daily
// partitions, written with bounded concurrency so setup stays quick.

import type { LocalCloudOptions } from '@s3bq/local-cloud';
import pLimit from 'p-limit';
import { csvRows, csvTable, type Fixture, startFixture } from '../lifecycle/local-fixture.js';

export const LOAD_SECRET = 'loadTestSecret/Do+Not=Leak/Z3kQ8w2026';
const LOAD_ACCESS_KEY = 'AKIALOADTEST00000001';
/** Its lookback of 3 days loads 2026-11-18, -19 and -20. */
export const AT = '2026-11-21T03:00:00Z';
export const DAYS = ['2026-11-18', '2026-11-19', '2026-11-20'] as const;
export const ROWS_PER_FILE = 2;

export async function startLoadCloud(options: LocalCloudOptions): Promise<Fixture> {
  return startFixture({
    credentials: [{ accessKeyId: LOAD_ACCESS_KEY, secretAccessKey: LOAD_SECRET }],
    ...options,
  });
}

/** `count` tables `load<group>.t<i>`, each with one CSV file per day of DAYS. */
export async function writeLake(fixture: Fixture, group: string, count: number): Promise<string[]> {
  await fixture.createBucket(group);
  const limit = pLimit(16);
  const names: string[] = [];
  const work: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    const name = `${group}.t${i}`;
    names.push(name);
    work.push(
      limit(() => fixture.writeTable(name, csvTable(`s3://${group}/${group}/t${i}`, { lookback_days: 3 }))),
    );
    for (const day of DAYS) {
      work.push(
        limit(() => fixture.putObject(group, `${group}/t${i}/dt=${day}/part-0.csv`, csvRows(ROWS_PER_FILE))),
      );
    }
  }
  await Promise.all(work);
  // Past DTS's visibility delay, which `s3bq run` would wait out.
  await fixture.age();
  return names;
}
