// run() with @actions/core mocked, as in GitHub's typescript-action template: the inputs,
// outputs, annotations, summary, result file and failure handling, without any cloud.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ResultFile, TableResult } from '../../src/lifecycle/outcome.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

const summary = { addRaw: vi.fn(), write: vi.fn() };
summary.addRaw.mockReturnValue(summary);
summary.write.mockResolvedValue(summary);
const core = {
  getInput: vi.fn<(name: string) => string>(),
  setSecret: vi.fn(),
  setOutput: vi.fn(),
  setFailed: vi.fn(),
  saveState: vi.fn(),
  info: vi.fn(),
  notice: vi.fn(),
  error: vi.fn(),
  warning: vi.fn(),
  summary,
};
vi.mock('@actions/core', () => core);

const loadJob = vi.fn();
vi.mock('../../src/action/load-job.js', () => ({ loadJob }));

const { run } = await import('../../src/action/run.js');

function result(
  name: string,
  status: TableResult['status'],
  partitions: TableResult['partitions'],
): TableResult {
  return {
    name,
    destination: `local-project.gold.${name}`,
    status,
    partitions,
    started_at: '2026-11-21T06:00:00.000Z',
    finished_at: '2026-11-21T06:00:05.000Z',
    duration_ms: 5000,
    message: status === 'failed' ? (partitions.find((p) => p.message)?.message ?? 'failed') : undefined,
  };
}

let resultDir: string;
let inputs: Record<string, string>;

beforeEach(async () => {
  vi.clearAllMocks();
  summary.addRaw.mockReturnValue(summary);
  summary.write.mockResolvedValue(summary);
  resultDir = await mkdtemp(join(tmpdir(), 's3bq-run-test-'));
  inputs = { table: 'orders', at: '2026-11-21T06:00:00Z', 'result-dir': resultDir, timeout: '10m' };
  core.getInput.mockImplementation((name) => inputs[name] ?? '');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET);
  vi.stubEnv('GITHUB_STEP_SUMMARY', join(resultDir, 'summary.md'));
  vi.stubEnv('GITHUB_RUN_ID', '7');
});

afterEach(() => {
  vi.unstubAllEnvs();
});

describe('run()', () => {
  it('masks the secret before reading anything, loads, and sets outputs, notices and the result file', async () => {
    const loaded = result('orders', 'loaded', [
      { id: '20261120', source: 's3://b/orders/dt=2026-11-20/', status: 'loaded', rows: 10 },
      {
        id: '20261119',
        source: 's3://b/orders/dt=2026-11-19/',
        status: 'skipped',
        message: 'No new files found',
      },
    ]);
    loadJob.mockResolvedValue({
      results: [loaded],
      window: { kind: 'tick', at: '2026-11-21T06:00:00Z' },
      settings: { project: 'local-project', location: 'us', maxParallel: 10, timezone: 'UTC' },
      projectId: 'local-project',
    });

    await run();

    expect(core.setSecret).toHaveBeenCalledWith(SECRET);
    expect(core.setSecret.mock.invocationCallOrder[0]).toBeLessThan(
      core.getInput.mock.invocationCallOrder[0] ?? 0,
    );
    const [inputsSeen] = loadJob.mock.calls[0] as [{ tables: string[]; run: { timeoutMs: number } }];
    expect(inputsSeen.tables).toEqual(['orders']);
    expect(inputsSeen.run.timeoutMs).toBe(600_000);
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(core.notice).toHaveBeenCalledWith('Skipped 20261119: No new files found', { title: 'orders' });
    expect(core.error).not.toHaveBeenCalled();
    expect(summary.addRaw).toHaveBeenCalledWith(expect.stringContaining('orders'), true);

    const outputs = Object.fromEntries(core.setOutput.mock.calls as [string, unknown][]);
    expect(outputs).toMatchObject({ status: 'loaded', loaded: 1, skipped: 1, failed: 0 });
    const file = JSON.parse(await readFile(String(outputs['result-file']), 'utf8')) as ResultFile;
    expect(file).toEqual({
      schema_version: 1,
      run: { id: '7' },
      window: { kind: 'tick', at: '2026-11-21T06:00:00Z' },
      tables: [loaded],
    });
  });

  it('fails the job on a failed table, with an error annotation carrying the message and no secret', async () => {
    const failed = result('orders', 'failed', [
      {
        id: '20261120',
        source: 's3://b/orders/dt=2026-11-20/',
        status: 'failed',
        message: `Access Denied (secret_access_key=${SECRET})`,
      },
    ]);
    loadJob.mockResolvedValue({
      results: [failed],
      window: { kind: 'tick', at: '2026-11-21T06:00:00Z' },
      settings: { location: 'us', maxParallel: 10, timezone: 'UTC' },
      projectId: 'local-project',
    });

    await run();

    expect(core.setFailed).toHaveBeenCalledWith(expect.stringMatching(/1 of 1 table\(s\) failed: orders/));
    const [message, properties] = core.error.mock.calls[0] as [string, { title: string }];
    expect(properties).toEqual({ title: 'orders' });
    expect(message).toContain('Access Denied');
    expect(message).not.toContain(SECRET);
    const outputs = Object.fromEntries(core.setOutput.mock.calls as [string, unknown][]);
    const file = await readFile(String(outputs['result-file']), 'utf8');
    expect(String(outputs['result-file']).startsWith(join(resultDir, 's3bq-result-orders-'))).toBe(true);
    expect(file).toContain('Access Denied');
    expect(file).not.toContain(SECRET);
    expect(outputs).toMatchObject({ status: 'failed', failed: 1 });
  });

  it('refuses bad inputs before any cloud call, saying what to fix', async () => {
    inputs = { ...inputs, timeout: 'forever' };
    await run();
    expect(loadJob).not.toHaveBeenCalled();
    expect(core.setFailed).toHaveBeenCalledWith(
      expect.stringMatching(/Input 'timeout' "forever" is not a duration/),
    );
  });

  it('never lets a secret through setFailed', async () => {
    loadJob.mockRejectedValue(new Error(`S3 said no to ${SECRET}`));
    await run();
    expect(core.setFailed).toHaveBeenCalledWith('S3 said no to ***');
  });

  it('still sets outputs and does not fail the job when the summary cannot be written', async () => {
    loadJob.mockResolvedValue({
      results: [result('orders', 'skipped', [{ id: '20261120', source: 's3://b/o/', status: 'skipped' }])],
      window: { kind: 'tick', at: '2026-11-21T06:00:00Z' },
      settings: { location: 'us', maxParallel: 10, timezone: 'UTC' },
      projectId: 'local-project',
    });
    summary.write.mockRejectedValue(new Error('Unable to access summary file'));
    await run();
    expect(core.setFailed).not.toHaveBeenCalled();
    expect(core.warning).toHaveBeenCalledWith(expect.stringContaining('Could not write the job summary'));
    const outputs = Object.fromEntries(core.setOutput.mock.calls as [string, unknown][]);
    expect(outputs).toMatchObject({ status: 'skipped', skipped: 1 });
  });
});
