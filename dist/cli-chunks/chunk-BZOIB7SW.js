import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  parseCommandArgs
} from "./chunk-ZDOIXA6L.js";
import {
  parseTableNames,
  parseWindow
} from "./chunk-BVJ2JR4B.js";
import {
  UsageError
} from "./chunk-EWHPSNTF.js";

// src/cli/commands/run.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";

// src/pipeline/request.ts
var DEFAULT_TABLES_DIR = "tables";
var DEFAULT_TIMEOUT = "2h";
function runLabelOf(env, now, pid, door) {
  if (env.GITHUB_RUN_ID) return `gh-${env.GITHUB_RUN_ID}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`;
  return door === "action" ? "action" : `cli-${now.toISOString().replace(/[-:]|\.\d+/g, "")}-${pid}`;
}

// src/cli/input-errors.ts
function asUsage(parse) {
  try {
    return parse();
  } catch (error) {
    if (error instanceof Error && error.name === "InputError") throw new UsageError(error.message);
    throw error;
  }
}

// src/cli/selectors.ts
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
function parseSelectors(values) {
  const tablesDir = values.tables ?? DEFAULT_TABLES_DIR;
  if (tablesDir.trim() === "") throw new UsageError("--tables needs a folder");
  return asUsage(() => ({
    tablesDir,
    window: parseWindow(values, (input) => `--${input}`),
    only: values.only === void 0 ? void 0 : parseTableNames(values.only, "--only")
  }));
}
async function loadPlan(context, request) {
  const { planPipeline } = await import("./plan-XDAUU3OZ.js");
  return planPipeline(request, { cwd: context.cwd, env: context.env, now: () => /* @__PURE__ */ new Date() });
}
async function printFindings(context, warnings) {
  if (warnings.length === 0) return;
  const { formatDiagnostic } = await import("./diagnostic-WQWFT7N3.js");
  for (const warning of warnings) context.stderr.write(`${formatDiagnostic(warning)}
`);
}

// src/cli/commands/run.ts
var RUN_OPTIONS = {
  ...SELECTOR_OPTIONS,
  "max-parallel": { type: "string" },
  timeout: { type: "string" },
  "dry-run": { type: "boolean" },
  transport: { type: "string" },
  json: { type: "boolean" },
  results: { type: "string" }
};
var runCommand = {
  name: "run",
  summary: "load the planned partitions through DTS and print the report",
  usage: `Usage: s3bq run [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...]
                [--max-parallel N] [--timeout DURATION] [--dry-run] [--transport grpc|rest]
                [--json] [--results FILE]

Runs the plan: each table's transfer lifecycle (S3 precheck, destination table, one
transfer config and run per partition, wait, verify, clean up). At most N transfer runs
are in flight at once in the project, counting every process of this pipeline (other
\`s3bq run\`s, the workflow's jobs). Exit 1 when any table failed; skipped tables never
fail the run.

Options:
${SELECTOR_USAGE}
  --max-parallel N     DTS runs in flight at once across the pipeline, 1-256 (default:
                       S3BQ_MAX_PARALLEL, then max_parallel of pipeline.json, then 10)
  --timeout DURATION   bound on one table's whole lifecycle, e.g. 90s, 45m, 2h (default ${DEFAULT_TIMEOUT})
  --dry-run            check S3 and report what would load; create and start nothing
  --transport T        grpc (default) or rest, the way out when a proxy blocks gRPC
  --json               print the result file (JSON) instead of the text report
  --results FILE       also write the result file there (checked before anything runs)
  -h, --help           show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, RUN_OPTIONS);
    const [{ parseDuration, parseTransport, parseWholeNumber }, { MAX_PARALLEL_LIMIT }] = await Promise.all([
      import("./inputs-C6VEGOYQ.js"),
      import("./settings-TQHXT7J4.js")
    ]);
    const request = parseSelectors(values);
    const run = asUsage(() => ({
      timeoutMs: parseDuration(values.timeout ?? DEFAULT_TIMEOUT, "--timeout"),
      dryRun: values["dry-run"] === true,
      transport: parseTransport(values.transport, "--transport"),
      runLabel: runLabelOf(context.env, /* @__PURE__ */ new Date(), process.pid, "cli")
    }));
    const maxParallel = values["max-parallel"];
    if (maxParallel !== void 0) {
      request.overrides = {
        maxParallel: asUsage(() => parseWholeNumber(maxParallel, "--max-parallel", 1, MAX_PARALLEL_LIMIT))
      };
    }
    const resultsPath = values.results === void 0 ? void 0 : resolve(context.cwd, values.results);
    if (resultsPath) await checkWritable(resultsPath);
    const planned = await loadPlan(context, request);
    await printFindings(context, planned.warnings);
    const results = await runPlanned(context, planned, run, values.json === true);
    const resultFile = { schema_version: 1, window: planned.plan.window, tables: results.tables };
    const json = results.scrub(JSON.stringify(resultFile, null, 2));
    if (resultsPath) await writeFile(resultsPath, `${json}
`);
    if (values.json) context.stdout.write(`${json}
`);
    else await printReport(context, results.tables, results.scrub, results.startedAt);
    if (context.signal.aborted) return 1;
    return results.tables.some((result) => result.status === "failed") ? 1 : 0;
  }
};
var TERMINAL_EVENTS = /* @__PURE__ */ new Set(["table-started", "table-finished", "warning", "progress"]);
async function runPlanned(context, planned, run, json) {
  const [{ runPipeline }, { describeEvent }, { scrubSecrets, secretsFrom }] = await Promise.all([
    import("./run-3J3YQFJN.js"),
    import("./events-CV7HFOYS.js"),
    import("./secrets-BRLIE6FS.js")
  ]);
  const secrets = secretsFrom(planned.env);
  const scrub = (text) => scrubSecrets(text, secrets);
  const progress = json ? context.stderr : context.stdout;
  const say = (line) => progress.write(`${scrub(line)}
`);
  const { planned: tables, settings } = planned;
  const partitions = tables.reduce((sum, table) => sum + table.plan.partitions.length, 0);
  say(
    `Running ${tables.length} table(s), ${partitions} partition(s), at most ${settings.maxParallel} DTS run(s) in flight across the pipeline${run.dryRun ? " (dry run)" : ""}`
  );
  const startedAt = Date.now();
  const results = await runPipeline(tables, settings, run, {
    env: planned.env,
    signal: context.signal,
    // A terminal gets tables, progress and warnings; the job log (the action) gets every event.
    onEvent: (event) => {
      if (TERMINAL_EVENTS.has(event.type)) say(describeEvent(event));
    }
  });
  return { tables: results, scrub, startedAt };
}
async function printReport(context, results, scrub, startedAt) {
  const { renderTextReport } = await import("./report-DRZXAAGK.js");
  const color = context.stdout.isTTY === true && !context.env.NO_COLOR;
  context.stdout.write(`
${scrub(renderTextReport(results, { color }))}`);
  context.stdout.write(`Finished in ${Math.round((Date.now() - startedAt) / 100) / 10} s
`);
}
async function checkWritable(path) {
  const { access, constants, stat } = await import("node:fs/promises");
  const { dirname } = await import("node:path");
  const { UsageError: UsageError2 } = await import("./command-ZYTRPWQX.js");
  const folder = dirname(path);
  const info = await stat(folder).catch(() => void 0);
  if (!info?.isDirectory())
    throw new UsageError2(`--results ${path}: the folder ${folder} does not exist; create it first`);
  await access(folder, constants.W_OK).catch(() => {
    throw new UsageError2(`--results ${path}: the folder ${folder} is not writable`);
  });
  const existing = await stat(path).catch(() => void 0);
  if (existing?.isDirectory()) throw new UsageError2(`--results ${path} is a folder: name a file`);
}

export {
  DEFAULT_TABLES_DIR,
  asUsage,
  SELECTOR_OPTIONS,
  SELECTOR_USAGE,
  parseSelectors,
  loadPlan,
  printFindings,
  runCommand
};
