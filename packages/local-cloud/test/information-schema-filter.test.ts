// INFORMATION_SCHEMA views narrowed by a plain `table_name = …` filter, as BigQuery
// narrows them: which filters narrow (and which must not), and the answers through the
// official client staying those of the whole view.
import { BigQuery } from '@google-cloud/bigquery';
import { PassThroughClient } from 'google-auth-library';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BigQueryEmulator, startBigQueryEmulator } from '../src/bigquery/index.js';
import { tokenize } from '../src/bigquery/sql/lexer.js';
import { readQueryParams } from '../src/bigquery/sql/params.js';
import { filteredTableName } from '../src/bigquery/sql/table-name-filter.js';
import { newState, type TranslateOptions, Translator } from '../src/bigquery/sql/translator.js';
import { FaultRegistry } from '../src/faults.js';

const PROJECT = 'filter-project';
const VIEW = 'filter-project.shop.INFORMATION_SCHEMA.PARTITIONS';

/** The table name the filter narrows `sql`'s first INFORMATION_SCHEMA reference to. */
function narrowedTo(sql: string, parameters: unknown[] = []): string | undefined {
  const tokens = tokenize(sql);
  const options = { sql, params: readQueryParams(parameters) } as unknown as TranslateOptions;
  const translator = new Translator(tokens, options, newState());
  const from = tokens.findIndex((token) => token.kind === 'quoted' && token.value === VIEW);
  const aliasAt = tokens[from + 1]?.kind === 'word' && tokens[from + 1]?.value === 'AS' ? from + 2 : from + 1;
  const alias = tokens[aliasAt]?.kind === 'word' && tokens[aliasAt]?.value === 'P' ? 'p' : undefined;
  return filteredTableName(translator, from, alias ? aliasAt + 1 : from + 1, alias ?? 'PARTITIONS');
}

const stringParam = (name: string, value: string) => ({
  name,
  parameterType: { type: 'STRING' },
  parameterValue: { value },
});

describe('which filters narrow the view', () => {
  it('narrows to a literal or named STRING parameter in a plain AND chain', () => {
    expect(narrowedTo(`SELECT * FROM \`${VIEW}\` WHERE table_name = 'orders'`)).toBe('orders');
    expect(narrowedTo(`SELECT * FROM \`${VIEW}\` WHERE 'orders' = TABLE_NAME`)).toBe('orders');
    expect(
      narrowedTo(`SELECT * FROM \`${VIEW}\` WHERE partition_id > '2' AND table_name = @t ORDER BY 1`, [
        stringParam('t', 'visits'),
      ]),
    ).toBe('visits');
    expect(narrowedTo(`SELECT * FROM \`${VIEW}\` AS p WHERE p.table_name = 'orders'`)).toBe('orders');
  });

  it('reads every table when the filter is not a plain conjunct on the view', () => {
    const unnarrowed = [
      `SELECT * FROM \`${VIEW}\` WHERE table_name = 'orders' OR table_name = 'visits'`,
      `SELECT * FROM \`${VIEW}\` WHERE NOT table_name = 'orders'`,
      `SELECT * FROM \`${VIEW}\` WHERE total_rows BETWEEN 1 AND table_name = 'orders'`,
      `SELECT * FROM \`${VIEW}\` WHERE (table_name = 'orders' OR true)`,
      `SELECT * FROM \`${VIEW}\` WHERE table_name <> 'orders'`,
      `SELECT * FROM \`${VIEW}\` WHERE table_name = b'orders'`,
      `SELECT * FROM \`${VIEW}\` WHERE other.table_name = 'orders'`,
      `SELECT * FROM \`${VIEW}\` JOIN shop.orders ON true WHERE table_name = 'orders'`,
      `SELECT * FROM \`${VIEW}\` WHERE total_rows > 0 UNION ALL SELECT * FROM x WHERE table_name = 'orders'`,
      `SELECT * FROM \`${VIEW}\``,
    ];
    for (const sql of unnarrowed) expect(narrowedTo(sql), sql).toBeUndefined();
    expect(
      narrowedTo(`SELECT * FROM \`${VIEW}\` WHERE table_name = ?`, [
        { parameterType: { type: 'STRING' }, parameterValue: { value: 'orders' } },
      ]),
    ).toBeUndefined();
    expect(
      narrowedTo(`SELECT * FROM \`${VIEW}\` WHERE table_name = @t`, [
        { name: 't', parameterType: { type: 'BYTES' }, parameterValue: { value: 'b3JkZXJz' } },
      ]),
    ).toBeUndefined();
  });
});

describe('answers through the official client', () => {
  let emulator: BigQueryEmulator;
  let bigquery: BigQuery;

  beforeAll(async () => {
    emulator = await startBigQueryEmulator({
      faults: new FaultRegistry(),
      projectId: PROJECT,
      clock: () => new Date('2026-11-21T10:00:00Z'),
    });
    bigquery = new BigQuery({
      apiEndpoint: emulator.url,
      projectId: PROJECT,
      authClient: new PassThroughClient() as never,
    });
    const [shop] = await bigquery.createDataset('shop');
    for (const table of ['orders', 'visits']) {
      await shop.createTable(table, { schema: 'page:string', timePartitioning: { type: 'DAY' } });
      for (const [day, rows] of [
        ['20261119', 'a\n'],
        ['20261120', 'b\nc\n'],
      ] as const) {
        await emulator.warehouse.load({
          projectId: PROJECT,
          datasetId: 'shop',
          tableId: `${table}$${day}`,
          format: 'CSV',
          files: [{ uri: `s3://lake/${table}.csv`, body: Buffer.from(rows) }],
          writeDisposition: 'WRITE_TRUNCATE',
          maxBadRecords: 0,
          ignoreUnknownValues: false,
          csv: {
            fieldDelimiter: ',',
            skipLeadingRows: 0,
            allowQuotedNewlines: false,
            allowJaggedRows: false,
          },
        });
      }
    }
  });
  afterAll(async () => {
    await emulator.stop();
  });

  const rowsOf = async (query: string, params?: Record<string, string>) =>
    (await bigquery.query({ query, ...(params ? { params } : {}) }))[0];

  it('answers a narrowed query as the whole view would', async () => {
    expect(
      await rowsOf(
        `SELECT partition_id, total_rows FROM \`${VIEW}\` WHERE table_name = @t ORDER BY partition_id`,
        { t: 'visits' },
      ),
    ).toEqual([
      { partition_id: '20261119', total_rows: 1 },
      { partition_id: '20261120', total_rows: 2 },
    ]);
    expect(await rowsOf(`SELECT * FROM \`${VIEW}\` WHERE table_name = 'nowhere'`)).toEqual([]);
    expect(
      await rowsOf(
        `SELECT table_name FROM \`${VIEW}\` AS p WHERE p.table_name = 'orders' AND partition_id = '20261120'`,
      ),
    ).toEqual([{ table_name: 'orders' }]);
  });

  it('reads every table when the filter does not narrow it', async () => {
    const rows = await rowsOf(
      `SELECT table_name, count(*) AS n FROM \`${VIEW}\` WHERE table_name = 'orders' OR table_name = 'visits' GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      { table_name: 'orders', n: 2 },
      { table_name: 'visits', n: 2 },
    ]);
    const tables = await rowsOf(
      `SELECT table_name FROM shop.INFORMATION_SCHEMA.TABLES WHERE table_name = 'visits' UNION ALL SELECT table_name FROM shop.INFORMATION_SCHEMA.TABLES WHERE table_name = 'orders'`,
    );
    expect(tables).toEqual(expect.arrayContaining([{ table_name: 'visits' }, { table_name: 'orders' }]));
  });
});
