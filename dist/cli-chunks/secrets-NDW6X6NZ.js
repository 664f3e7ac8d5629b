import {
  scrubSecrets,
  secretForms
} from "./chunk-NF5QNA6W.js";
export {
  scrubSecrets,
  secretForms
};
