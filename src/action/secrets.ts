// The AWS secrets the action holds: masked in the runner's log the moment the action starts,
// and scrubbed from everything it writes itself (summaries, annotations, result file), which
// the runner's log masking does not cover.

/** Environment variables whose values must never appear anywhere. */
export const SECRET_ENV_NAMES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** Secrets shorter than this are not worth masking: they would blank out ordinary words. */
const MIN_SECRET_LENGTH = 4;

/** Each secret and the encoded forms a log or error message could echo it in. */
export function secretForms(secret: string): string[] {
  const forms = [secret, encodeURIComponent(secret), Buffer.from(secret, 'utf8').toString('base64')];
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH);
}

/** The secret values present in `env`, every encoded form included. */
export function secretsFrom(env: NodeJS.ProcessEnv): string[] {
  return SECRET_ENV_NAMES.flatMap((name) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? [] : secretForms(value);
  });
}

/** Registers every secret form with the runner's masker (`core.setSecret`). */
export function maskSecrets(env: NodeJS.ProcessEnv, setSecret: (value: string) => void): string[] {
  const secrets = secretsFrom(env);
  for (const secret of secrets) setSecret(secret);
  return secrets;
}

/** `text` with every secret form replaced by `***`. */
export function redact(text: string, secrets: readonly string[]): string {
  let clean = text;
  // Longest first, so a form containing another is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length))
    clean = clean.split(secret).join('***');
  return clean;
}
