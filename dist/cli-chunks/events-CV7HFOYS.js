import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import "./chunk-TORVRQCF.js";

// src/pipeline/events.ts
var MARK = { loaded: "✔", skipped: "–", failed: "✖" };
function describeEvent(event) {
  switch (event.type) {
    case "table-started":
      return `▶ ${event.table}: ${event.partitions} partition(s)`;
    case "config-ready":
      return `  ${event.table}: ${event.partition}: transfer config ${event.config} ${event.created ? "created" : "reused"}`;
    case "run-started":
      return `  ${event.table}: ${event.partition} → run ${event.run}`;
    case "run-ended":
      return `  ${event.table}: ${event.partition} run ${event.state}`;
    case "partition-finished": {
      const { id, status, rows, message } = event.partition;
      const detail = status === "loaded" && rows !== void 0 ? ` (${rows} rows)` : "";
      return `  ${event.table}: ${id} ${status}${detail}${message ? ` — ${message}` : ""}`;
    }
    case "progress":
      return `  ${event.table}: ${event.message}`;
    case "warning":
      return `! ${event.table}: ${event.message}`;
    case "table-finished": {
      const r = event.result;
      const seconds = Math.round(r.duration_ms / 100) / 10;
      return `${MARK[r.status]} ${r.name}: ${r.status}${r.message ? ` — ${r.message}` : ""} (${seconds} s)`;
    }
  }
}
export {
  describeEvent
};
