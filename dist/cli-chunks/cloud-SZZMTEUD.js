import {
  DEFAULT_DEADLINES,
  createS3Client,
  createS3Face
} from "./chunk-GEE4GVEE.js";
import {
  CloudError,
  DEFAULT_RETRY_POLICY,
  callWithRetry,
  realSleep,
  toCloudError
} from "./chunk-KJZTX25U.js";
import {
  scrubSecrets
} from "./chunk-5SCK5MIT.js";

// src/cloud/bigquery.ts
import { BigQuery } from "@google-cloud/bigquery";
import { PassThroughClient } from "google-auth-library";
function createBigQueryClient({
  env,
  projectId,
  location,
  timeoutMs
}) {
  const emulator = env.BIGQUERY_EMULATOR_HOST;
  const common = {
    ...projectId ? { projectId } : {},
    location,
    autoRetry: false,
    maxRetries: 0,
    timeout: timeoutMs
  };
  if (!emulator) return new BigQuery(common);
  const endpoint = /^[a-z]+:\/\//i.test(emulator) ? emulator.replace(/\/+$/, "") : `http://${emulator}`;
  const client = new BigQuery({ ...common, apiEndpoint: endpoint, authClient: new PassThroughClient() });
  client.baseUrl = `${endpoint}/bigquery/v2`;
  return client;
}
function isNotFound(error) {
  return error?.code === 404 || error?.code === "NOT_FOUND";
}
function createBigQueryFace({
  client,
  location,
  timeoutMs,
  queryTimeoutMs,
  retry
}) {
  const context = (operation, signal, ms = timeoutMs) => ({
    service: "bigquery",
    operation,
    timeoutMs: ms,
    signal
  });
  const table = (ref) => client.dataset(ref.datasetId, { projectId: ref.projectId }).table(ref.tableId);
  async function getTable(ref, signal) {
    try {
      const [metadata] = await callWithRetry(
        context("tables.get", signal),
        retry,
        () => table(ref).getMetadata()
      );
      return toTableInfo(metadata);
    } catch (error) {
      if (isNotFound(error)) return void 0;
      throw error;
    }
  }
  return {
    async getDataset(projectId, datasetId, signal) {
      try {
        const [metadata] = await callWithRetry(
          context("datasets.get", signal),
          retry,
          () => client.dataset(datasetId, { projectId }).getMetadata()
        );
        const datasetLocation = metadata.location;
        return typeof datasetLocation === "string" ? { location: datasetLocation } : {};
      } catch (error) {
        if (isNotFound(error)) return void 0;
        throw error;
      }
    },
    async createDataset(projectId, datasetId, datasetLocation, signal) {
      try {
        await callWithRetry(
          context("datasets.insert", signal),
          retry,
          () => client.dataset(datasetId, { projectId }).create({ location: datasetLocation })
        );
      } catch (error) {
        if (error.code !== "ALREADY_EXISTS") throw error;
      }
    },
    getTable,
    async createTable(ref, definition, signal) {
      try {
        await callWithRetry(
          context("tables.insert", signal),
          retry,
          () => client.dataset(ref.datasetId, { projectId: ref.projectId }).createTable(ref.tableId, toApiTable(definition))
        );
      } catch (error) {
        if (error.code !== "ALREADY_EXISTS") throw error;
      }
    },
    async patchTable(ref, patch, signal) {
      await callWithRetry(
        context("tables.patch", signal),
        retry,
        () => table(ref).setMetadata(toApiTable(patch))
      );
    },
    async partitionRows(ref, signal) {
      const query = `SELECT partition_id, total_rows FROM \`${ref.projectId}.${ref.datasetId}.INFORMATION_SCHEMA.PARTITIONS\` WHERE table_name = @t`;
      const [rows] = await callWithRetry(
        context("jobs.query", signal, queryTimeoutMs),
        retry,
        () => client.query({ query, params: { t: ref.tableId }, location, jobTimeoutMs: queryTimeoutMs })
      );
      const counts = /* @__PURE__ */ new Map();
      for (const row of rows) {
        if (row.partition_id == null) continue;
        counts.set(String(row.partition_id), Number(row.total_rows ?? 0));
      }
      return counts;
    },
    async tableRows(ref, signal) {
      const info = await getTable(ref, signal);
      return info?.numRows ?? 0;
    }
  };
}
function toApiTable(definition) {
  const out = {};
  if (definition.schema) out.schema = { fields: definition.schema };
  if (definition.timePartitioning) {
    const { type, field, expirationMs } = definition.timePartitioning;
    out.timePartitioning = { type, ...field ? { field } : {}, ...expirationMs ? { expirationMs } : {} };
  }
  if (definition.requirePartitionFilter !== void 0)
    out.requirePartitionFilter = definition.requirePartitionFilter;
  if (definition.description !== void 0) out.description = definition.description;
  if (definition.labels !== void 0) out.labels = definition.labels;
  return out;
}
function toTableInfo(metadata) {
  const schema = metadata.schema?.fields ?? [];
  const tp = metadata.timePartitioning;
  return {
    schema,
    timePartitioning: tp ? {
      type: tp.type ?? "DAY",
      field: tp.field || void 0,
      expirationMs: tp.expirationMs !== void 0 ? String(tp.expirationMs) : void 0
    } : void 0,
    requirePartitionFilter: metadata.requirePartitionFilter === true || metadata.timePartitioning?.requirePartitionFilter === true,
    description: typeof metadata.description === "string" ? metadata.description : void 0,
    labels: metadata.labels ?? void 0,
    numRows: metadata.numRows !== void 0 ? Number(metadata.numRows) : void 0
  };
}

// src/cloud/proto-values.ts
function toStruct(params) {
  const fields = {};
  for (const [key, value] of Object.entries(params)) fields[key] = { stringValue: value };
  return { fields };
}
function fromStruct(struct) {
  const out = {};
  const fields = struct?.fields;
  if (!fields) return out;
  for (const [key, value] of Object.entries(fields)) {
    if (value == null) continue;
    if (typeof value.stringValue === "string") out[key] = value.stringValue;
    else if (typeof value.numberValue === "number") out[key] = String(value.numberValue);
    else if (typeof value.boolValue === "boolean") out[key] = String(value.boolValue);
  }
  return out;
}
function fromTimestamp(value) {
  if (value == null) return void 0;
  if (value instanceof Date) return value;
  if (typeof value === "string") {
    const parsed = new Date(value);
    return Number.isNaN(parsed.getTime()) ? void 0 : parsed;
  }
  const timestamp = value;
  if (timestamp.seconds == null) return void 0;
  const seconds = Number(String(timestamp.seconds));
  if (!Number.isFinite(seconds)) return void 0;
  return new Date(seconds * 1e3 + Math.floor((timestamp.nanos ?? 0) / 1e6));
}
function toTimestamp(date) {
  const ms = date.getTime();
  return { seconds: Math.floor(ms / 1e3), nanos: ms % 1e3 * 1e6 };
}
function enumName(value, names, fallback) {
  if (typeof value === "string" && names.includes(value)) return value;
  if (typeof value === "number") return names[value] ?? fallback;
  return fallback;
}

// src/cloud/dts.ts
var RUN_STATES = [
  "TRANSFER_STATE_UNSPECIFIED",
  "UNSPECIFIED",
  "PENDING",
  "RUNNING",
  "SUCCEEDED",
  "FAILED",
  "CANCELLED"
];
var SEVERITIES = ["MESSAGE_SEVERITY_UNSPECIFIED", "INFO", "WARNING", "ERROR"];
var AMAZON_S3_SOURCE = "amazon_s3";
var MAX_PAGES = 100;
function toConfigInfo(config) {
  const c = config ?? {};
  return {
    name: String(c.name ?? ""),
    displayName: String(c.displayName ?? ""),
    destinationDatasetId: typeof c.destinationDatasetId === "string" ? c.destinationDatasetId : void 0,
    dataSourceId: typeof c.dataSourceId === "string" ? c.dataSourceId : void 0,
    params: fromStruct(c.params),
    updateTime: fromTimestamp(c.updateTime)
  };
}
function toRunInfo(run) {
  const r = run ?? {};
  const error = r.errorStatus;
  return {
    name: String(r.name ?? ""),
    state: enumName(r.state, RUN_STATES, "UNSPECIFIED"),
    runTime: fromTimestamp(r.runTime),
    startTime: fromTimestamp(r.startTime),
    endTime: fromTimestamp(r.endTime),
    updateTime: fromTimestamp(r.updateTime),
    errorMessage: error?.message ? error.message : void 0,
    errorCode: typeof error?.code === "number" && error.code !== 0 ? error.code : void 0
  };
}
function createDtsFace({ client, projectId, location, timeoutMs, retry }) {
  const parent = `projects/${projectId}/locations/${location}`;
  const gax = { timeout: timeoutMs, retry: null, autoPaginate: false };
  const context = (operation, signal) => ({
    service: "dts",
    operation,
    timeoutMs: timeoutMs + 1e3,
    signal
  });
  const call = (operation, signal, attempt) => callWithRetry(context(operation, signal), retry, attempt);
  const clean = (text) => scrubSecrets(text, retry.secrets);
  const runInfo = (run) => {
    const info = toRunInfo(run);
    return info.errorMessage === void 0 ? info : { ...info, errorMessage: clean(info.errorMessage) };
  };
  const configBody = (input) => ({
    displayName: input.displayName,
    destinationDatasetId: input.destinationDatasetId,
    dataSourceId: AMAZON_S3_SOURCE,
    params: toStruct(input.params),
    scheduleOptions: { disableAutoScheduling: true }
  });
  async function listAll(operation, signal, page) {
    const out = [];
    let pageToken;
    for (let pages = 0; pages < MAX_PAGES; pages++) {
      const [items, next] = await call(operation, signal, () => page(pageToken));
      out.push(...items);
      pageToken = next?.pageToken ?? void 0;
      if (!pageToken) break;
    }
    return out;
  }
  return {
    parent,
    async createConfig(input, signal) {
      const [config] = await call(
        "CreateTransferConfig",
        signal,
        () => client.createTransferConfig({ parent, transferConfig: configBody(input) }, gax)
      );
      return toConfigInfo(config);
    },
    async updateConfig(name, input, signal) {
      const [config] = await call(
        "UpdateTransferConfig",
        signal,
        () => client.updateTransferConfig(
          {
            transferConfig: { name, ...configBody(input) },
            updateMask: { paths: ["display_name", "destination_dataset_id", "params", "schedule_options"] }
          },
          gax
        )
      );
      return toConfigInfo(config);
    },
    async getConfig(name, signal) {
      const [config] = await call("GetTransferConfig", signal, () => client.getTransferConfig({ name }, gax));
      return toConfigInfo(config);
    },
    async listConfigs(signal) {
      const configs = await listAll(
        "ListTransferConfigs",
        signal,
        (pageToken) => client.listTransferConfigs(
          { parent, dataSourceIds: [AMAZON_S3_SOURCE], pageSize: 1e3, pageToken },
          gax
        )
      );
      return configs.map((config) => toConfigInfo(config));
    },
    async deleteConfig(name, signal) {
      await call("DeleteTransferConfig", signal, () => client.deleteTransferConfig({ name }, gax));
    },
    async startRun(configName, runTime, signal) {
      const [response] = await call(
        "StartManualTransferRuns",
        signal,
        () => client.startManualTransferRuns({ parent: configName, requestedRunTime: toTimestamp(runTime) }, gax)
      );
      const run = response.runs?.[0];
      if (!run) throw new Error(`DTS started no run for ${configName} at ${runTime.toISOString()}`);
      return runInfo(run);
    },
    async getRun(name, signal) {
      const [run] = await call("GetTransferRun", signal, () => client.getTransferRun({ name }, gax));
      return runInfo(run);
    },
    async listRuns(configName, signal) {
      const runs = await listAll(
        "ListTransferRuns",
        signal,
        (pageToken) => client.listTransferRuns({ parent: configName, pageSize: 1e3, pageToken }, gax)
      );
      return runs.map(runInfo);
    },
    async listLogs(runName, signal) {
      const messages = await listAll(
        "ListTransferLogs",
        signal,
        (pageToken) => client.listTransferLogs({ parent: runName, pageSize: 1e3, pageToken }, gax)
      );
      return messages.map((message) => ({
        time: fromTimestamp(message.messageTime),
        severity: enumName(message.severity, SEVERITIES, "MESSAGE_SEVERITY_UNSPECIFIED"),
        text: clean(String(message.messageText ?? ""))
      }));
    }
  };
}

// src/cloud/dts-client.ts
import { DataTransferServiceClient } from "@google-cloud/bigquery-data-transfer";
function createDtsClient(options) {
  return new DataTransferServiceClient(options);
}

// src/cloud/endpoints.ts
import * as grpc from "@grpc/grpc-js";
import { PassThroughClient as PassThroughClient2 } from "google-auth-library";
function parseHostPort(value, variable) {
  const withScheme = /^[a-z]+:\/\//i.test(value) ? value : `http://${value}`;
  let url;
  try {
    url = new URL(withScheme);
  } catch {
    throw new Error(`${variable}="${value}" is not host:port or a URL; set it like 127.0.0.1:8080`);
  }
  const protocol = url.protocol === "https:" ? "https" : "http";
  const port = url.port ? Number(url.port) : protocol === "https" ? 443 : 80;
  return { host: url.hostname, port, protocol };
}
function gaxClientOptions(env, grpcVariable, restVariable, transport, projectId) {
  const project = projectId ? { projectId } : {};
  const grpcHost = env[grpcVariable];
  const restHost = env[restVariable];
  if (transport === "rest" && (restHost || grpcHost)) {
    if (!restHost) {
      throw new Error(
        `transport "rest" needs ${restVariable} when ${grpcVariable} is set (the local cloud prints both)`
      );
    }
    const target = parseHostPort(restHost, restVariable);
    return {
      ...project,
      apiEndpoint: target.host,
      port: target.port,
      protocol: target.protocol,
      fallback: true,
      authClient: new PassThroughClient2()
    };
  }
  if (grpcHost) {
    const target = parseHostPort(grpcHost, grpcVariable);
    return {
      ...project,
      apiEndpoint: target.host,
      port: target.port,
      sslCreds: grpc.credentials.createInsecure(),
      authClient: new PassThroughClient2()
    };
  }
  return { ...project, ...transport === "rest" ? { fallback: true } : {} };
}
function isLocal(env) {
  return Boolean(env.DTS_EMULATOR_HOST || env.BIGQUERY_EMULATOR_HOST || env.LOGGING_EMULATOR_HOST);
}

// src/cloud/logging.ts
import { v2 } from "@google-cloud/logging";
function createLoggingV2Client(options) {
  return new v2.LoggingServiceV2Client(options);
}
var MAX_PAGES2 = 20;
var DEFAULT_TAIL_BUFFER_WINDOW_MS = 0;
var MAX_TAIL_BUFFER_WINDOW_MS = 6e4;
var TAIL_SESSION_MAX_MS = 60 * 6e4;
var quote = (value) => `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
function configLogFilter(configId) {
  return ['resource.type="bigquery_dts_config"', `resource.labels.config_id=${quote(configId)}`].join(
    " AND "
  );
}
function runLogFilter(query) {
  return [
    'resource.type="bigquery_dts_config"',
    `resource.labels.config_id=${quote(query.configId)}`,
    `labels.run_id=${quote(query.runId)}`,
    `timestamp>=${quote(query.from.toISOString())}`,
    `timestamp<=${quote(query.to.toISOString())}`
  ].join(" AND ");
}
function entryText(entry) {
  const json = fromStruct(entry.jsonPayload);
  if (json.message) return json.message;
  if (typeof entry.textPayload === "string") return entry.textPayload;
  return "";
}
function suppressedCount(response) {
  const infos = response.suppressionInfo ?? [];
  return infos.reduce((sum, info) => sum + (Number(info.suppressedCount) || 0), 0);
}
function tailRunMessages(client, projectId, secrets, request, listener) {
  if (!request.configId) throw new Error("tailRunMessages needs the config id (last segment of its name)");
  const windowMs = request.bufferWindowMs ?? DEFAULT_TAIL_BUFFER_WINDOW_MS;
  if (!(Number.isFinite(windowMs) && windowMs >= 0 && windowMs <= MAX_TAIL_BUFFER_WINDOW_MS)) {
    throw new Error(`the tail's buffer window must be 0–60000 ms, got ${windowMs}`);
  }
  let done = false;
  const end = (error) => {
    if (done) return;
    done = true;
    listener.onEnd(toCloudError(error, "logging", "TailLogEntries", secrets));
  };
  let stream;
  try {
    stream = client.tailLogEntries({ timeout: TAIL_SESSION_MAX_MS, retry: null });
  } catch (error) {
    queueMicrotask(() => end(error));
    return { close: () => done = true };
  }
  stream.on("metadata", () => {
    if (!done) listener.onOpen();
  });
  stream.on("data", (response) => {
    if (done) return;
    const entries = response.entries ?? [];
    const messages = entries.map((entry) => ({
      runId: String(entry.labels?.run_id ?? ""),
      time: fromTimestamp(entry.timestamp),
      severity: String(entry.severity ?? "DEFAULT"),
      text: entryText(entry)
    }));
    listener.onMessages(messages, suppressedCount(response));
  });
  stream.on("error", end);
  stream.on(
    "end",
    () => end(new CloudError("logging", "TailLogEntries", "UNAVAILABLE", "the service ended the live tail"))
  );
  stream.write({
    resourceNames: [`projects/${projectId}`],
    filter: configLogFilter(request.configId),
    bufferWindow: { seconds: Math.floor(windowMs / 1e3), nanos: windowMs % 1e3 * 1e6 }
  });
  return {
    close() {
      if (done) return;
      done = true;
      stream.cancel();
    }
  };
}
function createLoggingFace({
  client,
  projectId,
  timeoutMs,
  retry,
  transport = "grpc"
}) {
  const context = (signal) => ({
    service: "logging",
    operation: "ListLogEntries",
    timeoutMs: timeoutMs + 1e3,
    signal
  });
  const tail = transport === "grpc" ? {
    tailRunMessages: (request, listener) => tailRunMessages(client, projectId, retry.secrets, request, listener)
  } : {};
  return {
    ...tail,
    async runMessages(query, signal) {
      const filter = runLogFilter(query);
      const messages = [];
      let pageToken;
      for (let pages = 0; pages < MAX_PAGES2; pages++) {
        const [entries, next] = await callWithRetry(
          context(signal),
          retry,
          () => client.listLogEntries(
            {
              resourceNames: [`projects/${projectId}`],
              filter,
              orderBy: "timestamp asc",
              pageSize: 1e3,
              ...pageToken ? { pageToken } : {}
            },
            { timeout: timeoutMs, retry: null, autoPaginate: false }
          )
        );
        for (const entry of entries) {
          messages.push({
            time: fromTimestamp(entry.timestamp),
            severity: String(entry.severity ?? "DEFAULT"),
            text: entryText(entry)
          });
        }
        pageToken = next?.pageToken ?? void 0;
        if (!pageToken) break;
      }
      return messages;
    }
  };
}

// src/cloud/index.ts
var LOCAL_PROJECT = "local-project";
function createCloudServices(options) {
  const { env, settings } = options;
  const transport = options.transport ?? "grpc";
  const deadlines = { ...DEFAULT_DEADLINES, ...options.deadlines };
  const projectId = settings.project || env.GOOGLE_CLOUD_PROJECT || (isLocal(env) ? LOCAL_PROJECT : void 0);
  if (!projectId) {
    throw new Error('no Google Cloud project: set GOOGLE_CLOUD_PROJECT or "project" in pipeline.json');
  }
  const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter((s) => Boolean(s));
  const retry = { ...DEFAULT_RETRY_POLICY, sleep: realSleep, ...options.retry, secrets };
  const s3Client = createS3Client({ env });
  const dtsClient = createDtsClient(
    gaxClientOptions(env, "DTS_EMULATOR_HOST", "DTS_EMULATOR_REST", transport, projectId)
  );
  const loggingClient = createLoggingV2Client(
    gaxClientOptions(env, "LOGGING_EMULATOR_HOST", "LOGGING_EMULATOR_REST", transport, projectId)
  );
  const bigqueryClient = createBigQueryClient({
    env,
    projectId,
    location: settings.location,
    timeoutMs: deadlines.callMs
  });
  const awsCredentials = env.AWS_ACCESS_KEY_ID && env.AWS_SECRET_ACCESS_KEY ? { accessKeyId: env.AWS_ACCESS_KEY_ID, secretAccessKey: env.AWS_SECRET_ACCESS_KEY } : void 0;
  return {
    projectId,
    secrets,
    awsCredentials,
    s3: createS3Face({ client: s3Client, timeoutMs: deadlines.s3Ms, retry }),
    dts: createDtsFace({
      client: dtsClient,
      projectId,
      location: settings.location,
      timeoutMs: deadlines.callMs,
      retry
    }),
    logging: createLoggingFace({
      client: loggingClient,
      projectId,
      timeoutMs: deadlines.callMs,
      retry,
      transport
    }),
    bigquery: createBigQueryFace({
      client: bigqueryClient,
      location: settings.location,
      timeoutMs: deadlines.callMs,
      queryTimeoutMs: deadlines.queryMs,
      retry
    }),
    async close() {
      s3Client.destroy();
      await Promise.allSettled([dtsClient.close(), loggingClient.close()]);
    }
  };
}
export {
  CloudError,
  LOCAL_PROJECT,
  createCloudServices
};
