import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  runCommand
} from "./chunk-BZOIB7SW.js";
import "./chunk-ZDOIXA6L.js";
import "./chunk-BVJ2JR4B.js";
import "./chunk-EWHPSNTF.js";
import "./chunk-GDQE2AHS.js";
import "./chunk-KAU5M4UI.js";
import "./chunk-TORVRQCF.js";
export {
  runCommand
};
