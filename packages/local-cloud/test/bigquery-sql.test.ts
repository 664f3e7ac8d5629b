// The GoogleSQL → engine translation, piece by piece: GoogleSQL's lexical forms, table
// names resolved through the catalog, parameters, pseudo-columns hidden from SELECT *,
// output column names, and the functions whose engine spelling or meaning differs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlEngine } from '../src/bigquery/engine/sql-engine.js';
import { TableStorage } from '../src/bigquery/engine/table-storage.js';
import { tokenize } from '../src/bigquery/sql/lexer.js';
import { readQueryParams } from '../src/bigquery/sql/params.js';
import { translate } from '../src/bigquery/sql/translate.js';
import { Store } from '../src/bigquery/store.js';

const clock = () => new Date('2026-11-21T10:00:00Z');
let engine: SqlEngine;
let store: Store;
let orders = '';
let visits = '';

const params = readQueryParams([
  { name: 'Day', parameterType: { type: 'DATE' }, parameterValue: { value: '2026-11-20' } },
  {
    name: 'ids',
    parameterType: { type: 'ARRAY', arrayType: { type: 'INT64' } },
    parameterValue: { arrayValues: [{ value: '1' }] },
  },
]);

function sql(query: string, positional = false): string {
  const bound = positional
    ? readQueryParams([{ parameterType: { type: 'STRING' }, parameterValue: { value: 'x' } }])
    : params;
  return translate({ store, sql: query, projectId: 'p', params: bound, now: clock() }).sql;
}

beforeAll(async () => {
  engine = await SqlEngine.open();
  store = new Store(clock, new TableStorage(engine, clock), async () => []);
  store.insertDataset('p', { datasetReference: { datasetId: 'shop' } });
  const ordersTable = await store.insertTable('p', 'shop', {
    tableReference: { tableId: 'orders' },
    schema: {
      fields: [
        { name: 'id', type: 'INTEGER' },
        { name: 'day', type: 'DATE' },
      ],
    },
  });
  const visitsTable = await store.insertTable('p', 'shop', {
    tableReference: { tableId: 'visits' },
    schema: { fields: [{ name: 'page', type: 'STRING' }] },
    timePartitioning: { type: 'DAY' },
  });
  orders = `"${ordersTable.storage}"`;
  visits = `"${visitsTable.storage}"`;
});
afterAll(async () => {
  await engine.close();
});

describe('lexer', () => {
  it('decodes every GoogleSQL string form', () => {
    const values = tokenize(String.raw`'it\'s' "dq" '''multi
line''' r'\d+' b'\x41' 'tab\tand \u00e9'`).map((token) => [token.kind, token.value]);
    expect(values).toEqual([
      ['string', "it's"],
      ['string', 'dq'],
      ['string', 'multi\nline'],
      ['string', '\\d+'],
      ['bytes', 'A'],
      ['string', 'tab\tand é'],
    ]);
  });

  it('drops comments and reads backticks, parameters and system variables', () => {
    const tokens = tokenize('SELECT -- one\n `p.d.t` # two\n /* three */ @x, ?, @@project_id');
    expect(tokens.map((token) => [token.kind, token.value])).toEqual([
      ['word', 'SELECT'],
      ['quoted', 'p.d.t'],
      ['param', 'x'],
      ['symbol', ','],
      ['positional', '?'],
      ['symbol', ','],
      ['sysvar', 'project_id'],
    ]);
  });

  it('refuses an unclosed string with its position', () => {
    expect(() => tokenize("SELECT 'oops")).toThrow('Syntax error: Unclosed string literal at [1:8]');
  });
});

describe('translation', () => {
  it('re-encodes literals: double-quoted strings, escapes, bytes', () => {
    expect(sql(`SELECT "a'b", 'c\\nd', b'\\x00'`)).toBe(
      `SELECT 'a''b' AS "f0_", 'c\nd' AS "f1_", CAST('\\x00' AS BLOB) AS "f2_"`,
    );
  });

  it('resolves project.dataset.table and dataset.table to the engine table, keeping the table’s name as alias', () => {
    expect(sql('SELECT id FROM `p.shop.orders`')).toBe(`SELECT id AS "id" FROM ${orders} AS "orders"`);
    expect(sql('SELECT o.id FROM shop.orders o')).toBe(`SELECT o.id AS "id" FROM ${orders} AS "o"`);
  });

  it('binds @named parameters case-insensitively and ? in order', () => {
    expect(sql('SELECT id FROM shop.orders WHERE day = @DAY AND id IN UNNEST(@ids)')).toBe(
      `SELECT id AS "id" FROM ${orders} AS "orders" WHERE day = $n_day AND id IN (SELECT unnest($n_ids))`,
    );
    expect(sql('SELECT ?', true)).toBe('SELECT $q_1 AS "f0_"');
  });

  it('hides the pseudo-columns of ingestion-time tables from stars and derives _PARTITIONDATE', () => {
    expect(sql('SELECT * FROM shop.visits')).toBe(
      `SELECT COLUMNS(lambda c: lower(c) NOT IN ('_partitiontime', '_partitiondate')) FROM (SELECT *, CAST("_PARTITIONTIME" AS DATE) AS "_PARTITIONDATE" FROM ${visits}) AS "visits"`,
    );
    expect(sql('SELECT v.* EXCEPT (page) FROM shop.visits v')).toContain(
      'v.* EXCLUDE ("_PARTITIONTIME", "_PARTITIONDATE", "page")',
    );
    expect(sql('SELECT * EXCEPT (day) FROM shop.orders')).toBe(
      `SELECT * EXCLUDE ("day") FROM ${orders} AS "orders"`,
    );
  });

  it('rewrites functions whose engine spelling or meaning differs', () => {
    const cases: [string, string][] = [
      ['DATE_TRUNC(day, MONTH)', `CAST(date_trunc('month', day) AS DATE)`],
      ["FORMAT_DATE('%Y', day)", `strftime(day, '%Y')`],
      ['DATE_DIFF(day, day, DAY)', `date_diff('day', day, day)`],
      ["CONCAT('a', 'b')", `('a' || 'b')`],
      ['LOG(100)', 'ln(100)'],
      ["REGEXP_REPLACE('a', 'a', 'b')", `regexp_replace('a', 'a', 'b', 'g')`],
      ['SAFE_CAST(id AS INT64)', 'TRY_CAST(id AS BIGINT)'],
      ['CAST(day AS STRING)', 'bq_to_string(day)'],
      ["TIMESTAMP '2026-01-01'", `TIMESTAMPTZ '2026-01-01'`],
      ["DATETIME '2026-01-01 10:00:00'", `TIMESTAMP '2026-01-01 10:00:00'`],
      ['[1, 2][OFFSET(0)]', '[1, 2][(0) + 1]'],
      ["STRUCT(1 AS a, 'x' AS b)", `struct_pack("a" := 1, "b" := 'x')`],
      ['EXTRACT(DAYOFWEEK FROM day)', `(extract('dow' FROM day) + 1)`],
      ['CURRENT_TIMESTAMP()', `TIMESTAMPTZ '2026-11-21T10:00:00.000Z'`],
    ];
    for (const [googleSql, engineSql] of cases) {
      expect(sql(`SELECT ${googleSql} FROM shop.orders`)).toBe(
        `SELECT ${engineSql} AS "f0_" FROM ${orders} AS "orders"`,
      );
    }
  });

  it('targets the engine table in DML and keeps the table’s name as alias', () => {
    expect(sql('UPDATE shop.orders SET id = 2 WHERE id = 1')).toBe(
      `UPDATE ${orders} AS "orders" SET id = 2 WHERE id = 1`,
    );
    expect(sql('INSERT shop.visits (page) VALUES (?)', true)).toBe(
      `INSERT INTO ${visits} (page) VALUES ($q_1)`,
    );
  });

  it('keeps CTE names, and asks for a dataset on a bare table name', () => {
    expect(sql('WITH orders AS (SELECT 1 AS id) SELECT id FROM orders')).toBe(
      'WITH orders AS (SELECT 1 AS id) SELECT id AS "id" FROM "orders"',
    );
    expect(() => sql('SELECT 1 FROM orders')).toThrow(
      'Table "orders" must be qualified with a dataset (e.g. dataset.table).',
    );
  });
});
