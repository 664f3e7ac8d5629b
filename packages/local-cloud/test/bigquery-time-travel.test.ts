// Time travel on the local BigQuery, through the official client and an injected clock:
// a deleted table restored by a copy from `table@<ms>` / `table@-<ms>` within its dataset's
// window (maxTimeTravelHours), refused outside it, before the table existed or after it was
// deleted, and gone for good once the window has passed.
import { BigQuery, type Dataset } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';
import { refusal } from './helpers/bigquery-refusal.js';

const PROJECT = 'time-travel-project';
const HOUR = 3_600_000;
let now = Date.parse('2026-11-21T10:00:00Z');
let emulator: BigQueryEmulator;
let bigquery: BigQuery;

beforeAll(async () => {
  emulator = await startBigQueryEmulator({
    faults: new FaultRegistry(),
    projectId: PROJECT,
    clock: () => new Date(now),
  });
  bigquery = new BigQuery({
    apiEndpoint: emulator.url,
    projectId: PROJECT,
    authClient: new PassThroughClient() as never,
  });
});
afterAll(async () => {
  await emulator.stop();
});

/**
 * A table of rows, created now; the clock then moves one hour on. Returns an instant
 * when the table existed (half an hour after its creation).
 */
async function tableWithRows(dataset: Dataset, tableId: string, names = ['Ada', 'Tom']) {
  const [table] = await dataset.createTable(tableId, {
    schema: 'name:string',
    timePartitioning: { type: 'DAY' },
  });
  await table.insert(names.map((name) => ({ name })));
  now += HOUR;
  return { table, aliveAt: now - HOUR / 2 };
}

async function names(dataset: Dataset, tableId: string): Promise<string[]> {
  const [rows] = await dataset.table(tableId).getRows();
  return rows.map((row) => String(row.name)).sort();
}

describe('restoring a deleted table', () => {
  it('copies its rows from table@<ms> and table@-<ms>, schema only (no partitioning)', async () => {
    const [dataset] = await bigquery.createDataset('restore');
    const { aliveAt: beforeDeletion } = await tableWithRows(dataset, 'gone');
    await dataset.table('gone').delete();
    now += HOUR;

    await dataset.table(`gone@${beforeDeletion}`).copy(dataset.table('back'));
    expect(await names(dataset, 'back')).toEqual(['Ada', 'Tom']);
    const [metadata] = await dataset.table('back').getMetadata();
    expect(metadata.timePartitioning).toBeUndefined();

    await dataset.table(`gone@-${HOUR + 60_000}`).copy(dataset.table('back_relative'));
    expect(await names(dataset, 'back_relative')).toEqual(['Ada', 'Tom']);
    // @0, the oldest readable instant, is the table's creation (its rows came in that instant).
    await dataset.table('gone@0').copy(dataset.table('back_oldest'));
    expect(await names(dataset, 'back_oldest')).toEqual(['Ada', 'Tom']);
    expect((await dataset.table('gone').exists())[0]).toBe(false);
  });

  it('reads the incarnation that existed at the instant when a table id was reused', async () => {
    const [dataset] = await bigquery.createDataset('reused');
    const { aliveAt: firstAlive } = await tableWithRows(dataset, 'reused', ['first']);
    await dataset.table('reused').delete();
    now += HOUR;
    const { aliveAt: secondAlive } = await tableWithRows(dataset, 'reused', ['second']);
    await dataset.table('reused').delete();
    now += HOUR;

    await dataset.table(`reused@${firstAlive}`).copy(dataset.table('first'));
    await dataset.table(`reused@${secondAlive}`).copy(dataset.table('second'));
    expect(await names(dataset, 'first')).toEqual(['first']);
    expect(await names(dataset, 'second')).toEqual(['second']);
  });

  it('refuses an instant before the table existed, after its deletion, or in the future', async () => {
    const [dataset] = await bigquery.createDataset('bounds');
    const created = now;
    await tableWithRows(dataset, 'bounded');
    await dataset.table('bounded').delete();
    const deletedAt = now;
    now += HOUR;

    const early = await refusal(dataset.table(`bounded@${created - 1}`).copy(dataset.table('x')));
    expect(early.reason).toBe('invalid');
    expect(early.message).toBe(
      `Invalid snapshot time ${created - 1} for table ${PROJECT}:bounds.bounded@${created - 1}. Cannot read before ${created}.`,
    );
    const late = await refusal(dataset.table(`bounded@${deletedAt}`).copy(dataset.table('x')));
    expect(late.reason).toBe('notFound');
    const future = await refusal(dataset.table(`bounded@${now + HOUR}`).copy(dataset.table('x')));
    expect(future.message).toContain('Cannot read after');
    const malformed = await refusal(dataset.table('bounded@yesterday').copy(dataset.table('x')));
    expect(malformed.message).toContain('Invalid table decorator');
    expect((await dataset.table('x').exists())[0]).toBe(false);
  });

  it("keeps a deleted table only for the dataset's window, then never again", async () => {
    const [dataset] = await bigquery.createDataset('windowed', { maxTimeTravelHours: '48' });
    expect(dataset.metadata.maxTimeTravelHours).toBe('48');
    const { aliveAt: alive } = await tableWithRows(dataset, 'short_lived');
    await dataset.table('short_lived').delete();
    const deletedAt = now;

    now = deletedAt + 47 * HOUR;
    await dataset.table(`short_lived@${alive}`).copy(dataset.table('in_time'));
    expect(await names(dataset, 'in_time')).toEqual(['Ada', 'Tom']);

    now = deletedAt + 48 * HOUR;
    const late = await refusal(dataset.table(`short_lived@${alive}`).copy(dataset.table('too_late')));
    expect(late.message).toContain('Cannot read before');
    // Widening the window afterwards brings nothing back: it was purged.
    await dataset.setMetadata({ maxTimeTravelHours: '168' });
    const purged = await refusal(dataset.table(`short_lived@${alive}`).copy(dataset.table('too_late')));
    expect(purged.reason).toBe('notFound');
  });

  it('keeps an expired table for the window, counted from its expiration', async () => {
    const [dataset] = await bigquery.createDataset('expiring');
    const { table } = await tableWithRows(dataset, 'expires');
    await table.setMetadata({ expirationTime: String(now + HOUR) });
    const alive = now;
    now += 2 * HOUR;
    expect((await dataset.table('expires').exists())[0]).toBe(false);
    await dataset.table(`expires@${alive}`).copy(dataset.table('unexpired'));
    expect(await names(dataset, 'unexpired')).toEqual(['Ada', 'Tom']);
  });

  it('restores a table of a deleted dataset once the dataset is recreated where it was', async () => {
    const [dataset] = await bigquery.createDataset('dropped', { location: 'EU' });
    const { aliveAt: alive } = await tableWithRows(dataset, 'inside');
    await dataset.delete({ force: true });
    now += HOUR;
    const [moved] = await bigquery.createDataset('dropped', { location: 'US' });
    expect((await refusal(moved.table(`inside@${alive}`).copy(moved.table('x')))).reason).toBe('notFound');
    await moved.delete({ force: true });
    const [again] = await bigquery.createDataset('dropped', { location: 'EU' });
    await again.table(`inside@${alive}`).copy(again.table('inside'));
    expect(await names(again, 'inside')).toEqual(['Ada', 'Tom']);
  });
});

describe('partition expiration and time travel', () => {
  it('restores the partitions that had not expired at the instant, and no others', async () => {
    now = Date.parse('2026-12-10T10:00:00Z');
    const [dataset] = await bigquery.createDataset('expiring_partitions');
    const [table] = await dataset.createTable('daily', {
      schema: 'name:string',
      timePartitioning: { type: 'DAY', expirationMs: String(24 * HOUR) },
    });
    await table.insert([{ name: 'old' }]);
    now = Date.parse('2026-12-11T10:00:00Z');
    await table.insert([{ name: 'new' }]);
    const snapshot = Date.parse('2026-12-11T12:00:00Z');
    now = Date.parse('2026-12-11T13:00:00Z');
    await table.delete();
    // The 10th's partition expires at the 12th, 00:00: after the snapshot instant.
    now = Date.parse('2026-12-12T06:00:00Z');
    await dataset.table(`daily@${snapshot}`).copy(dataset.table('restored_daily'));
    expect(await names(dataset, 'restored_daily')).toEqual(['new', 'old']);
  });

  it('refuses an instant before expired rows were dropped from the table', async () => {
    now = Date.parse('2026-12-20T10:00:00Z');
    const [dataset] = await bigquery.createDataset('dropped_partitions');
    const [table] = await dataset.createTable('daily', {
      schema: 'name:string',
      timePartitioning: { type: 'DAY', expirationMs: String(24 * HOUR) },
    });
    await table.insert([{ name: 'old' }]);
    const before = Date.parse('2026-12-21T12:00:00Z');
    now = Date.parse('2026-12-22T06:00:00Z');
    await table.getRows(); // the read drops the expired partition (expired at the 22nd, 00:00)
    await table.delete();
    const error = await refusal(dataset.table(`daily@${before}`).copy(dataset.table('x')));
    expect(error.reason).toBe('notImplemented');
  });
});

describe('what time travel does not do here', () => {
  it('refuses an instant before the deleted table last changed: only its last state is kept', async () => {
    const [dataset] = await bigquery.createDataset('changed');
    const { table, aliveAt } = await tableWithRows(dataset, 'changing');
    await table.insert([{ name: 'Eve' }]);
    const afterInsert = now;
    now += HOUR;
    await table.delete();
    const early = await refusal(dataset.table(`changing@${aliveAt}`).copy(dataset.table('x')));
    expect(early.reason).toBe('notImplemented');
    expect(early.message).toContain('before its last change');
    await dataset.table(`changing@${afterInsert}`).copy(dataset.table('last'));
    expect(await names(dataset, 'last')).toEqual(['Ada', 'Eve', 'Tom']);
  });

  it('refuses a snapshot of a live table at a past instant as not implemented, naming it', async () => {
    const [dataset] = await bigquery.createDataset('live');
    await tableWithRows(dataset, 'still_here');
    const error = await refusal(dataset.table(`still_here@-${60_000}`).copy(dataset.table('x')));
    expect(error.reason).toBe('notImplemented');
    expect(error.message).toContain('snapshots of an existing table at a past instant');
  });

  it('refuses a time-travel window outside 48–168 hours or not a whole number of days', async () => {
    for (const hours of ['24', '60', '192']) {
      const error = await refusal(bigquery.createDataset(`bad_${hours}`, { maxTimeTravelHours: hours }));
      expect(error.message).toContain('maxTimeTravelHours');
    }
    const [plain] = await bigquery.createDataset('plain');
    expect(plain.metadata.maxTimeTravelHours).toBe('168');
  });
});
