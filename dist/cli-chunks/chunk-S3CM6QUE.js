import { createRequire as __s3bqCreateRequire } from 'node:module';
import { fileURLToPath as __s3bqFileURLToPath } from 'node:url';
import { dirname as __s3bqDirname } from 'node:path';
const require = __s3bqCreateRequire(import.meta.url);
const __filename = __s3bqFileURLToPath(import.meta.url);
const __dirname = __s3bqDirname(__filename);

// src/cloud/secrets.ts
var SECRET_ENV_NAMES = ["AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN"];
function secretsFrom(env) {
  return SECRET_ENV_NAMES.flatMap((name) => {
    const value = env[name];
    return value === void 0 || value.trim() === "" ? [] : [value];
  });
}
var MIN_FORM_LENGTH = 6;
function secretForms(secret) {
  const bytes = Buffer.from(secret, "utf8");
  const forms = [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)];
  for (const encoding of ["base64", "base64url"]) {
    forms.push(bytes.toString(encoding), bytes.toString(encoding).replace(/=+$/, ""));
    for (let offset = 0; offset < 3; offset++) {
      const shifted = Buffer.concat([Buffer.alloc(offset), bytes]).toString(encoding).replace(/=+$/, "");
      forms.push(shifted.slice(Math.ceil(offset * 4 / 3), -2));
    }
  }
  return [...new Set(forms)].filter((form) => form.length >= MIN_FORM_LENGTH);
}
var ACCESS_KEY_ID = /\b(AKIA|ASIA)[A-Z0-9]{16}\b/g;
var ECHOED_SECRET_PARAM = /(secret_?access_?key["'\s:=]+(?:\{\s*"?string_?value"?\s*:\s*)?["']?)[^"'\s,}]+/gi;
function maskCredentialPatterns(text) {
  return text.replace(ACCESS_KEY_ID, "$1****************").replace(ECHOED_SECRET_PARAM, "$1***");
}
function scrubSecrets(text, secrets) {
  const forms = [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length);
  let out = text;
  for (const form of forms) out = out.split(form).join("***");
  return maskCredentialPatterns(out);
}

export {
  secretsFrom,
  secretForms,
  maskCredentialPatterns,
  scrubSecrets
};
