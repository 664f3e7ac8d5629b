import {
  TableFilesInvalidError,
  compareDiagnostics,
  formatDiagnostic
} from "./chunk-WSG4DF63.js";
export {
  TableFilesInvalidError,
  compareDiagnostics,
  formatDiagnostic
};
