import {
  TableFilesInvalidError,
  compareDiagnostics,
  formatDiagnostic
} from "./chunk-JQY6CVHL.js";
export {
  TableFilesInvalidError,
  compareDiagnostics,
  formatDiagnostic
};
