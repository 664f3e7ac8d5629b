import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { analyzeTableText, formatDiagnostic, loadTableDir, loadTableFile } from '../../src/tables/load.js';
import type { PipelineSettings } from '../../src/tables/types.js';

const settings: PipelineSettings = { location: 'us', maxParallel: 10, timezone: 'UTC' };

/** Diagnostics of one file as `line:col: message`. */
function check(text: string, file = 'tables/gold.orders.json', s = settings): string[] {
  return analyzeTableText(text, file, s).diagnostics.map((d) => `${d.line}:${d.column}: ${d.message}`);
}

/** A file from lines, so positions in the expectations are easy to read. */
const lines = (...l: string[]) => l.join('\n');

describe('formatDiagnostic', () => {
  it('prints path:line:col: message', () => {
    expect(formatDiagnostic({ file: 'tables/a.json', line: 3, column: 7, message: 'bad' })).toBe(
      'tables/a.json:3:7: bad',
    );
  });
});

describe('a valid table file', () => {
  it('resolves with every default filled in', () => {
    const { spec, diagnostics } = analyzeTableText(
      '{ "source": "s3://demo-lake/warehouse/gold/orders/" }',
      'tables/gold.orders.json',
      { ...settings, timezone: 'Asia/Seoul' },
    );
    expect(diagnostics).toEqual([]);
    expect(spec).toEqual({
      name: 'gold.orders',
      file: 'tables/gold.orders.json',
      source: {
        bucket: 'demo-lake',
        prefix: 'warehouse/gold/orders',
        uri: 's3://demo-lake/warehouse/gold/orders',
      },
      format: 'PARQUET',
      project: undefined,
      dataset: 'gold',
      table: 'orders',
      partitioning: {
        granularity: 'DAY',
        field: undefined,
        layout: 'dt={date}',
        requireFilter: false,
        expirationDays: undefined,
      },
      lookbackDays: 0,
      timezone: 'Asia/Seoul',
      writeDisposition: 'WRITE_TRUNCATE',
      appendRetentionDays: 30,
      schema: undefined,
      load: {
        maxBadRecords: 0,
        ignoreUnknownValues: false,
        csv: { fieldDelimiter: ',', skipLeadingRows: 0, allowQuotedNewlines: false, allowJaggedRows: false },
      },
      enabled: true,
      description: undefined,
      labels: {},
      owners: [],
    });
  });

  it('keeps what the file says over the defaults', () => {
    const { spec, diagnostics } = analyzeTableText(
      JSON.stringify({
        $schema: '../../tables/schema.json',
        source: 's3://demo-lake/x',
        dataset: 'finance',
        table: 'fx rates',
        format: 'CSV',
        timezone: 'Europe/London',
        lookback_days: 3,
        write_disposition: 'WRITE_APPEND',
        partitioning: {
          granularity: 'HOUR',
          field: 'ts',
          layout: '{YYYY}/{MM}/{DD}/{HH}',
          require_filter: true,
          expiration_days: 7,
        },
        schema: [{ name: 'ts', type: 'TIMESTAMP' }],
        csv: {
          field_delimiter: ';',
          skip_leading_rows: 1,
          allow_quoted_newlines: true,
          allow_jagged_rows: true,
        },
        max_bad_records: 5,
        ignore_unknown_values: true,
        enabled: false,
        labels: { team: 'fin' },
        owners: ['a@example.com'],
      }),
      'finance.fx.json',
      settings,
    );
    expect(diagnostics).toEqual([]);
    expect(spec).toMatchObject({
      dataset: 'finance',
      table: 'fx rates',
      timezone: 'Europe/London',
      lookbackDays: 3,
      writeDisposition: 'WRITE_APPEND',
      partitioning: {
        granularity: 'HOUR',
        field: 'ts',
        layout: '{YYYY}/{MM}/{DD}/{HH}',
        requireFilter: true,
        expirationDays: 7,
      },
      load: {
        maxBadRecords: 5,
        ignoreUnknownValues: true,
        csv: { fieldDelimiter: ';', skipLeadingRows: 1, allowQuotedNewlines: true, allowJaggedRows: true },
      },
      enabled: false,
      labels: { team: 'fin' },
      owners: ['a@example.com'],
    });
  });

  it('uses the HOUR default layout', () => {
    const { spec } = analyzeTableText(
      '{ "source": "s3://demo-lake/raw/clicks", "partitioning": { "granularity": "HOUR" } }',
      'raw.clicks.json',
      settings,
    );
    expect(spec?.partitioning.layout).toBe('dt={date}/hour={H}');
  });

  it('accepts a UTF-8 byte order mark', () => {
    expect(check('\uFEFF{ "source": "s3://demo-lake/gold/orders" }')).toEqual([]);
  });
});

describe('errors point at the offending key or value', () => {
  it('malformed JSON', () => {
    expect(check(lines('{', '  "source": "s3://demo-lake/gold/orders",', '}'))).toEqual([
      '3:1: invalid JSON: expected a quoted key (trailing commas are not allowed in JSON)',
    ]);
    expect(check('[1]')).toEqual([
      '1:1: a table file is one JSON object, e.g. { "source": "s3://bucket/dataset/table" }',
    ]);
  });

  it('unknown keys, with "did you mean" and the Airflow seed mapping', () => {
    expect(
      check(
        lines(
          '{',
          '  "source": "s3://demo-lake/gold/orders",',
          '  "lookback_window_days": 3,',
          '  "src_s3_path": "s3://x/y/z",',
          '  "time_partition_expiration_days": 30,',
          '  "partitioning": { "feild": "dt" },',
          '  "formt": "CSV"',
          '}',
        ),
      ),
    ).toEqual([
      '3:3: unknown key "lookback_window_days" — did you mean "lookback_days"? (the Airflow framework\'s "lookback_window_days" is "lookback_days" here)',
      '4:3: unknown key "src_s3_path" — did you mean "source"? (the Airflow framework\'s "src_s3_path" is "source" here)',
      '5:3: unknown key "time_partition_expiration_days" — this is the Airflow framework\'s key: write it as "expiration_days" inside "partitioning": { … }',
      '6:21: unknown key "feild" in "partitioning" — did you mean "field"?',
      '7:3: unknown key "formt" — did you mean "format"?',
    ]);
  });

  it('every seed key of the Airflow framework gets its new place', () => {
    const seeds = {
      src_s3_path: 'source',
      sink_dataset: 'dataset',
      sink_table: 'table',
      daily_partition_field: '"field" inside "partitioning"',
      require_partition_filter: '"require_filter" inside "partitioning"',
      time_partition_expiration_days: '"expiration_days" inside "partitioning"',
      lookback_window_days: 'lookback_days',
    };
    for (const [old, now] of Object.entries(seeds)) {
      const out = check(JSON.stringify({ source: 's3://demo-lake/gold/orders', [old]: 1 }));
      expect(out).toHaveLength(1);
      expect(out[0]).toContain(now);
    }
  });

  it('duplicate keys', () => {
    expect(
      check(
        lines(
          '{',
          '  "source": "s3://demo-lake/gold/orders",',
          '  "lookback_days": 3,',
          '  "lookback_days": 7',
          '}',
        ),
      ),
    ).toEqual([
      '4:3: duplicate key "lookback_days": JSON keeps only the last one, so remove or merge the others',
    ]);
  });

  it('wrong types, enums and ranges', () => {
    expect(
      check(
        lines(
          '{',
          '  "source": 42,',
          '  "format": "parquet",',
          '  "lookback_days": 400,',
          '  "enabled": "yes",',
          '  "partitioning": { "expiration_days": 0, "granularity": "MINUTE" },',
          '  "max_bad_records": 1.5,',
          '  "schema": []',
          '}',
        ),
      ),
    ).toEqual([
      '2:13: "source" must be a string, not an integer',
      '3:13: "format" is "parquet"; allowed: PARQUET, CSV, JSON, AVRO, ORC — did you mean "PARQUET"?',
      '4:20: "lookback_days" must be at most 366 (it is 400)',
      '5:14: "enabled" must be a boolean, not a string',
      '6:40: "partitioning.expiration_days" must be more than 0 (it is 0)',
      '6:58: "partitioning.granularity" is "MINUTE"; allowed: DAY, HOUR',
      '7:22: "max_bad_records" must be an integer, not a number',
      '8:13: "schema" must have at least 1 item(s)',
    ]);
  });

  it('a missing source', () => {
    expect(check('{ "format": "PARQUET" }')).toEqual(['1:1: missing required key "source"']);
  });

  it('non-s3 sources and invalid buckets', () => {
    expect(check('{ "source": "gs://demo-lake/gold/orders" }')).toEqual([
      '1:13: source must be an s3:// URI, not gs:// (the S3 transfer reads Amazon S3 only)',
    ]);
    expect(check('{ "source": "s3://Demo_Lake/gold/orders" }')[0]).toContain(
      '1:13: invalid S3 bucket name "Demo_Lake": it may contain only lowercase letters',
    );
  });

  it('dataset and table defaults that cannot work, with a hint', () => {
    expect(check('{ "source": "s3://demo-lake/orders" }')).toEqual([
      '1:13: source has fewer than two path segments to name the destination: set "dataset" (and "table")',
    ]);
    expect(check('{ "source": "s3://demo-lake" }')).toEqual([
      '1:13: source has fewer than two path segments to name the destination: set "dataset" (and "table")',
      '1:13: source has no path segment to name the table: set "table"',
    ]);
    expect(check('{ "source": "s3://demo-lake/raw-zone/clicks" }')).toEqual([
      '1:13: the dataset defaults to "raw-zone" (second-to-last segment of source), which must not contain hyphens (BigQuery dataset names allow letters, digits and "_"): set "dataset", e.g. "raw_zone"',
    ]);
    // Given names fix it; hyphens are fine in table names.
    expect(check('{ "source": "s3://demo-lake/raw-zone/click-stream", "dataset": "raw" }')).toEqual([]);
    expect(check('{ "source": "s3://demo-lake", "dataset": "raw", "table": "t" }')).toEqual([]);
    expect(check('{ "source": "s3://demo-lake/a/b.c" }')[0]).toContain('the table defaults to "b.c"');
  });

  it('BigQuery naming of given dataset and table', () => {
    expect(check('{ "source": "s3://demo-lake/a/b", "dataset": "my-ds", "table": "t$1" }')).toEqual([
      '1:46: invalid BigQuery dataset name "my-ds": it must not contain hyphens (BigQuery dataset names allow letters, digits and "_")',
      '1:64: invalid BigQuery table name "t$1": it may contain only letters, marks, digits, connectors such as "_", dashes and spaces (no "$", ".", "/")',
    ]);
  });

  it('unknown time zones', () => {
    expect(check('{ "source": "s3://demo-lake/a/b", "timezone": "Asia/Seol" }')).toEqual([
      '1:47: unknown time zone "Asia/Seol": use an IANA zone name such as "UTC", "Asia/Seoul" or "America/New_York"',
    ]);
    expect(check('{ "source": "s3://demo-lake/a/b", "timezone": "America/New_York" }')).toEqual([]);
  });

  it('layouts missing the tokens their granularity needs', () => {
    expect(
      check(
        '{ "source": "s3://demo-lake/a/b", "partitioning": { "granularity": "HOUR", "layout": "dt={date}" } }',
      ),
    ).toEqual(['1:86: an HOUR table needs the hour in its layout: add {HH} (zero-padded) or {H} (unpadded)']);
    expect(
      check('{ "source": "s3://demo-lake/a/b", "partitioning": { "layout": "dt={YYYY}{MM}" } }'),
    ).toEqual(['1:63: the layout must name the date: use {date} or all of {YYYY}, {MM} and {DD}']);
  });

  it('CSV and JSON need a schema; csv options only for CSV', () => {
    expect(check('{ "source": "s3://demo-lake/a/b", "format": "CSV" }')).toEqual([
      '1:45: a CSV table needs a "schema": BigQuery cannot infer columns from CSV files in a transfer',
    ]);
    expect(check('{ "source": "s3://demo-lake/a/b", "format": "JSON" }')[0]).toContain(
      'a JSON table needs a "schema"',
    );
    expect(check('{ "source": "s3://demo-lake/a/b", "csv": { "skip_leading_rows": 1 } }')).toEqual([
      '1:35: "csv" options apply only to "format": "CSV" (this table is PARQUET)',
    ]);
  });

  it('the partition field must be a DATE/TIMESTAMP/DATETIME column of the schema', () => {
    const file = (field: string) =>
      JSON.stringify({
        source: 's3://demo-lake/a/b',
        partitioning: { field },
        schema: [
          { name: 'day', type: 'DATE' },
          { name: 'n', type: 'INTEGER' },
          { name: 'tags', type: 'DATE', mode: 'REPEATED' },
        ],
      });
    expect(check(file('day'))).toEqual([]);
    expect(check(file('nope'))[0]).toContain(
      'partition field "nope" is not a top-level column of "schema" (columns: day, n, tags)',
    );
    expect(check(file('n'))[0]).toContain(
      'has type INTEGER; BigQuery partitions by a DATE, TIMESTAMP or DATETIME column',
    );
    expect(check(file('tags'))[0]).toContain('must not be REPEATED');
    // Without a schema (PARQUET infers it) the field cannot be checked here.
    expect(check('{ "source": "s3://demo-lake/a/b", "partitioning": { "field": "anything" } }')).toEqual([]);
  });

  it('schema columns: duplicates (case-insensitive) and RECORD fields', () => {
    const out = check(
      JSON.stringify({
        source: 's3://demo-lake/a/b',
        schema: [
          { name: 'id', type: 'STRING' },
          { name: 'ID', type: 'STRING' },
          { name: 'r', type: 'RECORD' },
          { name: 's', type: 'STRING', fields: [{ name: 'x', type: 'STRING' }] },
        ],
      }),
    );
    expect(out.join('\n')).toContain('duplicate column "ID"');
    expect(out.join('\n')).toContain('column "r" of type RECORD needs "fields"');
    expect(out.join('\n')).toContain('only RECORD/STRUCT columns have "fields"');
  });

  it('labels follow BigQuery rules', () => {
    expect(check('{ "source": "s3://demo-lake/a/b", "labels": { "Team": "x" } }')[0]).toContain(
      'label key "Team"',
    );
  });

  it('file names that are not plain', () => {
    expect(check('{ "source": "s3://demo-lake/a/b" }', 'tables/gold orders.json')).toEqual([
      '1:1: the file name "gold orders.json" may use only letters, digits, "_", "-" and "." (it names the table in jobs and logs)',
    ]);
    expect(check('{ "source": "s3://demo-lake/a/b" }', 'tables/a,b.json')).toHaveLength(1);
  });

  it('reports every error of a file at once, in file order', () => {
    const out = check(
      lines(
        '{',
        '  "source": "http://demo-lake/a/b",',
        '  "timezone": "Nowhere",',
        '  "lookback_days": -1,',
        '  "extra": true',
        '}',
      ),
    );
    expect(out.map((o) => o.slice(0, 4))).toEqual(['2:13', '3:15', '4:20', '5:3:']);
  });
});

describe('loadTableDir', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 's3bq-spec-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const put = (name: string, content: unknown) =>
    writeFile(join(dir, name), typeof content === 'string' ? content : JSON.stringify(content, null, 2));

  it('loads every *.json but schema.json, sorted by name; ignores other files and folders', async () => {
    await put('b.two.json', { source: 's3://demo-lake/b/two' });
    await put('a.one.json', { source: 's3://demo-lake/a/one' });
    await put('schema.json', { type: 'object' });
    await put('README.md', '# tables');
    await mkdir(join(dir, 'sub.json'));
    const { tables, diagnostics } = await loadTableDir(dir, settings);
    expect(diagnostics).toEqual([]);
    expect(tables.map((t) => t.name)).toEqual(['a.one', 'b.two']);
    expect(tables[0]?.file).toBe(join(dir, 'a.one.json'));
  });

  it('reports every error of every file at once', async () => {
    await put('a.json', '{ "source": 1 }');
    await put('b.json', '{ "source": "s3://demo-lake/b/b", }');
    await put('c.json', { source: 's3://demo-lake/c/c' });
    const { tables, diagnostics } = await loadTableDir(dir, settings);
    expect(diagnostics.map((d) => d.file)).toEqual([join(dir, 'a.json'), join(dir, 'b.json')]);
    expect(tables.map((t) => t.name)).toEqual(['c']);
  });

  it('reports two files writing the same destination on both', async () => {
    await put('one.json', { source: 's3://demo-lake/gold/orders' });
    await put('two.json', { source: 's3://demo-lake/other', dataset: 'gold', table: 'orders' });
    await put('three.json', { source: 's3://demo-lake/gold/orders_v2' });
    const { tables, diagnostics } = await loadTableDir(dir, settings);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(dir, 'one.json')}:2:13: destination gold.orders is also written by ${join(dir, 'two.json')}: each BigQuery table needs exactly one table file`,
      `${join(dir, 'two.json')}:4:12: destination gold.orders is also written by ${join(dir, 'one.json')}: each BigQuery table needs exactly one table file`,
    ]);
    expect(tables.map((t) => t.name)).toEqual(['three']);
  });

  it('refuses files over 1 MiB without parsing them', async () => {
    await put('big.json', `{ "source": "s3://demo-lake/a/b", "description": "${'x'.repeat(1024 * 1024)}" }`);
    const { diagnostics } = await loadTableDir(dir, settings);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]?.message).toMatch(
      /^the file is \d+ bytes; a table file may be at most 1048576 bytes/,
    );
  });

  it('says what to do when the folder is missing', async () => {
    await expect(loadTableDir(join(dir, 'nope'), settings)).rejects.toThrow(/no tables folder at .*--tables/);
    await put('file.json', '{}');
    await expect(loadTableDir(join(dir, 'file.json'), settings)).rejects.toThrow(/is not a folder/);
  });

  it('reports a link to a folder instead of failing on it', async () => {
    await mkdir(join(dir, 'real'));
    await symlink(join(dir, 'real'), join(dir, 'linked.json'));
    const { diagnostics } = await loadTableDir(dir, settings);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(dir, 'linked.json')}:1:1: not a regular file: a table file is a JSON file`,
    ]);
  });

  it("a number too large for JSON numbers says so in the file's own words", async () => {
    expect(
      check(
        lines(
          '{',
          '  "source": "s3://demo-lake/a/b",',
          '  "lookback_days": 1e400,',
          '  "max_bad_records": -1E400',
          '}',
        ),
      ),
    ).toEqual([
      '3:20: "lookback_days" is 1e400, which is too large to be a number: write a plain number such as 10',
      '4:22: "max_bad_records" is -1E400, which is too far below zero to be a number: write a plain number such as 10',
    ]);
  });

  it('a dangling symlink and a symlink loop are errors of those files; the others still load', async () => {
    await put('a.one.json', { source: 's3://demo-lake/a/one' });
    await symlink('nowhere.json', join(dir, 'dangling.json'));
    await symlink('loop.json', join(dir, 'loop.json'));
    await put('z.last.json', '{ "source": 1 }');
    const { tables, diagnostics } = await loadTableDir(dir, settings);
    expect(tables.map((t) => t.name)).toEqual(['a.one']);
    expect(diagnostics.map(formatDiagnostic)).toEqual([
      `${join(dir, 'dangling.json')}:1:1: a symbolic link to "nowhere.json", which does not exist: fix the link or remove it`,
      `${join(dir, 'loop.json')}:1:1: a symbolic link that leads back to itself (via "loop.json"): fix the link or remove it`,
      `${join(dir, 'z.last.json')}:1:13: "source" must be a string, not an integer`,
    ]);
  });

  it('names the encoding of a UTF-16 or UTF-32 file in one finding instead of one per byte', async () => {
    const text = '{ "source": "s3://demo-lake/a/one" }';
    await writeFile(
      join(dir, 'le.json'),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    await writeFile(join(dir, 'bare.json'), Buffer.from(text, 'utf16le'));
    await writeFile(join(dir, 'be.json'), Buffer.from(text, 'utf16le').swap16());
    await writeFile(join(dir, 'wide.json'), Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]));
    await writeFile(join(dir, 'latin1.json'), Buffer.from('{\n  "description": "caf\u00e9"\n}', 'latin1'));
    await writeFile(join(dir, 'bom8.json'), `\uFEFF${text.replace('one', 'bom')}`);
    const { tables, diagnostics } = await loadTableDir(dir, settings);
    expect(tables.map((t) => t.name)).toEqual(['bom8']);
    expect(
      diagnostics.map((d) => `${d.file.slice(dir.length + 1)}:${d.line}:${d.column}: ${d.message}`),
    ).toEqual([
      expect.stringMatching(
        /^bare\.json:1:1: the file is UTF-16 \(little-endian\); a JSON file must be UTF-8: save it as UTF-8/,
      ),
      expect.stringMatching(/^be\.json:1:1: the file is UTF-16 \(big-endian\); a JSON file must be UTF-8/),
      expect.stringMatching(/^latin1\.json:2:22: the file is not valid UTF-8 here .*Latin-1/),
      expect.stringMatching(/^le\.json:1:1: the file is UTF-16 \(little-endian, with a byte order mark\)/),
      expect.stringMatching(/^wide\.json:1:1: the file is UTF-32 \(little-endian, with a byte order mark\)/),
    ]);
  });

  it('warns, saying what to do, about entries that look like tables but are not read', async () => {
    await put('a.one.json', { source: 's3://demo-lake/a/one' });
    await mkdir(join(dir, 'gold'));
    await put('gold/orders.json', { source: 's3://demo-lake/gold/orders' });
    await put('gold/items.json', { source: 's3://demo-lake/gold/items' });
    await mkdir(join(dir, 'docs'));
    await put('docs/notes.txt', 'no tables here');
    await put('b.two.JSON', { source: 's3://demo-lake/b/two' });
    await put('c.three', { source: 's3://demo-lake/c/three' });
    await put('noext', { source: 's3://demo-lake/d/four' });
    await put('e.five.yaml', 'source: s3://demo-lake/e/five');
    await put('README.md', '# tables');
    await put('.gitkeep', '');
    await put('schema.json', { type: 'object' });
    const { tables, diagnostics, warnings } = await loadTableDir(dir, settings);
    expect(diagnostics).toEqual([]);
    expect(tables.map((t) => t.name)).toEqual(['a.one']);
    expect(warnings.every((w) => w.severity === 'warning' && w.line === 1 && w.column === 1)).toBe(true);
    expect(warnings.map((w) => `${w.file.slice(dir.length + 1)}: ${w.message}`)).toEqual([
      'b.two.JSON: not read: table files end in lowercase ".json"; rename it to "b.two.json"',
      'c.three: not read: only files ending in ".json" are table files; if this is one, rename it to "c.three.json"',
      'e.five.yaml: not read: table files are JSON; write it as "e.five.json"',
      'gold: folder not read: table files live directly in the tables folder, so gold/items.json, gold/orders.json will not load; move each up, e.g. as "gold.items.json"',
      'noext: not read: only files ending in ".json" are table files; if this is one, rename it to "noext.json"',
    ]);
    expect(formatDiagnostic(warnings[0]!)).toBe(
      `${join(dir, 'b.two.JSON')}:1:1: warning: not read: table files end in lowercase ".json"; rename it to "b.two.json"`,
    );
  });

  it('loadTableFile reads one file', async () => {
    await put('gold.orders.json', { source: 's3://demo-lake/gold/orders' });
    const { spec, diagnostics } = await loadTableFile(join(dir, 'gold.orders.json'), settings);
    expect(diagnostics).toEqual([]);
    expect(spec?.name).toBe('gold.orders');
  });
});
