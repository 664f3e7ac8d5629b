import { describe, expect, it } from 'vitest';
import { maskSecrets } from '../../src/action/secrets.js';
import { scrubSecrets } from '../../src/cloud/secrets.js';
import { assertNoSecret, findSecret } from '../helpers/secret-scan.js';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';

describe('secret masking', () => {
  it('registers the secret and its encoded forms with the runner, and scrubs them from text', () => {
    const masked: string[] = [];
    const secrets = maskSecrets({ AWS_SECRET_ACCESS_KEY: SECRET, AWS_SESSION_TOKEN: '' }, (value) =>
      masked.push(value),
    );
    expect(masked).toContain(SECRET);
    expect(masked).toContain(encodeURIComponent(SECRET));
    expect(masked).toContain(Buffer.from(SECRET).toString('base64'));
    const text = `key=${SECRET} url=${encodeURIComponent(SECRET)} b64=${Buffer.from(SECRET).toString('base64')}`;
    const clean = scrubSecrets(text, secrets);
    expect(clean).toBe('key=*** url=*** b64=***');
    expect(findSecret(SECRET, { clean })).toEqual([]);
  });
});

describe('secret scan (test helper)', () => {
  it('finds the secret as written, URL-encoded, JSON-escaped and inside base64 blobs at any alignment', () => {
    for (const prefix of ['', 'a', 'ab', 'abc']) {
      const blob = Buffer.from(`${prefix}${SECRET}"}`).toString('base64');
      expect(findSecret(SECRET, { blob })).toEqual(['blob']);
    }
    expect(findSecret(SECRET, { url: `?k=${encodeURIComponent(SECRET)}` })).toEqual(['url']);
    expect(findSecret(SECRET, { json: JSON.stringify({ k: `x"${SECRET}` }) })).toEqual(['json']);
    expect(findSecret(SECRET, { plain: `the secret is ${SECRET}.` })).toEqual(['plain']);
  });

  it('fails naming where it leaked, and passes clean text', () => {
    expect(() => assertNoSecret(SECRET, { stdout: 'fine', summary: `oops ${SECRET}` })).toThrow(
      /leaked into: summary$/,
    );
    expect(() => assertNoSecret(SECRET, { stdout: 'all fine', summary: 'masked ***' })).not.toThrow();
    expect(() => assertNoSecret(SECRET, {})).toThrow(/Nothing was scanned/);
  });
});
