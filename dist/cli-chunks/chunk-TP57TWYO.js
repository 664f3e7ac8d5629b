import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);

// src/cli/workflow-commands.ts
function escapeData(value) {
  return value.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}
function escapeProperty(value) {
  return escapeData(value).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
function errorAnnotation(properties, message) {
  const props = [
    `file=${escapeProperty(properties.file)}`,
    `line=${properties.line}`,
    `col=${properties.col}`,
    ...properties.title ? [`title=${escapeProperty(properties.title)}`] : []
  ];
  return `::error ${props.join(",")}::${escapeData(message)}`;
}
function escapeLogValue(value) {
  return escapeData(value).replace(/::/g, ":%3A");
}
function escapeLogText(text) {
  return text.replace(/\r/g, "%0D").replace(/::/g, ":%3A");
}
function withEscapedText(error) {
  if (!(error instanceof Error)) return typeof error === "string" ? escapeLogText(error) : error;
  const copy = Object.assign(Object.create(Object.getPrototypeOf(error)), error);
  copy.message = escapeLogText(error.message);
  if (error.stack !== void 0) copy.stack = escapeLogText(error.stack);
  const diagnostics = error.diagnostics;
  if (Array.isArray(diagnostics)) {
    copy.diagnostics = diagnostics.map((d) => ({
      ...d,
      file: escapeLogValue(d.file),
      message: escapeLogText(d.message)
    }));
  }
  return copy;
}

export {
  escapeData,
  escapeProperty,
  errorAnnotation,
  escapeLogValue,
  escapeLogText,
  withEscapedText
};
