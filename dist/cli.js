import {
  runCommand
} from "./cli-chunks/chunk-CBHOGHWU.js";
import {
  DEFAULT_TABLES_DIR,
  SELECTOR_OPTIONS,
  SELECTOR_USAGE,
  displayPath,
  loadPlan,
  parseSelectors
} from "./cli-chunks/chunk-EV3ISLO5.js";
import {
  emulatorCommand
} from "./cli-chunks/chunk-Y4OE6VQL.js";
import {
  oneOf,
  parseCommandArgs,
  wantsHelp
} from "./cli-chunks/chunk-PA5KNX2G.js";
import {
  UsageError
} from "./cli-chunks/chunk-CEUTD2IY.js";

// src/cli/main.ts
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

// src/cli/commands/demo.ts
var DEFAULT_DEMO_TABLES = "examples/tables";
var DEFAULT_DEMO_RUN_SECONDS = 1;
var FOREIGN_CLOUD_VARIABLES = [
  "AWS_SESSION_TOKEN",
  "AWS_PROFILE",
  "AWS_ENDPOINT_URL",
  "GOOGLE_APPLICATION_CREDENTIALS",
  "S3BQ_LOCATION"
];
function parseRunSeconds(text) {
  if (text === void 0) return DEFAULT_DEMO_RUN_SECONDS;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds >= 0) || seconds > 600) {
    throw new UsageError(`--run-seconds takes a number of seconds from 0 to 600 (got "${text}")`);
  }
  return seconds;
}
var demoCommand = {
  name: "demo",
  summary: "load the example tables from a generated lake on the local cloud (npm start)",
  usage: `Usage: s3bq demo [--tables DIR] [--run-seconds N] [--transport grpc|rest]

Starts the local cloud (S3, DTS, Cloud Logging, BigQuery on 127.0.0.1), writes a demo lake
for the tables in DIR over their current tick with one partition missing on purpose, then
loads a whole tick exactly as \`s3bq run\` does and prints the report. Nothing reaches a
real cloud. Exit 1 when a table failed.

Options:
  --tables DIR       the tables to load (default ${DEFAULT_DEMO_TABLES})
  --run-seconds N    how long each simulated transfer run takes (default ${DEFAULT_DEMO_RUN_SECONDS})
  --transport T      grpc (default) or rest
  -h, --help         show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      tables: { type: "string" },
      "run-seconds": { type: "string" },
      transport: { type: "string" }
    });
    const runSeconds = parseRunSeconds(values["run-seconds"]);
    const tablesDir = values.tables ?? DEFAULT_DEMO_TABLES;
    const say = (line) => context.stdout.write(`${line}
`);
    const [{ startLocalCloud }, { writeDemoLake }, { runCommand: runCommand2 }] = await Promise.all([
      import("./cli-chunks/src-BBBL6QZV.js"),
      import("./cli-chunks/emulator-FFPIYDCD.js"),
      import("./cli-chunks/run-KTWD2J2T.js")
    ]);
    const started = Date.now();
    const cloud = await startLocalCloud({ runSeconds });
    try {
      say(`Local cloud up in ${Date.now() - started} ms (S3, DTS, Cloud Logging, BigQuery on 127.0.0.1)`);
      const env = { ...context.env, ...cloud.env };
      for (const name of FOREIGN_CLOUD_VARIABLES) delete env[name];
      const at = /* @__PURE__ */ new Date();
      const lake = await writeDemoLake({ ...context, env }, tablesDir, cloud, at);
      const missing = lake.missing.map((entry) => `${entry.table} ${entry.partitionId}`).join(", ") || "none";
      say(
        `Demo lake: ${lake.files} files, ${lake.rows} rows in s3://demo-lake; missing on purpose: ${missing}`
      );
      say("");
      const argv = ["--tables", tablesDir, "--at", at.toISOString()];
      if (values.transport !== void 0) argv.push("--transport", values.transport);
      return await runCommand2.run({ ...context, env, argv });
    } finally {
      await cloud.stop();
      say(`Local cloud stopped; the demo took ${Math.round((Date.now() - started) / 100) / 10} s.`);
    }
  }
};

// src/cli/commands/janitor.ts
var DEFAULT_JANITOR_AGE = "6h";
var janitorCommand = {
  name: "janitor",
  summary: "delete transfer configs that this pipeline created and left behind",
  usage: `Usage: s3bq janitor [--older-than DURATION] [--dry-run] [--transport grpc|rest]

Deletes the transfer configs of ticks (display name s3bq|<table>|<tick>|<run>) last updated
longer ago than --older-than. Long-lived WRITE_APPEND configs (s3bq-append|<table>) and
configs this pipeline did not create are never deleted.

Options:
  --older-than DURATION  only configs not updated for this long, e.g. 90m, 6h (default ${DEFAULT_JANITOR_AGE})
  --dry-run              list what would be deleted; delete nothing
  --transport T          grpc (default) or rest
  -h, --help             show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      "older-than": { type: "string" },
      "dry-run": { type: "boolean" },
      transport: { type: "string" }
    });
    const transport = oneOf("transport", values.transport, ["grpc", "rest"], "grpc");
    const [{ parseDuration }, { findLeftovers }, { createCloudServices }, { loadSettings }] = await Promise.all([
      import("./cli-chunks/lifecycle-XAC6W7GJ.js"),
      import("./cli-chunks/janitor-OLMRXVRO.js"),
      import("./cli-chunks/cloud-SZZMTEUD.js"),
      import("./cli-chunks/settings-P6FCHGYL.js")
    ]);
    let olderThanMs;
    try {
      olderThanMs = parseDuration(values["older-than"] ?? DEFAULT_JANITOR_AGE, "--older-than");
    } catch (error) {
      throw new UsageError(error.message);
    }
    const settings = await loadSettings({ cwd: context.cwd, env: context.env });
    const services = createCloudServices({ env: context.env, settings, transport });
    try {
      const configs = await services.dts.listConfigs(context.signal);
      const leftovers = findLeftovers(configs, /* @__PURE__ */ new Date(), olderThanMs);
      const verb = values["dry-run"] ? "would delete" : "deleted";
      let failures = 0;
      for (const config of leftovers) {
        if (!values["dry-run"]) {
          try {
            await services.dts.deleteConfig(config.name, context.signal);
          } catch (error) {
            failures++;
            context.stderr.write(`could not delete ${config.name}: ${error.message}
`);
            continue;
          }
        }
        context.stdout.write(
          `${verb} ${config.displayName} (${config.name}, updated ${config.updateTime?.toISOString() ?? "never"})
`
        );
      }
      context.stdout.write(
        `${leftovers.length - failures} config(s) ${verb}; ${configs.length - leftovers.length} kept of ${configs.length}
`
      );
      return failures > 0 ? 1 : 0;
    } finally {
      await services.close();
    }
  }
};

// src/cli/commands/plan.ts
var planCommand = {
  name: "plan",
  summary: "show what a tick or a backfill would load (--json for the workflow)",
  usage: `Usage: s3bq plan [--tables DIR] [--at ISO] [--from DATE --to DATE] [--only NAME,...] [--json]

Lists, per table, the partitions a tick at --at (default: now) would load — D-1 … D-n in
the table's time zone, oldest first — or every day of an inclusive backfill range.

Options:
${SELECTOR_USAGE}
  --json            print the plan as one JSON object (tables, matrix, max_parallel)
  --markdown        print the plan as the pull request comment (Markdown)
  --check-source    with --markdown: list S3 under each partition (needs AWS credentials)
  -h, --help        show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      ...SELECTOR_OPTIONS,
      json: { type: "boolean" },
      markdown: { type: "boolean" },
      "check-source": { type: "boolean" }
    });
    const selectors = parseSelectors(values);
    const { plan, planned } = await loadPlan(context, selectors);
    if (values["check-source"] && !values.markdown)
      throw new UsageError("--check-source goes with --markdown");
    if (values.json) {
      context.stdout.write(`${JSON.stringify(plan)}
`);
    } else if (values.markdown) {
      const { renderPlanMarkdown, checkSources } = await import("./cli-chunks/report-YMLOGFQI.js");
      let checks;
      if (values["check-source"]) {
        const { createPlanS3 } = await import("./cli-chunks/plan-s3-HKFJSNY2.js");
        checks = await checkSources(plan, createPlanS3(context.env), context.signal);
      }
      context.stdout.write(renderPlanMarkdown(plan, checks, { specs: planned.map((p) => p.spec) }));
    } else {
      const { renderPlanText } = await import("./cli-chunks/plan-text-QZPHB2CI.js");
      context.stdout.write(renderPlanText(plan, planned));
    }
    return 0;
  }
};

// src/cli/commands/validate.ts
var FORMATS = ["text", "github"];
var validateCommand = {
  name: "validate",
  summary: "check every table file; errors as path:line:col",
  usage: `Usage: s3bq validate [--tables DIR] [--format text|github]

Checks every table file (*.json except schema.json) and pipeline.json, and reports every
error of every file at once. Exit code 1 on any error.

Options:
  --tables DIR            folder of table files (default: ${DEFAULT_TABLES_DIR})
  --format text|github    text: path:line:col: message (default);
                          github: workflow commands that annotate the PR's lines
  -h, --help              show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      tables: { type: "string" },
      format: { type: "string" }
    });
    const format = oneOf("format", values.format, FORMATS, "text");
    const tablesDir = values.tables ?? DEFAULT_TABLES_DIR;
    const [{ loadSettings, SettingsError }, { loadTables }, { formatDiagnostic }, { errorAnnotation }] = await Promise.all([
      import("./cli-chunks/settings-P6FCHGYL.js"),
      import("./cli-chunks/load-tables-HWB2HHF6.js"),
      import("./cli-chunks/diagnostic-VZNGJC76.js"),
      import("./cli-chunks/workflow-commands-VFTRIGLZ.js")
    ]);
    const diagnostics = [];
    let settings;
    try {
      settings = await loadSettings({ cwd: context.cwd, env: context.env });
    } catch (error) {
      if (!(error instanceof SettingsError) || error.findings.length === 0) throw error;
      diagnostics.push(...error.findings.map((d) => ({ ...d, file: displayPath(context.cwd, d.file) })));
      settings = await loadSettings({ cwd: context.cwd, env: context.env, ignoreFile: true });
    }
    const loaded = await loadTables(context.cwd, tablesDir, settings);
    const tables = loaded.tables;
    diagnostics.push(...loaded.diagnostics);
    for (const d of diagnostics) {
      const line = format === "github" ? errorAnnotation({ file: d.file, line: d.line, col: d.column, title: "s3bq validate" }, d.message) : formatDiagnostic(d);
      context.stdout.write(`${line}
`);
    }
    if (diagnostics.length > 0) {
      const files = new Set(diagnostics.map((d) => d.file)).size;
      context.stderr.write(
        `${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"} in ${files} file${files === 1 ? "" : "s"}
`
      );
      return 1;
    }
    context.stdout.write(
      `${tables.length} table file${tables.length === 1 ? "" : "s"} valid in ${tablesDir}
`
    );
    return 0;
  }
};

// src/cli/commands/index.ts
var commands = [
  validateCommand,
  planCommand,
  runCommand,
  emulatorCommand,
  demoCommand,
  janitorCommand
];

// src/cli/main.ts
var EXIT_OK = 0;
var EXIT_FAILURE = 1;
var EXIT_USAGE = 2;
function helpText(list = commands) {
  const width = Math.max(0, ...list.map((c) => c.name.length));
  return `Usage: s3bq <command> [options]

Loads partitioned tables from Amazon S3 into BigQuery through the Data Transfer Service.

Commands:
${list.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join("\n")}

Options:
  -h, --help     show this help; \`s3bq <command> --help\` shows a command's options
  -v, --version  print the version

Set S3BQ_DEBUG=1 to see stack traces of unexpected errors.
`;
}
function readVersion() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, "package.json");
    if (existsSync(candidate)) {
      const pkg = JSON.parse(readFileSync(candidate, "utf8"));
      if (pkg.name === "s3-bigquery-pipeline" && pkg.version) return pkg.version;
    }
    dir = dirname(dir);
  }
  return "unknown";
}
async function main(argv, io) {
  const [name, ...rest] = argv;
  if (name === void 0) {
    io.stderr.write(helpText());
    return EXIT_USAGE;
  }
  if (name === "--help" || name === "-h" || name === "help") {
    io.stdout.write(helpText());
    return EXIT_OK;
  }
  if (name === "--version" || name === "-v") {
    io.stdout.write(`${readVersion()}
`);
    return EXIT_OK;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    const known = commands.map((c) => c.name).join(", ");
    io.stderr.write(`s3bq: unknown command "${name}" (commands: ${known}); see s3bq --help
`);
    return EXIT_USAGE;
  }
  if (wantsHelp(rest)) {
    io.stdout.write(`${command.usage.trimEnd()}
`);
    return EXIT_OK;
  }
  const context = {
    argv: rest,
    env: io.env,
    cwd: io.cwd,
    stdout: io.stdout,
    stderr: io.stderr,
    signal: io.signal ?? new AbortController().signal
  };
  try {
    return await command.run(context);
  } catch (error) {
    return reportError(error, command, io);
  }
}
function reportError(error, command, io) {
  if (error instanceof UsageError) {
    io.stderr.write(`s3bq ${command.name}: ${error.message}

${command.usage.trimEnd()}
`);
    return EXIT_USAGE;
  }
  const diagnostics = error.diagnostics;
  if (Array.isArray(diagnostics)) {
    for (const d of diagnostics) {
      io.stderr.write(`${d.file}:${d.line}:${d.column}: ${d.message}
`);
    }
  }
  const message = error instanceof Error ? error.message : String(error);
  io.stderr.write(`s3bq: ${message.split("\n").join("\n  ")}
`);
  if (io.env.S3BQ_DEBUG === "1" && error instanceof Error && error.stack) io.stderr.write(`${error.stack}
`);
  return EXIT_FAILURE;
}
function createSignalHandler(controller, stderr, exit) {
  let received = 0;
  return (signal) => {
    received++;
    if (received === 1) {
      stderr.write(`s3bq: ${signal} received, stopping and cleaning up (send it again to exit at once)
`);
      controller.abort(new Error(`stopped by ${signal}`));
    } else {
      exit(signal === "SIGINT" ? 130 : 143);
    }
  };
}
var EXIT_GRACE_MS = 2e3;
async function runFromProcess() {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const controller = new AbortController();
  const onSignal = createSignalHandler(controller, process.stderr, (code) => process.exit(code));
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    process.exitCode = await main(process.argv.slice(2), {
      env: process.env,
      cwd: process.cwd(),
      stdout: process.stdout,
      stderr: process.stderr,
      signal: controller.signal
    });
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    setTimeout(() => process.exit(), EXIT_GRACE_MS).unref();
  }
}
function isProgram() {
  const entry = process.argv[1];
  if (!entry) return false;
  let real;
  try {
    real = realpathSync(entry);
  } catch {
    return false;
  }
  if (real === fileURLToPath(import.meta.url)) return true;
  return basename(real) === "s3bq.js" && basename(dirname(real)) === "bin";
}
if (isProgram()) await runFromProcess();
export {
  EXIT_FAILURE,
  EXIT_OK,
  EXIT_USAGE,
  createSignalHandler,
  helpText,
  main,
  readVersion,
  runFromProcess
};
