// Services echo request params in their errors, and a transfer config's params carry the
// AWS secret. Whatever the echo looks like (verbatim, as a Struct, URL-encoded, JSON-
// escaped), and wherever it surfaces (a failed call, a FAILED run's error status, the
// transfer logs), the secret must reach no result, message, report or output. Every
// scenario also checks the table failed for the right reason, so the scan is not vacuous.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FaultRule } from '@s3bq/local-cloud';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { cleanupConfigs, runTable } from '../../src/lifecycle/index.js';
import type { PipelineSettings } from '../../src/tables/types.js';
import { assertNoSecret, findSecret } from '../helpers/secret-scan.js';
import { textSink } from '../helpers/text-sink.js';
import type { Fixture } from '../lifecycle/local-fixture.js';
import {
  AT,
  FAST_LIFECYCLE,
  type Faces,
  facesFor,
  freshTable,
  plannedTable,
  RELIABILITY_ACCESS_KEY,
  RELIABILITY_SECRET,
  startReliabilityCloud,
  tickConfigsLeft,
} from './reliability-fixture.js';

const INVALID_ARGUMENT = 3;
const S = RELIABILITY_SECRET;

/** How a server might echo the params it was sent. */
const ECHOES: Record<string, string> = {
  verbatim: `Invalid credentials: access key ${RELIABILITY_ACCESS_KEY} with secret ${S} was refused by AWS`,
  struct: `Invalid params: {"fields":{"access_key_id":{"stringValue":"${RELIABILITY_ACCESS_KEY}"},"secret_access_key":{"stringValue":"${S}"}}}`,
  'query string': `Bad request: data_path=s3%3A%2F%2Flake&access_key_id=${RELIABILITY_ACCESS_KEY}&secret_access_key=${encodeURIComponent(S)}`,
  'url-encoded, no key name': `could not sign request for ${encodeURIComponent(S)}`,
  'json-escaped': `params were ${JSON.stringify(JSON.stringify({ key: S }))}`,
};

let fixture: Fixture;
let settings: PipelineSettings;
let faces: Faces;

beforeAll(async () => {
  fixture = await startReliabilityCloud();
  const name = await freshTable(fixture, 'secret');
  ({ settings } = await plannedTable(fixture, name));
  faces = facesFor(fixture, settings);
});
afterEach(async () => {
  fixture.cloud.faults.clear();
  await cleanupConfigs(
    faces.services,
    (await faces.services.dts.listConfigs()).map((c) => c.name),
  );
});
afterAll(async () => {
  await faces?.services.close();
  await fixture?.stop();
});

const WHERE: [string, (message: string) => FaultRule][] = [
  [
    'CreateTransferConfig answers INVALID_ARGUMENT',
    (message) => ({
      service: 'dts',
      method: 'CreateTransferConfig',
      kind: 'error',
      code: INVALID_ARGUMENT,
      message,
      times: -1,
    }),
  ],
  [
    'StartManualTransferRuns answers INVALID_ARGUMENT',
    (message) => ({
      service: 'dts',
      method: 'StartManualTransferRuns',
      kind: 'error',
      code: INVALID_ARGUMENT,
      message,
      times: -1,
    }),
  ],
  [
    'the transfer run FAILS with the echo as its error status',
    (message) => ({
      service: 'dts',
      method: 'run',
      kind: 'fail-run',
      code: INVALID_ARGUMENT,
      message,
      times: -1,
    }),
  ],
];

describe.each(WHERE)('%s', (_where, rule) => {
  it.each(Object.entries(ECHOES))(
    'echoing the secret %s: the lifecycle result is clean',
    async (_form, echo) => {
      expect(findSecret(S, { echo })).toEqual(['echo']); // the fault really carries it
      const name = await freshTable(fixture, 'secret');
      const { planned } = await plannedTable(fixture, name);
      fixture.cloud.faults.add(rule(echo));
      const result = await runTable(planned, {
        services: faces.services,
        settings,
        timeoutMs: 20_000,
        ...FAST_LIFECYCLE,
      });
      expect(result.status).toBe('failed');
      expect(`${result.message} ${result.partitions[0]?.message}`).toMatch(
        /Invalid|Bad request|could not sign|params were/,
      );
      assertNoSecret(S, {
        result: JSON.stringify(result),
        message: result.message,
        partitions: result.partitions.map((p) => p.message ?? '').join('\n'),
        warnings: (result.warnings ?? []).join('\n'),
      });
      expect(await tickConfigsLeft(faces.services)).toEqual([]);
    },
  );
});

it('s3bq run: stdout, stderr, the --json report and the --results file carry no echoed secret', async () => {
  const name = await freshTable(fixture, 'secret');
  fixture.cloud.faults.add({
    service: 'dts',
    method: 'run',
    kind: 'fail-run',
    code: INVALID_ARGUMENT,
    message: ECHOES.struct,
    times: -1,
  });
  for (const json of [false, true]) {
    const stdout = textSink();
    const stderr = textSink();
    const code = await main(
      [
        'run',
        '--tables',
        'tables',
        '--at',
        AT,
        '--only',
        name,
        '--results',
        'results.json',
        ...(json ? ['--json'] : []),
      ],
      { env: fixture.env, cwd: fixture.cwd, stdout: stdout.stream, stderr: stderr.stream },
    );
    expect(code).toBe(1);
    expect(stdout.text()).toContain('failed');
    assertNoSecret(S, {
      stdout: stdout.text(),
      stderr: stderr.text(),
      results: await readFile(join(fixture.cwd, 'results.json'), 'utf8'),
    });
  }
  expect(await tickConfigsLeft(faces.services)).toEqual([]);
});
