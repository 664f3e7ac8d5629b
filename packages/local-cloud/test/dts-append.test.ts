// DTS's WRITE_APPEND time cut-off through the official client, with the real visibility
// delay (300 s): a run loads only visible files modified after the start of the config's
// previous successful run. Each test below fails on a local cloud that remembers which
// files a config loaded instead: it proves the documented rule and its most hostile
// reading (the previous successful run's start, see src/dts/file-selection.ts).
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { DataTransferServiceClient, protos } from '@google-cloud/bigquery-data-transfer';
import { afterEach, describe, expect, it } from 'vitest';
import { LoadJobError } from '../src/warehouse-contract.js';
import {
  createConfig,
  type Harness,
  loadedUris,
  putFiles,
  runLogs,
  runToEnd,
  startHarness,
  startRun,
  waitForRun,
  waitPastStartOf,
} from './dts-harness.js';

const RUN_TIME = new Date('2026-11-21T06:00:00Z');
const TEN_MINUTES = 600_000;
const APPEND = { write_disposition: 'WRITE_APPEND' };

let h: Harness | undefined;

afterEach(async () => {
  await h?.stop();
  h = undefined;
});

async function put(harness: Harness, bucket: string, key: string): Promise<void> {
  await harness.s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: 'a,b\n5,6\n' }));
}

/** Polls the run until it is RUNNING (its startTime is set then). */
async function waitUntilRunning(
  dts: DataTransferServiceClient,
  runName: string,
): Promise<protos.google.cloud.bigquery.datatransfer.v1.ITransferRun> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const [run] = await dts.getTransferRun({ name: runName });
    if (run.state === 'RUNNING') return run;
    if (run.state !== 'PENDING' || Date.now() > deadline) throw new Error(`Run ${runName} is ${run.state}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('the WRITE_APPEND cut-off', () => {
  it("loads every visible file on a config's first run, then finds no new files", async () => {
    h = await startHarness();
    await putFiles(h.s3, 'shared', ['events/dt=2026-11-20/a.csv', 'events/dt=2026-11-21/b.csv']);
    await h.backdate(TEN_MINUTES);
    const name = await createConfig(h.dts, { ...APPEND, data_path: 's3://shared/events/*' });
    expect((await runToEnd(h.dts, name, RUN_TIME)).state).toBe('SUCCEEDED');
    expect(loadedUris(h.warehouse)).toEqual([
      ['s3://shared/events/dt=2026-11-20/a.csv', 's3://shared/events/dt=2026-11-21/b.csv'],
    ]);
    const second = await runToEnd(h.dts, name, RUN_TIME);
    expect(second.state).toBe('SUCCEEDED');
    expect(h.warehouse.loads).toHaveLength(1);
    expect(await runLogs(h.dts, second.name as string)).toContain(
      'INFO: Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching s3://shared/events/*.',
    );
  });

  it('one config shared by two partitions never loads the older partition (the documented data loss)', async () => {
    h = await startHarness();
    await putFiles(h.s3, 'perday', ['events/dt=2026-11-20/a.csv', 'events/dt=2026-11-21/b.csv']);
    await h.backdate(TEN_MINUTES);
    const name = await createConfig(h.dts, {
      ...APPEND,
      data_path: 's3://perday/events/dt={run_time|"%Y-%m-%d"}/*',
    });
    await runToEnd(h.dts, name, new Date('2026-11-21T00:00:00Z'));
    const older = await runToEnd(h.dts, name, new Date('2026-11-20T00:00:00Z'));
    expect(older.state).toBe('SUCCEEDED');
    expect(loadedUris(h.warehouse)).toEqual([['s3://perday/events/dt=2026-11-21/b.csv']]);
    expect((await runLogs(h.dts, older.name as string)).join('\n')).toContain(
      'No new files found matching s3://perday/events/dt=2026-11-20/*.',
    );
  });

  it("loads a file modified after a successful run's start on the next run, even one that run loaded", async () => {
    // The instant is the subject here, not visibility: files are visible as soon as they
    // land, so the first run's listing (at its end) sees a file written while it runs.
    h = await startHarness({ runSeconds: 3, fileVisibilitySeconds: 0 });
    await putFiles(h.s3, 'during', ['events/a.csv']);
    await h.backdate(TEN_MINUTES);
    const name = await createConfig(h.dts, { ...APPEND, data_path: 's3://during/events/*' });
    const firstName = await startRun(h.dts, name, RUN_TIME);
    await waitPastStartOf(await waitUntilRunning(h.dts, firstName));
    await put(h, 'during', 'events/c.csv');
    expect((await waitForRun(h.dts, firstName)).run.state).toBe('SUCCEEDED');
    await runToEnd(h.dts, name, RUN_TIME);
    expect(loadedUris(h.warehouse)).toEqual([
      ['s3://during/events/a.csv', 's3://during/events/c.csv'],
      ['s3://during/events/c.csv'], // modified after the first run's start: loaded again
    ]);
  });

  it('never loads a file that landed before a run started but was not visible yet', async () => {
    h = await startHarness();
    await putFiles(h.s3, 'late', ['events/old.csv']);
    await h.backdate(TEN_MINUTES);
    await put(h, 'late', 'events/fresh.csv'); // younger than the 5-minute visibility delay
    const name = await createConfig(h.dts, { ...APPEND, data_path: 's3://late/events/*' });
    await runToEnd(h.dts, name, RUN_TIME);
    h.advance(TEN_MINUTES); // fresh.csv is visible from now on
    const second = await runToEnd(h.dts, name, RUN_TIME);
    h.advance(86_400_000);
    await runToEnd(h.dts, name, RUN_TIME);
    expect(loadedUris(h.warehouse)).toEqual([['s3://late/events/old.csv']]);
    expect((await runLogs(h.dts, second.name as string)).join('\n')).toContain('No new files found');
    // The file is there and visible: only the cut-off keeps it out. A new config loads it.
    const fresh = await createConfig(h.dts, { ...APPEND, data_path: 's3://late/events/*' });
    await runToEnd(h.dts, fresh, RUN_TIME);
    expect(loadedUris(h.warehouse, 1)).toEqual([['s3://late/events/fresh.csv', 's3://late/events/old.csv']]);
  });

  it('keeps the cut-off where it was after a FAILED run: its files, landed after the last success, go to the next run', async () => {
    h = await startHarness();
    await putFiles(h.s3, 'retry', ['events/a.csv']);
    await h.backdate(TEN_MINUTES);
    await put(h, 'retry', 'events/behind.csv'); // invisible at the first run: falls behind
    const name = await createConfig(h.dts, { ...APPEND, data_path: 's3://retry/events/*' });
    const first = await runToEnd(h.dts, name, RUN_TIME);
    await waitPastStartOf(first);
    await put(h, 'retry', 'events/b.csv');
    h.advance(TEN_MINUTES);
    h.warehouse.failNext = new LoadJobError('Error while reading data, error message: bad row', 'invalid', 3);
    expect((await runToEnd(h.dts, name, RUN_TIME)).state).toBe('FAILED');
    h.advance(TEN_MINUTES);
    expect((await runToEnd(h.dts, name, RUN_TIME)).state).toBe('SUCCEEDED');
    expect(loadedUris(h.warehouse)).toEqual([
      ['s3://retry/events/a.csv'],
      ['s3://retry/events/b.csv'], // the failed load
      ['s3://retry/events/b.csv'], // the next run: the failed run did not move the cut-off
    ]);
  });

  it('WRITE_TRUNCATE loads every visible matching file on each run', async () => {
    h = await startHarness();
    await putFiles(h.s3, 'full', ['events/a.csv', 'events/b.csv']);
    await h.backdate(TEN_MINUTES);
    await put(h, 'full', 'events/fresh.csv');
    const name = await createConfig(h.dts, {
      data_path: 's3://full/events/*',
      write_disposition: 'WRITE_TRUNCATE',
    });
    await runToEnd(h.dts, name, RUN_TIME);
    await runToEnd(h.dts, name, RUN_TIME);
    h.advance(TEN_MINUTES);
    await runToEnd(h.dts, name, RUN_TIME);
    const visibleAtFirst = ['s3://full/events/a.csv', 's3://full/events/b.csv'];
    expect(loadedUris(h.warehouse)).toEqual([
      visibleAtFirst,
      visibleAtFirst,
      [...visibleAtFirst, 's3://full/events/fresh.csv'].sort(),
    ]);
  });
});
