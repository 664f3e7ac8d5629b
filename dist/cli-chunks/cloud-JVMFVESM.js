import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);
import {
  createCloudServices
} from "./chunk-WO2ILBRF.js";
import "./chunk-NRUALMLC.js";
import "./chunk-FNWQJDUF.js";
import "./chunk-ETTOO2EQ.js";
import "./chunk-S3CM6QUE.js";
import "./chunk-Q5I7DL2S.js";
import "./chunk-XTUQKZPG.js";
import "./chunk-TORVRQCF.js";
export {
  createCloudServices
};
