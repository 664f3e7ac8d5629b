// The demo's last word: what BigQuery now holds, asked of BigQuery itself through the
// official client (rows per partition from INFORMATION_SCHEMA.PARTITIONS), one small table
// per loaded table, so a new user sees the data arrive and the query that shows it.
import { createBigQueryClient } from '../cloud/bigquery.js';

export interface DemoTable {
  name: string;
  projectId: string;
  datasetId: string;
  tableId: string;
}

export interface PartitionRows {
  table: DemoTable;
  partitions: { id: string; rows: number }[];
  /** Why this table's query failed; the other tables are still shown. */
  error?: string | undefined;
}

/** Rows shown per table before the middle ones are folded into "… N more". */
const SHOWN_AT_EACH_END = 3;
const QUERY_TIMEOUT_MS = 30_000;

export function partitionsQuery(table: DemoTable): string {
  return `SELECT partition_id, total_rows FROM \`${table.projectId}.${table.datasetId}.INFORMATION_SCHEMA.PARTITIONS\` WHERE table_name = @table ORDER BY partition_id`;
}

/** One query per table, in order, through @google-cloud/bigquery at BIGQUERY_EMULATOR_HOST. */
export async function queryPartitionRows(
  env: NodeJS.ProcessEnv,
  location: string,
  tables: DemoTable[],
): Promise<PartitionRows[]> {
  const results: PartitionRows[] = [];
  for (const table of tables) {
    const client = createBigQueryClient({
      env,
      projectId: table.projectId,
      location,
      timeoutMs: QUERY_TIMEOUT_MS,
    });
    try {
      const [rows] = await client.query({
        query: partitionsQuery(table),
        params: { table: table.tableId },
        location,
        jobTimeoutMs: QUERY_TIMEOUT_MS,
      });
      const partitions = (rows as { partition_id?: unknown; total_rows?: unknown }[])
        .filter((row) => row.partition_id != null)
        .map((row) => ({ id: String(row.partition_id), rows: Number(row.total_rows ?? 0) }));
      results.push({ table, partitions });
    } catch (error) {
      results.push({ table, partitions: [], error: (error as Error).message });
    }
  }
  return results;
}

/** The tables as text: a header per table, then partition and rows, long lists folded. */
export function renderPartitionRows(results: PartitionRows[]): string {
  const lines: string[] = [];
  for (const { table, partitions, error } of results) {
    const total = partitions.reduce((sum, p) => sum + p.rows, 0);
    const destination = `${table.projectId}.${table.datasetId}.${table.tableId}`;
    if (error !== undefined) {
      lines.push(`${table.name} → ${destination}: could not query it: ${error}`);
      continue;
    }
    lines.push(
      `${table.name} → ${destination}: ${count(partitions.length, 'partition')}, ${count(total, 'row')}`,
    );
    if (partitions.length === 0) continue;
    const width = Math.max(4, ...partitions.map((p) => p.rows.toLocaleString('en-US').length));
    const row = (id: string, rows: string) => `  ${id.padEnd(12)}${rows.padStart(width)}`;
    lines.push(row('partition', 'rows'));
    const folded = partitions.length > 2 * SHOWN_AT_EACH_END + 1;
    const shown = folded
      ? [...partitions.slice(0, SHOWN_AT_EACH_END), undefined, ...partitions.slice(-SHOWN_AT_EACH_END)]
      : partitions;
    for (const partition of shown) {
      if (partition) lines.push(row(partition.id, partition.rows.toLocaleString('en-US')));
      else lines.push(`  … ${count(partitions.length - 2 * SHOWN_AT_EACH_END, 'more partition')}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
}
