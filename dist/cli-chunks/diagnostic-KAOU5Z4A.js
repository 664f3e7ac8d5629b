import {
  TableFilesInvalidError,
  compareDiagnostics,
  formatDiagnostic
} from "./chunk-63OWPSM2.js";
export {
  TableFilesInvalidError,
  compareDiagnostics,
  formatDiagnostic
};
