import {
  parseCommandArgs
} from "./chunk-PA5KNX2G.js";
import {
  UsageError
} from "./chunk-CEUTD2IY.js";

// src/cli/commands/emulator.ts
import { mkdir } from "node:fs/promises";
import { resolve } from "node:path";
var DEFAULT_DEMO_TABLES = "examples/tables";
var DEMO_BUCKET = "demo-lake";
var DEMO_LAKE_AGE_MS = 60 * 6e4;
function parseRunSeconds(text) {
  if (text === void 0) return void 0;
  const seconds = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(seconds > 0) || seconds > 3600) {
    throw new UsageError(`--run-seconds takes a number of seconds above 0 and up to 3600 (got "${text}")`);
  }
  return seconds;
}
function exportLine(name, value) {
  const safe = /^[\w@%+=:,./-]*$/.test(value);
  return `export ${name}=${safe ? value : `'${value.replaceAll("'", `'\\''`)}'`}`;
}
function waitForAbort(signal) {
  if (signal.aborted) return Promise.resolve();
  return new Promise((done) => signal.addEventListener("abort", () => done(), { once: true }));
}
async function writeDemoLake(context, tablesDir, cloud, at = /* @__PURE__ */ new Date()) {
  const { env, projectId } = cloud;
  const [{ S3Client }, { loadSettings }, { loadTables }, { buildPlan }, { generateDemoLake }] = await Promise.all([
    import("@aws-sdk/client-s3"),
    import("./settings-P6FCHGYL.js"),
    import("./load-tables-HWB2HHF6.js"),
    import("./build-DTCXUDNN.js"),
    import("./lake-DEWECNR5.js")
  ]);
  const settings = { ...await loadSettings({ cwd: context.cwd, env: context.env }), project: projectId };
  const tables = await loadTables(context.cwd, tablesDir, settings, { throwOnErrors: true });
  const { planned } = buildPlan({ tables, settings, window: { kind: "tick", at } });
  const withSeveral = planned.find((table) => table.plan.enabled && table.plan.partitions.length > 1);
  const middle = withSeveral?.plan.partitions[Math.floor(withSeveral.plan.partitions.length / 2)];
  const missing = withSeveral && middle ? [{ table: withSeveral.spec.name, partitionId: middle.id }] : [];
  const s3 = new S3Client({
    endpoint: env.AWS_ENDPOINT_URL_S3,
    region: env.AWS_REGION,
    forcePathStyle: true,
    credentials: {
      accessKeyId: env.AWS_ACCESS_KEY_ID ?? "",
      secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? ""
    },
    // s3rver does not take the aws-chunked CRC32 uploads newer SDKs send by default.
    requestChecksumCalculation: "WHEN_REQUIRED"
  });
  try {
    const result = await generateDemoLake({ s3, bucket: DEMO_BUCKET, planned, missing });
    await cloud.backdateObjects(DEMO_LAKE_AGE_MS);
    return { files: result.files, rows: result.rows, bytes: result.bytes, missing };
  } finally {
    s3.destroy();
  }
}
var emulatorCommand = {
  name: "emulator",
  summary: "start the local cloud (S3, DTS, Cloud Logging, BigQuery) and print its endpoints",
  usage: `Usage: s3bq emulator [--data DIR] [--run-seconds N] [--json] [--demo [--tables DIR]]

Starts the local cloud on 127.0.0.1 and prints its endpoints as environment variables
(AWS_ENDPOINT_URL_S3, DTS_EMULATOR_HOST, LOGGING_EMULATOR_HOST, BIGQUERY_EMULATOR_HOST, …),
one \`export NAME=value\` line each, to paste into a shell or \`eval "$(…)"\`. It serves until
stopped with Ctrl-C (SIGINT) or SIGTERM. The AWS keys it prints are the local cloud's own
demo keys, not yours.

Options:
  --data DIR          keep S3 objects in DIR (default: a temporary folder removed on exit)
  --run-seconds N     how long each simulated transfer run takes (default 1)
  --json              print the variables as one JSON object on one line
  --demo              write the demo lake (realistic files for the example tables over
                      their current tick, with one partition left missing)
  --tables DIR        with --demo: the tables to write the lake for (default ${DEFAULT_DEMO_TABLES})
  -h, --help          show this help`,
  async run(context) {
    const values = parseCommandArgs(context.argv, {
      data: { type: "string" },
      "run-seconds": { type: "string" },
      json: { type: "boolean" },
      demo: { type: "boolean" },
      tables: { type: "string" }
    });
    const runSeconds = parseRunSeconds(values["run-seconds"]);
    if (values.tables !== void 0 && !values.demo) throw new UsageError("--tables goes with --demo");
    const dataDir = values.data === void 0 ? void 0 : resolve(context.cwd, values.data);
    if (dataDir) await mkdir(dataDir, { recursive: true });
    const projectId = context.env.GOOGLE_CLOUD_PROJECT?.trim() || void 0;
    const { startLocalCloud } = await import("./src-BBBL6QZV.js");
    const started = Date.now();
    const cloud = await startLocalCloud({
      ...dataDir === void 0 ? {} : { dataDir },
      ...runSeconds === void 0 ? {} : { runSeconds },
      ...projectId === void 0 ? {} : { projectId }
    });
    try {
      const env = { ...cloud.env };
      if (values.demo) {
        const demo = await writeDemoLake(context, values.tables ?? DEFAULT_DEMO_TABLES, cloud);
        const skipped = demo.missing.map((entry) => `${entry.table} ${entry.partitionId}`).join(", ") || "none";
        context.stderr.write(
          `s3bq emulator: demo lake written: ${demo.files} files, ${demo.rows} rows, ${demo.bytes} bytes; missing on purpose: ${skipped}
`
        );
      }
      if (values.json) context.stdout.write(`${JSON.stringify(env)}
`);
      else {
        const lines = Object.entries(env).map(([name, value]) => exportLine(name, value));
        context.stdout.write(`${lines.join("\n")}
`);
        context.stderr.write(
          `s3bq emulator: local cloud up in ${Date.now() - started} ms (admin: ${cloud.endpoints.admin}); Ctrl-C to stop
`
        );
      }
      await waitForAbort(context.signal);
    } finally {
      await cloud.stop();
    }
    context.stderr.write("s3bq emulator: stopped\n");
    return 0;
  }
};

export {
  exportLine,
  writeDemoLake,
  emulatorCommand
};
