import {
  UsageError
} from "./chunk-CEUTD2IY.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(argv, options) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    const code = error.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      throw new UsageError(error.message.replace(/\. To specify a positional argument.*$/s, ""));
    }
    throw error;
  }
}
function wantsHelp(argv) {
  for (const arg of argv) {
    if (arg === "--") return false;
    if (arg === "--help" || arg === "-h") return true;
  }
  return false;
}
function oneOf(option, value, allowed, fallback) {
  if (value === void 0) return fallback;
  if (allowed.includes(value)) return value;
  throw new UsageError(`--${option} must be one of ${allowed.join(", ")} (got "${value}")`);
}

export {
  parseCommandArgs,
  wantsHelp,
  oneOf
};
