import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  createBigQueryClient
} from "./chunk-NRUALMLC.js";
import "./chunk-ETTOO2EQ.js";
import "./chunk-S3CM6QUE.js";
import "./chunk-Q5I7DL2S.js";
import "./chunk-TORVRQCF.js";

// src/demo/partition-table.ts
var SHOWN_AT_EACH_END = 3;
var QUERY_TIMEOUT_MS = 3e4;
function partitionsQuery(table) {
  return `SELECT partition_id, total_rows FROM \`${table.projectId}.${table.datasetId}.INFORMATION_SCHEMA.PARTITIONS\` WHERE table_name = @table ORDER BY partition_id`;
}
async function queryPartitionRows(env, location, tables) {
  const results = [];
  for (const table of tables) {
    const client = createBigQueryClient({
      env,
      projectId: table.projectId,
      location,
      timeoutMs: QUERY_TIMEOUT_MS
    });
    try {
      const [rows] = await client.query({
        query: partitionsQuery(table),
        params: { table: table.tableId },
        location,
        jobTimeoutMs: QUERY_TIMEOUT_MS
      });
      const partitions = rows.filter((row) => row.partition_id != null).map((row) => ({ id: String(row.partition_id), rows: Number(row.total_rows ?? 0) }));
      results.push({ table, partitions });
    } catch (error) {
      results.push({ table, partitions: [], error: error.message });
    }
  }
  return results;
}
function renderPartitionRows(results) {
  const lines = [];
  for (const { table, partitions, error } of results) {
    const total = partitions.reduce((sum, p) => sum + p.rows, 0);
    const destination = `${table.projectId}.${table.datasetId}.${table.tableId}`;
    if (error !== void 0) {
      lines.push(`${table.name} → ${destination}: could not query it: ${error}`);
      continue;
    }
    lines.push(
      `${table.name} → ${destination}: ${count(partitions.length, "partition")}, ${count(total, "row")}`
    );
    if (partitions.length === 0) continue;
    const width = Math.max(4, ...partitions.map((p) => p.rows.toLocaleString("en-US").length));
    const row = (id, rows) => `  ${id.padEnd(12)}${rows.padStart(width)}`;
    lines.push(row("partition", "rows"));
    const folded = partitions.length > 2 * SHOWN_AT_EACH_END + 1;
    const shown = folded ? [...partitions.slice(0, SHOWN_AT_EACH_END), void 0, ...partitions.slice(-SHOWN_AT_EACH_END)] : partitions;
    for (const partition of shown) {
      if (partition) lines.push(row(partition.id, partition.rows.toLocaleString("en-US")));
      else lines.push(`  … ${count(partitions.length - 2 * SHOWN_AT_EACH_END, "more partition")}`);
    }
  }
  return `${lines.join("\n")}
`;
}
function count(n, noun) {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}
export {
  partitionsQuery,
  queryPartitionRows,
  renderPartitionRows
};
