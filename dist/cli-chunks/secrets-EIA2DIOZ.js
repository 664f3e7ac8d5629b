import {
  maskCredentialPatterns,
  scrubSecrets,
  secretForms
} from "./chunk-5SCK5MIT.js";
export {
  maskCredentialPatterns,
  scrubSecrets,
  secretForms
};
