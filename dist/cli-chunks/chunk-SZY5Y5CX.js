import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);

// src/tables/diagnostic.ts
function formatDiagnostic(d) {
  const level = d.severity === "warning" ? "warning: " : "";
  return `${oneLine(d.file)}:${d.line}:${d.column}: ${level}${oneLine(d.message)}`;
}
function oneLine(text) {
  return text.replace(/[\u0000-\u001f\u007f\u2028\u2029]/g, (c) => JSON.stringify(c).slice(1, -1));
}
function compareDiagnostics(a, b) {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || (a.message < b.message ? -1 : a.message > b.message ? 1 : 0);
}
var TableFilesInvalidError = class extends Error {
  constructor(diagnostics) {
    const files = new Set(diagnostics.map((d) => d.file)).size;
    super(
      `${diagnostics.length} error${diagnostics.length === 1 ? "" : "s"} in ${files} table file${files === 1 ? "" : "s"}: fix them (see \`s3bq validate\`) and run again`
    );
    this.diagnostics = diagnostics;
  }
  diagnostics;
  name = "TableFilesInvalidError";
};

export {
  formatDiagnostic,
  compareDiagnostics,
  TableFilesInvalidError
};
