// The AWS secrets the action holds: masked in the runner's log the moment the action starts
// (every encoded form too). What it writes itself (summaries, annotations, result file),
// which the runner's log masking does not cover, goes through cloud/secrets' scrubSecrets.
import { secretForms, secretsFrom } from '../cloud/secrets.js';

/** Registers every form of every secret with the runner's masker (`core.setSecret`). */
export function maskSecrets(env: NodeJS.ProcessEnv, setSecret: (value: string) => void): string[] {
  const secrets = secretsFrom(env);
  for (const form of secrets.flatMap(secretForms)) setSecret(form);
  return secrets;
}
