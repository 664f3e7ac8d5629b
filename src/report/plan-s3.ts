// The S3 reader of `s3bq plan --check-source`: src/cloud's S3 face with its usual deadline
// and retries, built from the environment (AWS_* keys, AWS_ENDPOINT_URL_S3).
import { DEFAULT_DEADLINES } from '../cloud/deadlines.js';
import { DEFAULT_RETRY_POLICY, realSleep } from '../cloud/retry.js';
import { createS3Client, createS3Face } from '../cloud/s3.js';
import type { PrefixLister } from './source-check.js';

export function createPlanS3(env: NodeJS.ProcessEnv): PrefixLister {
  const secrets = [env.AWS_SECRET_ACCESS_KEY, env.AWS_SESSION_TOKEN].filter((s): s is string => Boolean(s));
  return createS3Face({
    client: createS3Client({ env }),
    timeoutMs: DEFAULT_DEADLINES.s3Ms,
    // A PR check should answer quickly: fewer retries than a load.
    retry: { ...DEFAULT_RETRY_POLICY, retries: 2, sleep: realSleep, secrets },
  });
}
