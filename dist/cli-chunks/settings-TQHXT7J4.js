import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  MAX_PARALLEL_LIMIT,
  SettingsError,
  loadSettings
} from "./chunk-BKJH2NL6.js";
import "./chunk-OUMTBUWZ.js";
import "./chunk-SZY5Y5CX.js";
import "./chunk-VQA6TWGF.js";
import "./chunk-KAU5M4UI.js";
import "./chunk-TORVRQCF.js";
export {
  MAX_PARALLEL_LIMIT,
  SettingsError,
  loadSettings
};
