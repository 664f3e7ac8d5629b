import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  UsageError
} from "./chunk-EWHPSNTF.js";
import {
  closestMatches
} from "./chunk-KAU5M4UI.js";

// src/cli/args.ts
import { parseArgs } from "node:util";
function parseCommandArgs(argv, options, rules = {}) {
  const parsed = parseStrict(argv, options);
  refuseRepeats(parsed.tokens, options);
  const given = new Set(parsed.tokens.flatMap((t) => t.kind === "option" ? [t.name] : []));
  for (const group of rules.conflicts ?? []) {
    const present = group.filter((name) => given.has(name));
    if (present.length > 1) {
      throw new UsageError(`${present.map((n) => `--${n}`).join(" and ")} cannot be used together: give one`);
    }
  }
  for (const [flag, partner] of Object.entries(rules.requires ?? {})) {
    if (given.has(flag) && !given.has(partner)) throw new UsageError(`--${flag} goes with --${partner}`);
  }
  return parsed.values;
}
function parseStrict(argv, options) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    const code = error.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      throw new UsageError(parseErrorMessage(code, error.message, options));
    }
    throw error;
  }
}
function parseErrorMessage(code, message, options) {
  const text = message.replace(/\. To specify a positional argument.*$/s, "");
  if (code === "ERR_PARSE_ARGS_UNKNOWN_OPTION") {
    const flag = /'([^']*)'/.exec(text)?.[1] ?? "";
    const known = [...Object.keys(options).map((name) => `--${name}`), "--help"];
    const [guess] = closestMatches(flag.replace(/=.*$/, ""), known, 1);
    return `unknown option "${flag}"${guess ? ` — did you mean ${guess}?` : ""}`;
  }
  if (code === "ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL") {
    const word = /'([^']*)'/.exec(text)?.[1] ?? "";
    return `unexpected argument "${word}": this command takes options only (--name value)`;
  }
  return text;
}
function refuseRepeats(tokens, options) {
  const seen = /* @__PURE__ */ new Set();
  for (const token of tokens) {
    if (token.kind !== "option" || token.name === void 0) continue;
    if (seen.has(token.name) && !options[token.name]?.multiple) {
      throw new UsageError(`--${token.name} is given twice: give it once`);
    }
    seen.add(token.name);
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
  const [guess] = closestMatches(value, allowed, 1);
  throw new UsageError(
    `--${option} must be one of ${allowed.join(", ")} (got "${value}")${guess ? ` — did you mean ${guess}?` : ""}`
  );
}

export {
  parseCommandArgs,
  wantsHelp,
  oneOf
};
