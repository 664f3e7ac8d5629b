// The AWS secrets the action holds: masked in the runner's log the moment the action starts
// (every encoded form too). What it writes itself (summaries, annotations, result file),
// which the runner's log masking does not cover, goes through cloud/secrets' scrubSecrets.
import { secretForms } from '../cloud/secrets.js';

/** Environment variables whose values must never appear anywhere. */
export const SECRET_ENV_NAMES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** The secret values present in `env`. */
export function secretsFrom(env: NodeJS.ProcessEnv): string[] {
  return SECRET_ENV_NAMES.flatMap((name) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? [] : [value];
  });
}

/** Registers every form of every secret with the runner's masker (`core.setSecret`). */
export function maskSecrets(env: NodeJS.ProcessEnv, setSecret: (value: string) => void): string[] {
  const secrets = secretsFrom(env);
  for (const form of secrets.flatMap(secretForms)) setSecret(form);
  return secrets;
}
