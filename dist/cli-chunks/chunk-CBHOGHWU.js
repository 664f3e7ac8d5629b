import {
  SELECTOR_OPTIONS,
  SELECTOR_USAGE,
  loadPlan,
  parseSelectors
} from "./chunk-EV3ISLO5.js";
import {
  oneOf,
  parseCommandArgs
} from "./chunk-PA5KNX2G.js";
import {
  UsageError
} from "./chunk-CEUTD2IY.js";

// src/cli/commands/run.ts
import { writeFile } from "node:fs/promises";
import { resolve } from "node:path";
var DEFAULT_RUN_TIMEOUT = "2h";
var runCommand = {
  name: "run",
  summary: "load the planned partitions through DTS and print the report",
  usage: `Usage: s3bq run [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...]
                [--max-parallel N] [--timeout DURATION] [--dry-run] [--transport grpc|rest]
                [--json] [--results FILE]

Runs the plan: each table's transfer lifecycle (S3 precheck, destination table, transfer
config, one run per partition, wait, verify, clean up), at most N tables at once.
Exit 1 when any table failed; skipped tables never fail the run.

Options:
${SELECTOR_USAGE}
  --max-parallel N     tables loading at once (default: max_parallel of pipeline.json, 10)
  --timeout DURATION   bound on one table's whole lifecycle, e.g. 90s, 45m, 2h (default ${DEFAULT_RUN_TIMEOUT})
  --dry-run            check S3 and report what would load; create and start nothing
  --transport T        grpc (default) or rest, the way out when a proxy blocks gRPC
  --json               print the result file (JSON) instead of the text report
  --results FILE       also write the result file there
  -h, --help           show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      ...SELECTOR_OPTIONS,
      "max-parallel": { type: "string" },
      timeout: { type: "string" },
      "dry-run": { type: "boolean" },
      transport: { type: "string" },
      json: { type: "boolean" },
      results: { type: "string" }
    });
    const selectors = parseSelectors(values);
    const transport = oneOf("transport", values.transport, ["grpc", "rest"], "grpc");
    const [{ parseDuration, runTables }, { createCloudServices }, { scrubSecrets }] = await Promise.all([
      import("./lifecycle-XAC6W7GJ.js"),
      import("./cloud-SZZMTEUD.js"),
      import("./secrets-EIA2DIOZ.js")
    ]);
    let timeoutMs;
    try {
      timeoutMs = parseDuration(values.timeout ?? DEFAULT_RUN_TIMEOUT, "--timeout");
    } catch (error) {
      throw new UsageError(error.message);
    }
    let maxParallel;
    if (values["max-parallel"] !== void 0) {
      maxParallel = Number(values["max-parallel"]);
      if (!Number.isInteger(maxParallel) || maxParallel < 1) {
        throw new UsageError(
          `--max-parallel must be a positive whole number (got "${values["max-parallel"]}")`
        );
      }
    }
    const { plan, planned, settings } = await loadPlan(context, selectors);
    const secrets = [context.env.AWS_SECRET_ACCESS_KEY, context.env.AWS_SESSION_TOKEN].filter(
      (s) => Boolean(s)
    );
    const progress = values.json ? context.stderr : context.stdout;
    const say = (line) => progress.write(`${scrubSecrets(line, secrets)}
`);
    const services = createCloudServices({ env: context.env, settings, transport });
    const started = Date.now();
    let results;
    try {
      say(
        `Running ${planned.length} table(s), ${planned.reduce((n, t) => n + t.plan.partitions.length, 0)} partition(s), at most ${maxParallel ?? settings.maxParallel} at once${values["dry-run"] ? " (dry run)" : ""}`
      );
      results = await runTables(planned, {
        services,
        settings,
        maxParallel: maxParallel ?? settings.maxParallel,
        timeoutMs,
        runLabel: runLabelFrom(context),
        tick: tickLabel(plan.window),
        dryRun: values["dry-run"] === true,
        signal: context.signal,
        onEvent: (event) => {
          if (event.type === "table-started") say(`▶ ${event.table}: ${event.partitions} partition(s)`);
          else if (event.type === "table-finished") {
            const r = event.result;
            say(
              `${r.status === "failed" ? "✖" : r.status === "loaded" ? "✔" : "–"} ${r.name}: ${r.status}${r.message ? ` — ${r.message}` : ""} (${Math.round(r.duration_ms / 100) / 10} s)`
            );
          } else if (event.type === "warning") say(`! ${event.table}: ${event.message}`);
        }
      });
    } finally {
      await services.close();
    }
    const resultFile = { schema_version: 1, window: plan.window, tables: results };
    const json = scrubSecrets(JSON.stringify(resultFile, null, 2), secrets);
    if (values.results) await writeFile(resolve(context.cwd, values.results), `${json}
`);
    if (values.json) {
      context.stdout.write(`${json}
`);
    } else {
      const { renderTextReport } = await import("./report-YMLOGFQI.js");
      const color = context.stdout.isTTY === true && !context.env.NO_COLOR;
      context.stdout.write(`
${scrubSecrets(renderTextReport(results, { color }), secrets)}`);
      context.stdout.write(`Finished in ${Math.round((Date.now() - started) / 100) / 10} s
`);
    }
    if (context.signal.aborted) return 1;
    return results.some((result) => result.status === "failed") ? 1 : 0;
  }
};
function runLabelFrom(context) {
  const { GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT } = context.env;
  if (GITHUB_RUN_ID) return `gh-${GITHUB_RUN_ID}-${GITHUB_RUN_ATTEMPT ?? "1"}`;
  return `cli-${(/* @__PURE__ */ new Date()).toISOString().replace(/[-:]|\.\d+/g, "")}-${process.pid}`;
}
function tickLabel(window) {
  if (window.kind === "tick") return window.at.replace(/[-:]|\.\d+/g, "");
  return `${window.from.replaceAll("-", "")}..${window.to.replaceAll("-", "")}`;
}

export {
  DEFAULT_RUN_TIMEOUT,
  runCommand
};
