// Keeping the AWS secret out of every text the product writes. A service may echo the
// secret back in an error, as written, URL- or JSON-escaped, or inside a base64 blob (a
// serialised request), so each of those forms is scrubbed, not only the literal value.

/** Environment variables whose values must never appear anywhere. */
const SECRET_ENV_NAMES = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN'] as const;

/** The secret values present in `env`: what every printed text is scrubbed of. */
export function secretsFrom(env: NodeJS.ProcessEnv): string[] {
  return SECRET_ENV_NAMES.flatMap((name) => {
    const value = env[name];
    return value === undefined || value.trim() === '' ? [] : [value];
  });
}

/** Shorter values are not worth scrubbing: they would blank out ordinary words. */
const MIN_FORM_LENGTH = 6;

/**
 * Every substring that betrays `secret`: itself, URL- and JSON-escaped, and its base64 /
 * base64url encodings, alone or embedded in a longer blob. Embedded, the encoding depends
 * on the secret's byte offset modulo 3, and its first and last characters mix with the
 * neighbouring bytes, so the stable core of each of the three alignments is a form too.
 */
export function secretForms(secret: string): string[] {
  const bytes = Buffer.from(secret, 'utf8');
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (const encoding of ['base64', 'base64url'] as const) {
    forms.push(bytes.toString(encoding), bytes.toString(encoding).replace(/=+$/, ''));
    for (let offset = 0; offset < 3; offset++) {
      const shifted = Buffer.concat([Buffer.alloc(offset), bytes])
        .toString(encoding)
        .replace(/=+$/, '');
      forms.push(shifted.slice(Math.ceil((offset * 4) / 3), -2));
    }
  }
  return [...new Set(forms)].filter((form) => form.length >= MIN_FORM_LENGTH);
}

// Access key ids have a fixed shape; a secret follows its parameter's name, also inside an
// echoed protobuf Struct. Messages come from services we do not control, so these shapes
// are masked even where the secret's value is not known (a report renders saved results).
const ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;
const ECHOED_SECRET_PARAM =
  /(secret_?access_?key["'\s:=]+(?:\{\s*"?string_?value"?\s*:\s*)?["']?)[^"'\s,}]+/gi;

/** Masks anything shaped like AWS credentials: access key ids and echoed secret params. */
export function maskCredentialPatterns(text: string): string {
  return text.replace(ACCESS_KEY_ID, '$1****************').replace(ECHOED_SECRET_PARAM, '$1***');
}

/**
 * `text` with every form of every secret replaced by `***`, and anything shaped like AWS
 * credentials masked too.
 */
export function scrubSecrets(text: string, secrets: readonly string[]): string {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  let out = text;
  // Longest first, so a form containing another is replaced whole.
  for (const form of forms) out = out.split(form).join('***');
  return maskCredentialPatterns(out);
}
