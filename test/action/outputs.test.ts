import { describe, expect, it } from 'vitest';
import { annotateResult } from '../../src/action/annotations.js';
import { actionOutputs, worstStatus } from '../../src/action/outputs.js';
import { resultFileName, runInfo } from '../../src/action/result-file.js';
import { ConfigLedger, parseCleanupState, STATE_KEY } from '../../src/action/state.js';
import type { PartitionResult, Status, TableResult } from '../../src/lifecycle/outcome.js';

function table(name: string, status: Status, partitions: Status[], message?: string): TableResult {
  return {
    name,
    destination: `p.d.${name}`,
    status,
    partitions: partitions.map(
      (partitionStatus, index): PartitionResult => ({
        id: `2026112${index}`,
        source: `s3://b/t/dt=2026-11-2${index}/`,
        status: partitionStatus,
        message: partitionStatus === 'skipped' ? 'No new files found' : undefined,
      }),
    ),
    started_at: '2026-11-21T06:00:00Z',
    finished_at: '2026-11-21T06:01:00Z',
    duration_ms: 60_000,
    message,
  };
}

describe('action outputs', () => {
  it('reports the worst status and partition counts', () => {
    const loaded = table('a', 'loaded', ['loaded', 'skipped']);
    const skipped = table('b', 'skipped', ['skipped']);
    const failed = table('c', 'failed', ['failed', 'loaded']);
    expect(worstStatus([loaded])).toBe('loaded');
    expect(worstStatus([loaded, skipped])).toBe('skipped');
    expect(worstStatus([skipped, failed, loaded])).toBe('failed');
    expect(actionOutputs([loaded, skipped, failed])).toEqual({
      status: 'failed',
      loaded: 2,
      skipped: 2,
      failed: 1,
    });
  });

  it('annotates skips as notices and failures as errors with the message, titled by table', () => {
    const calls: [string, string, string][] = [];
    const annotator = {
      notice: (message: string, { title }: { title: string }) => calls.push(['notice', title, message]),
      error: (message: string, { title }: { title: string }) => calls.push(['error', title, message]),
    };
    annotateResult(table('a', 'loaded', ['loaded', 'skipped']), annotator, (text) => text);
    annotateResult(table('c', 'failed', ['failed'], 'Access Denied on bucket b'), annotator, (text) => text);
    expect(calls).toEqual([
      ['notice', 'a', 'Skipped 20261121: No new files found'],
      ['error', 'c', 'Access Denied on bucket b Partitions: 20261120.'],
    ]);
  });

  it('names the result file after its tables and links the workflow run', () => {
    expect(resultFileName(['gold.orders', 'raw/x'])).toMatch(
      /^s3bq-result-gold\.orders\+raw_x-[0-9a-f]{12}\.json$/,
    );
    expect(
      runInfo({
        GITHUB_RUN_ID: '42',
        GITHUB_RUN_ATTEMPT: '2',
        GITHUB_SERVER_URL: 'https://github.com',
        GITHUB_REPOSITORY: 'o/r',
        GITHUB_JOB: 'load',
      }),
    ).toEqual({
      id: '42',
      attempt: '2',
      url: 'https://github.com/o/r/actions/runs/42/attempts/2',
      job: 'load',
    });
    expect(runInfo({})).toBeUndefined();
  });

  it('saves the live configs on every change, for post', () => {
    const saved: [string, string][] = [];
    const ledger = new ConfigLedger({ location: 'us', transport: 'grpc' }, (key, value) =>
      saved.push([key, value]),
    );
    ledger.created('projects/p/locations/us/transferConfigs/1');
    ledger.created('projects/p/locations/us/transferConfigs/2');
    ledger.deleted('projects/p/locations/us/transferConfigs/1');
    expect(saved.every(([key]) => key === STATE_KEY)).toBe(true);
    const last = parseCleanupState(saved.at(-1)?.[1] ?? '');
    expect(last).toEqual({
      configs: ['projects/p/locations/us/transferConfigs/2'],
      project: undefined,
      location: 'us',
      transport: 'grpc',
    });
    expect(parseCleanupState('')).toBeUndefined();
    expect(() => parseCleanupState('{"nope":1}')).toThrow(/not what main wrote/);
  });
});
