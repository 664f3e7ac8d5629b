import {
  UsageError
} from "./chunk-CEUTD2IY.js";

// src/cli/selectors.ts
import { relative, resolve } from "node:path";
var DEFAULT_TABLES_DIR = "tables";
var SELECTOR_OPTIONS = {
  tables: { type: "string" },
  at: { type: "string" },
  from: { type: "string" },
  to: { type: "string" },
  only: { type: "string" }
};
var SELECTOR_USAGE = `  --tables DIR      folder of table files (default: ${DEFAULT_TABLES_DIR})
  --at ISO          the tick's instant, e.g. 2026-11-21T00:30:00Z (default: now)
  --from DATE       first day of a backfill, YYYY-MM-DD (inclusive; needs --to)
  --to DATE         last day of a backfill, YYYY-MM-DD (inclusive; needs --from)
  --only NAME,...   plan only these tables (file names without .json)`;
var ISO_INSTANT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?)?$/i;
var ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
function parseInstant(text) {
  const match = ISO_INSTANT.exec(text.trim());
  if (!match) return void 0;
  const [, y, mo, d, h = "00", mi = "00", s = "00", fraction = "", zone = "Z"] = match;
  const offset = zone.toUpperCase() === "Z" ? "Z" : zone.includes(":") ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
  const date = /* @__PURE__ */ new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fraction.slice(0, 4)}${offset}`);
  if (Number.isNaN(date.getTime())) return void 0;
  const check = new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d)));
  if (check.getUTCMonth() !== Number(mo) - 1 || check.getUTCDate() !== Number(d)) return void 0;
  if (Number(h) > 23 || Number(mi) > 59 || Number(s) > 59) return void 0;
  return date;
}
function parseSelectors(values, now = () => /* @__PURE__ */ new Date()) {
  const tablesDir = values.tables ?? DEFAULT_TABLES_DIR;
  if (tablesDir.trim() === "") throw new UsageError("--tables needs a folder");
  let window;
  if (values.from !== void 0 || values.to !== void 0) {
    if (values.at !== void 0)
      throw new UsageError("--at is for a tick, --from/--to for a backfill: give one or the other");
    if (values.from === void 0 || values.to === void 0) {
      throw new UsageError("a backfill needs both --from and --to (YYYY-MM-DD, inclusive)");
    }
    for (const [option, value] of [
      ["from", values.from],
      ["to", values.to]
    ]) {
      if (!ISO_DATE.test(value))
        throw new UsageError(`--${option} "${value}" is not a date: write YYYY-MM-DD`);
    }
    window = { kind: "backfill", from: values.from, to: values.to };
  } else if (values.at !== void 0) {
    const at = parseInstant(values.at);
    if (!at)
      throw new UsageError(`--at "${values.at}" is not an ISO 8601 instant such as 2026-11-21T00:30:00Z`);
    window = { kind: "tick", at };
  } else {
    window = { kind: "tick", at: now() };
  }
  let only;
  if (values.only !== void 0) {
    only = [
      ...new Set(
        values.only.split(",").map((s) => s.trim()).filter(Boolean)
      )
    ];
    if (only.length === 0)
      throw new UsageError("--only needs at least one table name, e.g. --only gold.orders");
  }
  return { tablesDir, window, only };
}
async function loadPlan(context, selectors) {
  const [{ loadSettings }, { loadTables }, { buildPlan }] = await Promise.all([
    import("./settings-P6FCHGYL.js"),
    import("./load-tables-HWB2HHF6.js"),
    import("./build-DTCXUDNN.js")
  ]);
  const settings = await loadSettings({ cwd: context.cwd, env: context.env });
  const tables = await loadTables(context.cwd, selectors.tablesDir, settings, { throwOnErrors: true });
  const { plan, planned } = buildPlan({ tables, settings, window: selectors.window, only: selectors.only });
  return { plan, planned, settings };
}
function displayPath(cwd, path) {
  const rel = relative(cwd, resolve(cwd, path));
  return rel === "" ? "." : rel.startsWith("..") ? resolve(cwd, path) : rel;
}

export {
  DEFAULT_TABLES_DIR,
  SELECTOR_OPTIONS,
  SELECTOR_USAGE,
  parseSelectors,
  loadPlan,
  displayPath
};
