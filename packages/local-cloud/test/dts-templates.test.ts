// DTS runtime parameters and wildcard rules, the pure functions behind the local runs.
import { describe, expect, it } from 'vitest';
import { renderRuntimeParams, TemplateError } from '../src/dts/runtime-params.js';
import { DataPathError, fileLimitMessage, parseS3Pattern } from '../src/dts/wildcard.js';

const RUN = new Date('2026-11-21T03:04:05Z');

describe('runtime parameters', () => {
  it.each([
    ['{run_date}', '20261121'],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: DTS template syntax, not a JS template.
    ['t${run_date}', 't$20261121'],
    ['{run_time|"%Y-%m-%d %H:%M:%S"}', '2026-11-21 03:04:05'],
    ['{run_time}', '20261121'],
    ['{run_time-4h|"%Y%m%d%H"}', '2026112023'],
    ['{run_time+1h30m|"%H:%M"}', '04:34'],
    ['{run_time+1.5h|"%H:%M"}', '04:34'],
    ['{run_time-5s|"%S"}', '00'],
    ['{run_time|"%j %y %F"}', '325 26 2026-11-21'],
    ['dt={run_time-24h|"%Y-%m-%d"}/*', 'dt=2026-11-20/*'],
  ])('%s renders as %s', (template, expected) => {
    expect(renderRuntimeParams(template, RUN)).toBe(expected);
  });

  it.each(['{run_time+1d|"%Y"}', '{run_time + 1h}', '{run_tim}', '{run_time+|"%Y"}', '{run_time+30m1h}'])(
    'refuses %s',
    (template) => {
      expect(() => renderRuntimeParams(template, RUN)).toThrow(TemplateError);
    },
  );
});

describe('wildcards', () => {
  it('lets one * span folders', () => {
    const pattern = parseS3Pattern('s3://lake/orders/*.csv');
    expect(pattern).toMatchObject({
      bucket: 'lake',
      listPrefix: 'orders/',
      wildcards: 1,
      fileLimit: 10_000_000,
    });
    expect(pattern.matches('orders/a.csv')).toBe(true);
    expect(pattern.matches('orders/dt=1/deep/a.csv')).toBe(true);
    expect(pattern.matches('orders/a.json')).toBe(false);
  });

  it('keeps each of several * within one segment and lowers the limit', () => {
    const pattern = parseS3Pattern('s3://lake/orders/dt=*/*.csv');
    expect(pattern).toMatchObject({ wildcards: 2, fileLimit: 10_000 });
    expect(fileLimitMessage(pattern)).toBe('Number of files in transfer exceeds limit of 10,000.');
    expect(fileLimitMessage(parseS3Pattern('s3://lake/*'))).toBe(
      'Number of files in transfer exceeds limit of 10,000,000.',
    );
    expect(pattern.matches('orders/dt=1/a.csv')).toBe(true);
    expect(pattern.matches('orders/dt=1/nested/a.csv')).toBe(false);
  });

  it('names a single object without *, so a folder needs a trailing /*', () => {
    const pattern = parseS3Pattern('s3://lake/orders/dt=1/');
    expect(pattern.matches('orders/dt=1/a.csv')).toBe(false);
    expect(parseS3Pattern('s3://lake/orders/dt=1/a.csv').matches('orders/dt=1/a.csv')).toBe(true);
    expect(parseS3Pattern('s3://lake/orders/dt=1/*').matches('orders/dt=1/a.csv')).toBe(true);
  });

  it('takes regex characters literally', () => {
    expect(parseS3Pattern('s3://lake/a+b(1)/*.csv').matches('a+b(1)/x.csv')).toBe(true);
    expect(parseS3Pattern('s3://lake/a.b/*').matches('aXb/x')).toBe(false);
  });

  it.each(['s3://lake*/x', 'gs://lake/x', 's3://lake', 's3://lake/'])('refuses %s', (path) => {
    expect(() => parseS3Pattern(path)).toThrow(DataPathError);
  });
});
