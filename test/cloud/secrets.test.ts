import { describe, expect, it } from 'vitest';
import { toCloudError } from '../../src/cloud/errors.js';
import { scrubSecrets } from '../../src/cloud/secrets.js';
import { findSecret } from '../helpers/secret-scan.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('scrubSecrets', () => {
  it('removes the secret as written, URL-encoded and JSON-escaped', () => {
    const text = `a=${SECRET} b=${encodeURIComponent(SECRET)} c=${JSON.stringify(`"${SECRET}`)}`;
    const clean = scrubSecrets(text, [SECRET]);
    expect(findSecret(SECRET, { clean })).toEqual([]);
    expect(clean).toContain('a=***');
  });

  it('removes the secret from base64 and base64url blobs at every byte alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'abc', '{"secret_access_key":"']) {
      for (const encoding of ['base64', 'base64url'] as const) {
        const blob = Buffer.from(`${prefix}${SECRET}"}`).toString(encoding);
        const clean = scrubSecrets(`payload ${blob} end`, [SECRET]);
        expect(findSecret(SECRET, { clean }), `${encoding} after ${JSON.stringify(prefix)}`).toEqual([]);
      }
    }
  });

  it('masks an echoed secret_access_key parameter even when its value is not a known secret', () => {
    const clean = scrubSecrets('params {"secret_access_key": {"stringValue": "other-value"}}', []);
    expect(clean).not.toContain('other-value');
  });

  it('masks access key ids, which the report must hide without knowing their values', () => {
    expect(scrubSecrets('key AKIAABCDEFGHIJKLMNOP denied', [])).toBe('key AKIA**************** denied');
  });

  it('leaves text without secrets as it is', () => {
    expect(scrubSecrets('Moved 3 object(s).', [SECRET])).toBe('Moved 3 object(s).');
  });
});

describe('toCloudError', () => {
  it('scrubs every form of the secret from the message a service echoed', () => {
    const echoed = new Error(
      `3 INVALID_ARGUMENT: bad request ${Buffer.from(`x${SECRET}`).toString('base64')} ${encodeURIComponent(SECRET)}`,
    );
    const error = toCloudError(echoed, 'dts', 'CreateTransferConfig', [SECRET]);
    expect(findSecret(SECRET, { message: error.message })).toEqual([]);
  });
});
