import {
  DEFAULT_DEADLINES,
  createS3Client,
  createS3Face
} from "./chunk-GEE4GVEE.js";
import {
  DEFAULT_RETRY_POLICY,
  realSleep
} from "./chunk-KJZTX25U.js";
import "./chunk-5SCK5MIT.js";

// src/report/plan-s3.ts
function createPlanS3(env) {
  const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter((s) => Boolean(s));
  return createS3Face({
    client: createS3Client({ env }),
    timeoutMs: DEFAULT_DEADLINES.s3Ms,
    // A PR check should answer quickly: fewer retries than a load.
    retry: { ...DEFAULT_RETRY_POLICY, retries: 2, sleep: realSleep, secrets }
  });
}
export {
  createPlanS3
};
