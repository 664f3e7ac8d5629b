import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  STATE_KEY,
  cleanupConfigs,
  createCloudServices,
  maskSecrets,
  parseCleanupState,
  withDeadline
} from "./chunks/chunk-DYKPGO5W.js";
import {
  getState,
  info,
  scrubSecrets,
  setSecret,
  warning
} from "./chunks/chunk-PYARGV2P.js";
import "./chunks/chunk-7XJBBHV6.js";
import "./chunks/chunk-TR7F3WIX.js";

// src/action/cleanup.ts
var CLEANUP_DEADLINE_MS = 6e4;
var JANITOR_HINT = "Delete them in the console, or run 's3bq janitor', which removes this pipeline's leftovers.";
async function cleanup(env = process.env) {
  const secrets = maskSecrets(env, setSecret);
  const scrub = (text) => scrubSecrets(text, secrets);
  let configs = [];
  try {
    const state = parseCleanupState(getState(STATE_KEY));
    configs = state?.configs ?? [];
    if (!state || configs.length === 0) {
      info("No transfer config left behind by this job.");
      return;
    }
    info(`Deleting ${configs.length} transfer config(s) left behind: ${configs.join(", ")}`);
    const services = createCloudServices({
      env,
      settings: { project: state.project, location: state.location, maxParallel: 1, timezone: "UTC" },
      transport: state.transport
    });
    try {
      const outcome = await withDeadline(
        { service: "dts", operation: "DeleteTransferConfig", timeoutMs: CLEANUP_DEADLINE_MS },
        (signal) => cleanupConfigs(services, configs, signal),
        secrets
      );
      for (const name of outcome.deleted) info(`Deleted ${name}`);
      for (const name of outcome.missing) info(`Already gone: ${name}`);
      for (const { name, message } of outcome.failed) {
        warning(scrub(`Could not delete transfer config ${name}: ${message}. ${JANITOR_HINT}`));
      }
    } finally {
      await services.close();
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    warning(
      scrub(
        `Could not delete transfer config(s) ${configs.join(", ") || "(unknown)"}: ${message}. ${JANITOR_HINT}`
      )
    );
  }
}

// src/action/post.ts
await cleanup();
process.exit();
