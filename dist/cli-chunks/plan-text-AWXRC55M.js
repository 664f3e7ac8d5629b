import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  escapeLogValue
} from "./chunk-TP57TWYO.js";
import "./chunk-TORVRQCF.js";

// src/cli/plan-text.ts
function renderPlanText(plan, planned) {
  const header = ["TABLE", "DESTINATION", "GRAIN", "TIMEZONE", "PARTS", "FIRST", "LAST", "FIRST SOURCE"];
  const rows = planned.map(({ spec, plan: table }) => {
    const first = table.partitions[0];
    const last = table.partitions.at(-1);
    return [
      table.name,
      table.destination,
      spec.partitioning.granularity,
      spec.timezone,
      table.enabled ? String(table.partitions.length) : "skipped",
      first?.id ?? "-",
      last?.id ?? "-",
      first?.source ?? table.skip_reason ?? "-"
    ].map(escapeLogValue);
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells) => cells.map((c, i) => i === cells.length - 1 ? c : c.padEnd(widths[i] ?? 0)).join("  ").trimEnd();
  const window = plan.window.kind === "tick" ? `tick at ${plan.window.at}` : `backfill ${plan.window.from}..${plan.window.to}`;
  const loading = plan.tables.filter((t) => t.enabled).length;
  const partitions = plan.tables.reduce((n, t) => n + t.partitions.length, 0);
  const summary = `Plan for the ${window}: ${loading} of ${plan.tables.length} table${plan.tables.length === 1 ? "" : "s"} load ${partitions} partition${partitions === 1 ? "" : "s"} in ${plan.matrix.include.length} job${plan.matrix.include.length === 1 ? "" : "s"}, at most ${plan.max_parallel} at once.`;
  if (rows.length === 0) return `${summary}
`;
  return `${summary}

${[line(header), ...rows.map(line)].join("\n")}
`;
}
export {
  renderPlanText
};
