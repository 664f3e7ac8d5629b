import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  compileLayout,
  destinationKey
} from "./chunk-H6WYGB6N.js";
import {
  DateTime,
  IANAZone
} from "./chunk-VQA6TWGF.js";
import {
  closestMatches
} from "./chunk-KAU5M4UI.js";

// src/plan/calendar.ts
var MS_PER_DAY = 864e5;
function localDay(at, timezone) {
  const local = DateTime.fromJSDate(at, { zone: zoneNamed(timezone) });
  if (!local.isValid)
    throw new Error(`cannot compute the local date in time zone "${timezone}": ${local.invalidExplanation}`);
  return { year: local.year, month: local.month, day: local.day };
}
var zones = /* @__PURE__ */ new Map();
function zoneNamed(name) {
  let zone = zones.get(name);
  if (!zone) {
    zone = IANAZone.create(name);
    zones.set(name, zone);
  }
  return zone;
}
function toEpochDay(day) {
  const date = /* @__PURE__ */ new Date(0);
  date.setUTCFullYear(day.year, day.month - 1, day.day);
  return date.getTime() / MS_PER_DAY;
}
function fromEpochDay(epochDay) {
  const date = new Date(epochDay * MS_PER_DAY);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}
function addDays(day, days) {
  return fromEpochDay(toEpochDay(day) + days);
}
function daysBetween(a, b) {
  return toEpochDay(b) - toEpochDay(a);
}
function compareDays(a, b) {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}
function formatDay(day) {
  return `${String(day.year).padStart(4, "0")}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}
function parseDay(text) {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return void 0;
  const day = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  if (day.year < 1) return void 0;
  const back = fromEpochDay(toEpochDay(day));
  return compareDays(back, day) === 0 ? day : void 0;
}

// src/plan/partitions.ts
var HOURS_PER_DAY = 24;
function partitionsFor(spec, days) {
  const { bucket } = spec.source;
  const keyRoot = spec.source.prefix ? `${spec.source.prefix}/` : "";
  const render = compileLayout(spec.partitioning.layout);
  const at = (path) => ({
    bucket,
    prefix: `${keyRoot}${path}/`,
    source: `s3://${bucket}/${keyRoot}${path}/`
  });
  const out = [];
  for (const day of days) {
    const date = formatDay(day);
    const dayId = date.replaceAll("-", "");
    if (spec.partitioning.granularity === "DAY") {
      out.push({ id: dayId, date, ...at(render(day)) });
      continue;
    }
    for (let hour = 0; hour < HOURS_PER_DAY; hour++) {
      out.push({
        id: `${dayId}${String(hour).padStart(2, "0")}`,
        date,
        hour,
        ...at(render({ ...day, hour }))
      });
    }
  }
  return out;
}

// src/plan/window.ts
var MAX_BACKFILL_DAYS = 3660;
var PlanError = class extends Error {
  name = "PlanError";
};
function tickSpan(spec, at) {
  const today = localDay(at, spec.timezone);
  const count = Math.max(1, spec.lookbackDays);
  return { first: addDays(today, -count), last: addDays(today, -1), count };
}
function daysOf(span) {
  return Array.from({ length: span.count }, (_, i) => addDays(span.first, i));
}
function backfillSpan(from, to) {
  const start = parseDay(from);
  if (!start) throw new PlanError(`--from "${from}" is not a date: write YYYY-MM-DD, e.g. 2026-01-01`);
  const end = parseDay(to);
  if (!end) throw new PlanError(`--to "${to}" is not a date: write YYYY-MM-DD, e.g. 2026-01-31`);
  if (compareDays(start, end) > 0)
    throw new PlanError(`--from ${from} is after --to ${to}: the range is inclusive, from ≤ to`);
  const count = daysBetween(start, end) + 1;
  if (count > MAX_BACKFILL_DAYS) {
    throw new PlanError(
      `the range ${from}..${to} has ${count} days; a backfill may span at most ${MAX_BACKFILL_DAYS}: split it`
    );
  }
  return { first: start, last: end, count };
}

// src/plan/bounds.ts
var FIRST_PARTITION_DAY = { year: 1960, month: 1, day: 1 };
var LAST_PARTITION_DAY = { year: 2159, month: 12, day: 31 };
var MAX_PLAN_PARTITIONS = 1e5;
function partitionsPerDay(spec) {
  return spec.partitioning.granularity === "HOUR" ? HOURS_PER_DAY : 1;
}
function checkSpanInRange(span, describe) {
  const early = compareDays(span.first, FIRST_PARTITION_DAY) < 0;
  const late = compareDays(span.last, LAST_PARTITION_DAY) > 0;
  if (!early && !late) return;
  const outside = early ? formatDay(span.first) : formatDay(span.last);
  throw new PlanError(
    `${describe()} would load ${outside}, outside ${formatDay(FIRST_PARTITION_DAY)}..${formatDay(LAST_PARTITION_DAY)}, the dates BigQuery partitions by: give dates within that range`
  );
}
function checkPlanSize({ tables, window }, cap = MAX_PLAN_PARTITIONS) {
  let total = 0;
  let perDay = 0;
  for (const { spec, span } of tables) {
    total += span.count * partitionsPerDay(spec);
    perDay += partitionsPerDay(spec);
  }
  if (total <= cap) return;
  const limit = `one plan may hold at most ${cap.toLocaleString("en-US")} partitions (a project's BigQuery load jobs for a day)`;
  const count = `${total.toLocaleString("en-US")} partitions over ${tables.length.toLocaleString("en-US")} table${tables.length === 1 ? "" : "s"}`;
  if (window.kind === "tick") {
    throw new PlanError(
      `the tick at ${window.at} plans ${count}; ${limit}: load fewer tables per run with --only, or lower their lookback_days`
    );
  }
  const days = Math.floor(cap / perDay);
  const split = days >= 1 ? `split it into ranges of at most ${days} day${days === 1 ? "" : "s"} (--from/--to), or load fewer tables per run with --only` : `one day of these tables alone has ${perDay.toLocaleString("en-US")} partitions: load fewer tables per run with --only`;
  throw new PlanError(`the backfill ${window.from}..${window.to} plans ${count}; ${limit}: ${split}`);
}

// src/plan/matrix.ts
var MAX_MATRIX_JOBS = 256;
var MAX_MATRIX_OUTPUT_BYTES = 1e6;
var TABLE_SEPARATOR = ",";
var TABLE_TIMEOUT_MINUTES = 120;
var MAX_JOB_MINUTES = 360;
var JOB_OVERHEAD_MINUTES = 15;
function buildMatrix(tableNames, window) {
  const groups = packTables(tableNames, MAX_MATRIX_JOBS);
  const include = groups.map((group) => {
    const table = group.join(TABLE_SEPARATOR);
    const budget = jobBudget(group.length);
    const timing = { timeout: `${budget.tableMinutes}m`, job_timeout_minutes: budget.jobMinutes };
    return window.kind === "tick" ? { table, at: window.at, ...timing } : { table, from: window.from, to: window.to, ...timing };
  });
  const matrix = { include };
  const bytes = Buffer.byteLength(JSON.stringify(matrix), "utf8");
  if (bytes > MAX_MATRIX_OUTPUT_BYTES) {
    throw new PlanError(
      `the matrix of ${tableNames.length} tables is ${bytes} bytes, over GitHub's job output limit of ${MAX_MATRIX_OUTPUT_BYTES}: split the tables over several workflows or shorten their file names`
    );
  }
  return matrix;
}
function jobBudget(tables) {
  const count = Math.max(1, tables);
  const share = Math.floor((MAX_JOB_MINUTES - JOB_OVERHEAD_MINUTES) / count);
  const tableMinutes = Math.max(1, Math.min(TABLE_TIMEOUT_MINUTES, share));
  return { tableMinutes, jobMinutes: count * tableMinutes + JOB_OVERHEAD_MINUTES };
}
function packTables(names, maxGroups) {
  if (names.length <= maxGroups) return names.map((name) => [name]);
  const groups = [];
  const base = Math.floor(names.length / maxGroups);
  const bigger = names.length % maxGroups;
  let start = 0;
  for (let g = 0; g < maxGroups; g++) {
    const size = base + (g < bigger ? 1 : 0);
    groups.push(names.slice(start, start + size));
    start += size;
  }
  return groups;
}

// src/plan/build.ts
var DISABLED_REASON = 'disabled ("enabled": false in its table file)';
function buildPlan(request) {
  const { settings, window } = request;
  const tables = selectTables(request.tables, request.only);
  let planWindow;
  let spanOf;
  if (window.kind === "tick") {
    if (Number.isNaN(window.at.getTime())) throw new PlanError("the tick instant is not a valid date");
    planWindow = { kind: "tick", at: window.at.toISOString() };
    spanOf = (spec) => tickSpan(spec, window.at);
  } else {
    const span = backfillSpan(window.from, window.to);
    planWindow = { kind: "backfill", from: window.from, to: window.to };
    spanOf = () => span;
  }
  const loading = tables.filter((spec) => spec.enabled).map((spec) => ({ spec, span: spanOf(spec) }));
  for (const { spec, span } of loading) {
    checkSpanInRange(
      span,
      () => planWindow.kind === "tick" ? `the tick at ${planWindow.at} (table ${spec.name}, in ${spec.timezone})` : `the backfill ${planWindow.from}..${planWindow.to}`
    );
  }
  checkPlanSize({ tables: loading, window: planWindow });
  const spans = new Map(loading.map(({ spec, span }) => [spec, span]));
  const planned = tables.map((spec) => {
    const project = spec.project ?? settings.project;
    const span = spans.get(spec);
    const plan2 = {
      name: spec.name,
      destination: destinationKey({ project, dataset: spec.dataset, table: spec.table }),
      enabled: spec.enabled,
      partitions: span ? partitionsFor(spec, daysOf(span)) : []
    };
    if (!spec.enabled) plan2.skip_reason = DISABLED_REASON;
    return { spec, plan: plan2 };
  });
  const plan = {
    window: planWindow,
    tables: planned.map((p) => p.plan),
    matrix: buildMatrix(
      loading.map(({ spec }) => spec.name),
      planWindow
    ),
    max_parallel: settings.maxParallel
  };
  return { plan, planned };
}
var LIST_ALL_UP_TO = 10;
var SUGGESTIONS = 3;
function selectTables(tables, only) {
  const sorted = [...tables].sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
  if (only === void 0) return sorted;
  const names = sorted.map((t) => t.name);
  const known = new Set(names);
  const unknown = only.filter((name) => !known.has(name));
  if (unknown.length > 0) throw new PlanError(unknownTablesMessage(unknown, names));
  const wanted = new Set(only);
  return sorted.filter((t) => wanted.has(t.name));
}
function unknownTablesMessage(unknown, names) {
  const quoted = (list) => list.map((n) => `"${n}"`).join(", ");
  const named = unknown.slice(0, SUGGESTIONS);
  const more = unknown.length > SUGGESTIONS ? ` and ${unknown.length - SUGGESTIONS} more` : "";
  const guesses = [...new Set(named.flatMap((name) => suggestionsFor(name, names)))];
  const hint = guesses.length > 0 ? ` — did you mean ${quoted(guesses)}?` : "";
  const head = `unknown table${unknown.length > 1 ? "s" : ""} ${quoted(named)}${more}${hint}`;
  if (names.length <= LIST_ALL_UP_TO) return `${head} (known tables: ${names.join(", ") || "none"})`;
  return `${head} (${names.length.toLocaleString("en-US")} tables in all; \`s3bq plan\` lists them)`;
}
function suggestionsFor(name, names) {
  const lowered = name.toLowerCase();
  const spelled = closestMatches(name, names, SUGGESTIONS);
  const containing = names.filter((n) => n.toLowerCase().includes(lowered));
  return [.../* @__PURE__ */ new Set([...spelled, ...containing])].slice(0, SUGGESTIONS);
}

export {
  buildPlan
};
