import { describe, expect, it } from 'vitest';
import { decideRun, tableMessage, tableStatus } from '../../src/lifecycle/decide.js';

const source = 's3://lake/t/dt=2026-11-20/';

describe('decideRun', () => {
  it('skips a SUCCEEDED run whose logs say no new files', () => {
    const messages = [
      {
        text: 'Moving data from Amazon S3 to Google Cloud complete: Moved 0 object(s). No new files found matching s3://…',
      },
    ];
    expect(decideRun({ run: { name: 'r', state: 'SUCCEEDED' }, messages, source }).status).toBe('skipped');
  });

  it('loads a SUCCEEDED run with rows, counting them', () => {
    expect(
      decideRun({ run: { name: 'r', state: 'SUCCEEDED' }, messages: [], rows: 12, source }),
    ).toMatchObject({
      status: 'loaded',
      rows: 12,
    });
  });

  it("fails FAILED and CANCELLED runs with DTS's error text", () => {
    expect(
      decideRun({
        run: { name: 'r', state: 'FAILED', errorMessage: 'Quota exceeded' },
        messages: [],
        source,
      }),
    ).toMatchObject({ status: 'failed', message: 'transfer run FAILED: Quota exceeded' });
    expect(decideRun({ run: { name: 'r', state: 'CANCELLED' }, messages: [], source }).status).toBe('failed');
  });

  it('fails a success it could not verify', () => {
    expect(decideRun({ run: { name: 'r', state: 'SUCCEEDED' }, messages: [], source })).toMatchObject({
      status: 'failed',
      step: 'verify',
    });
  });
});

describe('tableStatus', () => {
  it('fails on any failure, loads on any load, else skips', () => {
    expect(tableStatus([{ status: 'loaded' }, { status: 'failed' }])).toBe('failed');
    expect(tableStatus([{ status: 'loaded' }, { status: 'skipped' }])).toBe('loaded');
    expect(tableStatus([{ status: 'skipped' }])).toBe('skipped');
    expect(tableStatus([])).toBe('skipped');
    expect(
      tableMessage(
        {
          partitions: [
            { id: 'a', source, status: 'loaded' },
            { id: 'b', source, status: 'skipped' },
          ],
        },
        'loaded',
      ),
    ).toBe('skipped (no files): b');
  });
});
