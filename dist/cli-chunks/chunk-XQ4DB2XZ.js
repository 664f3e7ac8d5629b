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
  UsageError
} from "./chunk-EWHPSNTF.js";

// src/cli/commands/emulator.ts
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
var DEFAULT_DEMO_TABLES = "examples/tables";
var DEMO_BUCKET = "demo-lake";
var DEMO_LAKE_AGE_MS = 60 * 6e4;
var PARENT_POLL_MS = 1e3;
function parseSeconds(option, text, bounds) {
  if (text === void 0) return void 0;
  const seconds = Number(text);
  const low = bounds.min === "above 0" ? seconds > 0 : seconds >= 0;
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !low || seconds > bounds.max) {
    throw new UsageError(
      `--${option} takes a number of seconds ${bounds.min} and up to ${bounds.max} (got "${text}")`
    );
  }
  return seconds;
}
function demoLakeAgeMs(fileVisibilitySeconds) {
  return Math.max(DEMO_LAKE_AGE_MS, ((fileVisibilitySeconds ?? 0) + 60) * 1e3);
}
async function writeFileAtomically(path, text) {
  const temporary = join(dirname(path), `.${process.pid}.${Date.now()}.s3bq-tmp`);
  try {
    await writeFile(temporary, text, { mode: 384 });
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
function stopWhenOrphaned(controller, parentPid = () => process.ppid) {
  const first = parentPid();
  const timer = setInterval(() => {
    if (parentPid() !== first) controller.abort(new Error("the process that started the local cloud exited"));
  }, PARENT_POLL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
function exportLine(name, value) {
  const safe = /^[\w@%+=:,./-]*$/.test(value);
  return `export ${name}=${safe ? value : `'${value.replaceAll("'", `'\\''`)}'`}`;
}
function waitForAbort(signal) {
  if (signal.aborted) return Promise.resolve();
  return new Promise((done) => signal.addEventListener("abort", () => done(), { once: true }));
}
async function writeDemoLake(context, tablesDir, cloud, at = /* @__PURE__ */ new Date(), ageMs = DEMO_LAKE_AGE_MS) {
  const { env, projectId } = cloud;
  const [{ loadSettings }, { loadTables }, { buildPlan }, { createLakeClient, generateDemoLake }] = await Promise.all([
    import("./settings-TQHXT7J4.js"),
    import("./load-tables-X66A6UGZ.js"),
    import("./build-DDXB5SYK.js"),
    import("./lake-YDVLT2KR.js")
  ]);
  const settings = { ...await loadSettings({ cwd: context.cwd, env: context.env }), project: projectId };
  const tables = await loadTables(context.cwd, tablesDir, settings, { throwOnErrors: true });
  const { planned } = buildPlan({ tables, settings, window: { kind: "tick", at } });
  const withSeveral = planned.find((table) => table.plan.enabled && table.plan.partitions.length > 1);
  const middle = withSeveral?.plan.partitions[Math.floor(withSeveral.plan.partitions.length / 2)];
  const missing = withSeveral && middle ? [{ table: withSeveral.spec.name, partitionId: middle.id }] : [];
  const s3 = createLakeClient(env);
  try {
    const result = await generateDemoLake({ s3, bucket: DEMO_BUCKET, planned, missing });
    await cloud.backdateObjects(ageMs);
    const tables2 = planned.filter((table) => table.plan.enabled).map(({ spec }) => ({
      name: spec.name,
      projectId: spec.project ?? projectId,
      datasetId: spec.dataset,
      tableId: spec.table
    }));
    return { files: result.files, rows: result.rows, bytes: result.bytes, missing, tables: tables2 };
  } finally {
    s3.destroy();
  }
}
var emulatorCommand = {
  name: "emulator",
  summary: "start the local cloud (S3, DTS, Cloud Logging, BigQuery) and print its endpoints",
  usage: `Usage: s3bq emulator [--data DIR] [--run-seconds N] [--file-visibility-seconds N]
                     [--json] [--write-env PATH] [--demo [--tables DIR]]

Starts the local cloud on 127.0.0.1 and prints its endpoints as environment variables
(AWS_ENDPOINT_URL_S3, DTS_EMULATOR_HOST, LOGGING_EMULATOR_HOST, BIGQUERY_EMULATOR_HOST, …),
one \`export NAME=value\` line each, to paste into a shell or \`eval "$(…)"\`. It serves until
stopped with Ctrl-C (SIGINT), SIGTERM (\`kill "$S3BQ_EMULATOR_PID"\`), or until the process
that started it exits. The AWS keys it prints are the local cloud's own demo keys, not yours.

Options:
  --data DIR                    keep S3 objects in DIR (default: a temporary folder removed on exit)
  --run-seconds N               how long each simulated transfer run takes (default 1)
  --file-visibility-seconds N   how long a new S3 file stays invisible to transfer runs
                                (default: about 300, as DTS; 0 to load files at once)
  --json                        print the variables as one JSON object on one line
  --write-env PATH              also write the export lines to PATH, whole and at once, when
                                the local cloud is ready (and remove it when it stops)
  --demo                        write the demo lake (realistic files for the example tables over
                                their current tick, with one partition left missing)
  --tables DIR                  with --demo: the tables to write the lake for (default ${DEFAULT_DEMO_TABLES})
  -h, --help                    show this help`,
  async run(context) {
    const values = parseCommandArgs(
      context.argv,
      {
        data: { type: "string" },
        "run-seconds": { type: "string" },
        "file-visibility-seconds": { type: "string" },
        json: { type: "boolean" },
        "write-env": { type: "string" },
        demo: { type: "boolean" },
        tables: { type: "string" }
      },
      { requires: { tables: "demo" } }
    );
    const runSeconds = parseSeconds("run-seconds", values["run-seconds"], { min: "above 0", max: 3600 });
    const fileVisibilitySeconds = parseSeconds("file-visibility-seconds", values["file-visibility-seconds"], {
      min: "from 0",
      max: 86400
    });
    const dataDir = values.data === void 0 ? void 0 : resolve(context.cwd, values.data);
    const envFile = values["write-env"] === void 0 ? void 0 : resolve(context.cwd, values["write-env"]);
    if (dataDir) await mkdir(dataDir, { recursive: true });
    if (envFile) await rm(envFile, { force: true });
    const projectId = context.env.GOOGLE_CLOUD_PROJECT?.trim() || void 0;
    const { startLocalCloud } = await import("./local-cloud.js");
    const started = Date.now();
    const cloud = await startLocalCloud({
      ...dataDir === void 0 ? {} : { dataDir },
      ...runSeconds === void 0 ? {} : { runSeconds },
      ...fileVisibilitySeconds === void 0 ? {} : { fileVisibilitySeconds },
      ...projectId === void 0 ? {} : { projectId }
    });
    const stop = new AbortController();
    const unwatch = stopWhenOrphaned(stop);
    const onAbort = () => stop.abort(context.signal.reason);
    context.signal.addEventListener("abort", onAbort, { once: true });
    try {
      const env = { ...cloud.env, S3BQ_EMULATOR_PID: String(process.pid) };
      if (values.demo) {
        const ageMs = demoLakeAgeMs(fileVisibilitySeconds);
        const demo = await writeDemoLake(
          context,
          values.tables ?? DEFAULT_DEMO_TABLES,
          cloud,
          /* @__PURE__ */ new Date(),
          ageMs
        );
        const skipped = demo.missing.map((entry) => `${entry.table} ${entry.partitionId}`).join(", ") || "none";
        context.stderr.write(
          `s3bq emulator: demo lake written: ${demo.files} files, ${demo.rows} rows, ${demo.bytes} bytes; missing on purpose: ${skipped}
`
        );
      }
      const exports = `${Object.entries(env).map(([name, value]) => exportLine(name, value)).join("\n")}
`;
      if (envFile) await writeFileAtomically(envFile, exports);
      if (values.json) context.stdout.write(`${JSON.stringify(env)}
`);
      else {
        context.stdout.write(exports);
        context.stderr.write(
          `s3bq emulator: local cloud up in ${Date.now() - started} ms (admin: ${cloud.endpoints.admin}); Ctrl-C or kill ${process.pid} to stop
`
        );
      }
      if (context.signal.aborted) stop.abort(context.signal.reason);
      await waitForAbort(stop.signal);
    } finally {
      unwatch();
      context.signal.removeEventListener("abort", onAbort);
      await cloud.stop();
      if (envFile) await rm(envFile, { force: true });
    }
    context.stderr.write("s3bq emulator: stopped\n");
    return 0;
  }
};

export {
  demoLakeAgeMs,
  stopWhenOrphaned,
  exportLine,
  writeDemoLake,
  emulatorCommand
};
