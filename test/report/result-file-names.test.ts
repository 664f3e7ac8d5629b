// The result files of one run land in one artifact folder per job and attempt; their names
// must still never collide: two long table names that differ only at the end, or the same
// job's attempts, each keep a file of their own.
import { describe, expect, it } from 'vitest';
import { resultFileName } from '../../src/action/result-file.js';

describe('result file names', () => {
  it('two valid long names that differ past the readable part map to different files', () => {
    const stem = `warehouse.${'customer_order_line_items_'.repeat(4)}`;
    const a = resultFileName([`${stem}daily`]);
    const b = resultFileName([`${stem}weekly`]);
    expect(a).not.toBe(b);
    for (const name of [a, b]) expect(name.length).toBeLessThan(130);
    expect(a.startsWith(`s3bq-result-${stem}`.slice(0, 60))).toBe(true);
  });

  it('a packed job’s names, in order, and the run attempt are part of the name', () => {
    expect(resultFileName(['a.x', 'b.y'])).not.toBe(resultFileName(['b.y', 'a.x']));
    expect(resultFileName(['a.x'], '1')).not.toBe(resultFileName(['a.x'], '2'));
    expect(resultFileName(['gold.orders'], '3')).toMatch(
      /^s3bq-result-gold\.orders-[0-9a-f]{12}-attempt-3\.json$/,
    );
    // Anything but a number is no attempt: nothing odd reaches a file name.
    expect(resultFileName(['gold.orders'], '../x')).toMatch(/^s3bq-result-gold\.orders-[0-9a-f]{12}\.json$/);
    expect(resultFileName(['raw/x'])).toMatch(/^s3bq-result-raw_x-[0-9a-f]{12}\.json$/);
  });
});
