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
  loadSettings
} from "./chunk-BKJH2NL6.js";
import {
  loadTableDir
} from "./chunk-6ETDOBUU.js";
import "./chunk-OUMTBUWZ.js";
import "./chunk-SZY5Y5CX.js";
import "./chunk-H6WYGB6N.js";
import "./chunk-VQA6TWGF.js";
import "./chunk-KAU5M4UI.js";
import "./chunk-TORVRQCF.js";

// src/cli/commands/janitor-tables.ts
import { stat } from "node:fs/promises";
import { resolve } from "node:path";
async function appendTables(context, tablesDir, named) {
  const settings = await loadSettings({ cwd: context.cwd, env: context.env });
  const dir = resolve(context.cwd, tablesDir);
  const folder = await stat(dir).catch(() => void 0);
  if (!folder?.isDirectory()) {
    if (named) throw new UsageError(`--tables ${tablesDir} is not a folder`);
    context.stderr.write(`no ${tablesDir}/ here: append configs are not retired, only runs' leftovers
`);
    return { settings, tables: void 0 };
  }
  const { tables, diagnostics } = await loadTableDir(dir, settings);
  const errors = diagnostics.filter((d) => d.severity !== "warning");
  if (errors.length > 0) {
    context.stderr.write(
      `${errors.length} finding(s) in the table files (run s3bq validate): append configs are not retired this time
`
    );
    return { settings, tables: void 0 };
  }
  return { settings, tables };
}
export {
  appendTables
};
