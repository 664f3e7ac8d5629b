import {
  CloudError,
  grpcCodeName,
  httpStatusCode,
  looksLikeQuota,
  scrubSecrets,
  toCloudError
} from "./chunk-GWZSQ2PE.js";
export {
  CloudError,
  grpcCodeName,
  httpStatusCode,
  looksLikeQuota,
  scrubSecrets,
  toCloudError
};
