import { describe, expect, it } from 'vitest';
import { CloudError, toCloudError } from '../../src/cloud/errors.js';
import { scrubSecrets } from '../../src/cloud/secrets.js';

describe('toCloudError', () => {
  it('maps gRPC codes and marks transient ones retryable', () => {
    const unavailable = toCloudError(
      Object.assign(new Error('14 UNAVAILABLE: down'), { code: 14 }),
      'dts',
      'GetTransferRun',
    );
    expect(unavailable).toMatchObject({
      code: 'UNAVAILABLE',
      retryable: true,
      message: 'down',
      service: 'dts',
    });
    const invalid = toCloudError(Object.assign(new Error('bad'), { code: 3 }), 'dts', 'CreateTransferConfig');
    expect(invalid).toMatchObject({ code: 'INVALID_ARGUMENT', retryable: false });
    expect(toCloudError(Object.assign(new Error('x'), { code: 7 }), 'dts', 'op').retryable).toBe(false);
    expect(toCloudError(Object.assign(new Error('x'), { code: 5 }), 'dts', 'op').retryable).toBe(false);
  });

  it('treats quota messages as RESOURCE_EXHAUSTED whatever their code', () => {
    const error = toCloudError(
      Object.assign(new Error('Quota exceeded: Your project exceeded quota for imports per project'), {
        code: 403,
      }),
      'bigquery',
      'jobs.insert',
    );
    expect(error).toMatchObject({ code: 'RESOURCE_EXHAUSTED', retryable: true });
  });

  it('maps S3 error names and HTTP statuses', () => {
    expect(toCloudError(Object.assign(new Error('nope'), { name: 'NoSuchBucket' }), 's3', 'List').code).toBe(
      'NOT_FOUND',
    );
    expect(toCloudError(Object.assign(new Error('no'), { name: 'AccessDenied' }), 's3', 'List').code).toBe(
      'PERMISSION_DENIED',
    );
    expect(
      toCloudError(Object.assign(new Error('sig'), { name: 'SignatureDoesNotMatch' }), 's3', 'List').code,
    ).toBe('UNAUTHENTICATED');
    const slow = toCloudError(
      Object.assign(new Error('slow'), { name: 'SlowDown', $metadata: { httpStatusCode: 503 } }),
      's3',
      'List',
    );
    expect(slow.retryable).toBe(true);
    expect(
      toCloudError(
        Object.assign(new Error('x'), { name: 'X', $metadata: { httpStatusCode: 500 } }),
        's3',
        'Get',
      ).retryable,
    ).toBe(true);
    expect(toCloudError(Object.assign(new Error('gone'), { code: 404 }), 'bigquery', 'tables.get').code).toBe(
      'NOT_FOUND',
    );
  });

  it('never keeps the AWS secret in the message', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
    const error = toCloudError(
      new Error(`invalid params {"secret_access_key":"${secret}"}`),
      'dts',
      'Create',
      [secret],
    );
    expect(error).toBeInstanceOf(CloudError);
    expect(error.message).not.toContain(secret);
  });
});

describe('connection failures of the HTTP clients', () => {
  it('are UNAVAILABLE and retried, whatever service raised them (not a code of their own)', () => {
    const refused = Object.assign(
      new Error('request to http://127.0.0.1:1/x failed, reason: connect ECONNREFUSED'),
      {
        code: 'ECONNREFUSED',
      },
    );
    for (const service of ['bigquery', 'dts', 'logging'] as const) {
      const error = toCloudError(refused, service, 'call');
      expect([error.code, error.retryable]).toEqual(['UNAVAILABLE', true]);
    }
    expect(toCloudError(Object.assign(new Error('x'), { code: 'NOT_FOUND' }), 'dts', 'call').code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('scrubSecrets', () => {
  it('masks literal secrets and echoed secret_access_key params', () => {
    expect(scrubSecrets('key=abcd1234 end', ['abcd1234'])).toBe('key=*** end');
    expect(scrubSecrets('secret_access_key: {"stringValue":"unknownvalue"}', [])).not.toContain(
      'unknownvalue',
    );
    expect(scrubSecrets('secret_access_key=hunter22', [])).toBe('secret_access_key=***');
  });
});
