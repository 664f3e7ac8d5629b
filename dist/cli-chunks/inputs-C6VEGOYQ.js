import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  InputError,
  parseBoolean,
  parseDuration,
  parseInstant,
  parseTableNames,
  parseTransport,
  parseWholeNumber,
  parseWindow
} from "./chunk-BVJ2JR4B.js";
import "./chunk-TORVRQCF.js";
export {
  InputError,
  parseBoolean,
  parseDuration,
  parseInstant,
  parseTableNames,
  parseTransport,
  parseWholeNumber,
  parseWindow
};
