import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadSettings, SettingsError } from '../../src/tables/settings.js';

describe('loadSettings', () => {
  let cwd: string;
  beforeEach(async () => {
    cwd = await mkdtemp(join(tmpdir(), 's3bq-settings-'));
  });
  afterEach(async () => {
    await rm(cwd, { recursive: true, force: true });
  });
  const file = (content: string) => writeFile(join(cwd, 'pipeline.json'), content);

  it('has defaults without pipeline.json or environment', async () => {
    expect(await loadSettings({ cwd, env: {} })).toEqual({
      project: undefined,
      location: 'us',
      maxParallel: 10,
      timezone: 'UTC',
    });
  });

  it('reads pipeline.json', async () => {
    await file(
      '{ "project": "my-project", "location": "asia-northeast3", "max_parallel": 4, "timezone": "Asia/Seoul" }',
    );
    expect(await loadSettings({ cwd, env: {} })).toEqual({
      project: 'my-project',
      location: 'asia-northeast3',
      maxParallel: 4,
      timezone: 'Asia/Seoul',
    });
  });

  it('lets the environment win over the file; blank variables do not count', async () => {
    await file('{ "project": "my-project", "location": "eu", "max_parallel": 4 }');
    const env = { GOOGLE_CLOUD_PROJECT: 'other-project', S3BQ_LOCATION: 'us', S3BQ_MAX_PARALLEL: '20' };
    expect(await loadSettings({ cwd, env })).toMatchObject({
      project: 'other-project',
      location: 'us',
      maxParallel: 20,
    });
    expect(await loadSettings({ cwd, env: { S3BQ_MAX_PARALLEL: ' ' } })).toMatchObject({ maxParallel: 4 });
  });

  it.each([
    ['0', 'S3BQ_MAX_PARALLEL="0" must be a whole number from 1 to 256'],
    ['2.5', 'S3BQ_MAX_PARALLEL="2.5" must be a whole number'],
    ['ten', 'S3BQ_MAX_PARALLEL="ten" must be a whole number'],
    ['257', 'S3BQ_MAX_PARALLEL="257" must be a whole number'],
  ])('refuses S3BQ_MAX_PARALLEL=%s', async (value, message) => {
    await expect(loadSettings({ cwd, env: { S3BQ_MAX_PARALLEL: value } })).rejects.toThrow(message);
  });

  it('validates GOOGLE_CLOUD_PROJECT and S3BQ_LOCATION', async () => {
    await expect(loadSettings({ cwd, env: { GOOGLE_CLOUD_PROJECT: 'Bad Project' } })).rejects.toThrow(
      'GOOGLE_CLOUD_PROJECT="Bad Project" is not a Google Cloud project id (lowercase letters, digits and hyphens, e.g. "my-project"): fix or unset it',
    );
    await expect(loadSettings({ cwd, env: { S3BQ_LOCATION: 'us central' } })).rejects.toThrow(
      'S3BQ_LOCATION',
    );
  });

  it("checks the location against BigQuery's locations, ignoring case, with did-you-mean", async () => {
    for (const location of ['us', 'US', 'eu', 'EU', 'asia-northeast3', 'EUROPE-WEST3', 'africa-south1']) {
      expect((await loadSettings({ cwd, env: { S3BQ_LOCATION: location } })).location).toBe(location);
    }
    await expect(loadSettings({ cwd, env: { S3BQ_LOCATION: 'mars' } })).rejects.toThrow(
      'environment variable S3BQ_LOCATION="mars" is not a BigQuery location: use a multi-region ("US", "EU") or a region',
    );
    await expect(loadSettings({ cwd, env: { S3BQ_LOCATION: 'us-centrl1' } })).rejects.toThrow(
      'S3BQ_LOCATION="us-centrl1" is not a BigQuery location (did you mean "us-central1"?)',
    );
    await file('{\n  "location": "europe-west33"\n}');
    const error = (await loadSettings({ cwd, env: {} }).catch((e: Error) => e)) as SettingsError;
    expect(error).toBeInstanceOf(SettingsError);
    expect(error.findings.map((f) => `${f.line}:${f.column}: ${f.message}`)).toEqual([
      expect.stringMatching(
        /^2:15: "location": "europe-west33" is not a BigQuery location \(did you mean "europe-west3"\?\)/,
      ),
    ]);
  });

  it('names the encoding of a UTF-16 pipeline.json instead of listing its bytes', async () => {
    await writeFile(join(cwd, 'pipeline.json'), Buffer.from('\uFEFF{ "location": "us" }', 'utf16le'));
    const error = (await loadSettings({ cwd, env: {} }).catch((e: Error) => e)) as SettingsError;
    expect(error.findings).toEqual([
      {
        file: join(cwd, 'pipeline.json'),
        line: 1,
        column: 1,
        message: expect.stringMatching(
          /^the file is UTF-16 \(little-endian, with a byte order mark\); a JSON file must be UTF-8/,
        ),
      },
    ]);
  });

  it('reports unknown keys and bad values of pipeline.json with file:line:col', async () => {
    await file('{\n  "project": "my-project",\n  "max_paralel": 3,\n  "timezone": "Mars/Olympus"\n}');
    const error = await loadSettings({ cwd, env: {} }).catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    const message = (error as Error).message;
    expect(message).toContain(
      `${join(cwd, 'pipeline.json')}:3:3: unknown key "max_paralel" — did you mean "max_parallel"?`,
    );
    expect(message).toContain(
      `${join(cwd, 'pipeline.json')}:4:15: "timezone": "Mars/Olympus" is not an IANA time zone`,
    );
  });

  it('reports malformed pipeline.json', async () => {
    await file('{ "location": "us", }');
    await expect(loadSettings({ cwd, env: {} })).rejects.toThrow(/pipeline\.json:1:21: invalid JSON/);
    await file('[]');
    await expect(loadSettings({ cwd, env: {} })).rejects.toThrow('must be one JSON object');
  });
});
