import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  displayPath
} from "./chunk-GDQE2AHS.js";
import {
  loadTableDir
} from "./chunk-6ETDOBUU.js";
import "./chunk-OUMTBUWZ.js";
import {
  TableFilesInvalidError
} from "./chunk-SZY5Y5CX.js";
import "./chunk-H6WYGB6N.js";
import "./chunk-VQA6TWGF.js";
import "./chunk-KAU5M4UI.js";
import "./chunk-TORVRQCF.js";

// src/cli/load-tables.ts
import { resolve } from "node:path";
async function loadTables(cwd, tablesDir, settings, options = {}) {
  const { tables, diagnostics } = await loadTableDir(resolve(cwd, tablesDir), settings);
  const shown = diagnostics.map((d) => ({ ...d, file: displayPath(cwd, d.file) }));
  if (options.throwOnErrors) {
    if (shown.length > 0) throw new TableFilesInvalidError(shown);
    return tables;
  }
  return { tables, diagnostics: shown };
}
export {
  loadTables
};
