// Fail fast, naming the setting: before any table starts, `s3bq run` asks each service one
// short question. A silent endpoint, a closed port, missing keys or an endpoint variable
// that names no endpoint stop the run within seconds, with exit 2 and the variable to fix.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { textSink } from '../helpers/text-sink.js';
import { csvRows, csvTable, type Fixture, startFixture } from '../lifecycle/local-fixture.js';

let fixture: Fixture;
let silent: Server;
let silentPort: number;
const held: Socket[] = [];

beforeAll(async () => {
  fixture = await startFixture();
  await fixture.createBucket('lake');
  await fixture.writeTable('pre.t', csvTable('s3://lake/pre/t'));
  await fixture.putObject('lake', 'pre/t/dt=2026-11-20/a.csv', csvRows(2));
  await fixture.age();
  // Accepts connections and never says a word: a hung endpoint.
  silent = createServer((socket) => held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentPort = (silent.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of held) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await fixture?.stop();
});

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function run(env: NodeJS.ProcessEnv) {
  const stdout = textSink();
  const stderr = textSink();
  const started = Date.now();
  const code = await main(['run', '--at', '2026-11-21T03:00:00Z'], {
    env,
    cwd: fixture.cwd,
    stdout: stdout.stream,
    stderr: stderr.stream,
  });
  return { code, ms: Date.now() - started, stdout: stdout.text(), stderr: stderr.text() };
}

describe('s3bq run fails fast on a service it cannot use', () => {
  it('an endpoint that accepts connections and never answers: within 10 s, naming the variable', async () => {
    const hostPort = `127.0.0.1:${silentPort}`;
    const out = await run({ ...fixture.env, DTS_EMULATOR_HOST: hostPort });
    expect(out.code).toBe(2);
    expect(out.ms).toBeLessThan(10_000);
    expect(out.stderr).toContain(`DTS_EMULATOR_HOST=${hostPort} does not answer`);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
    expect(out.stdout).not.toMatch(/▶/); // no table started
  });

  it('a closed port: refused at once, naming the variable', async () => {
    const hostPort = `127.0.0.1:${await closedPort()}`;
    const out = await run({ ...fixture.env, BIGQUERY_EMULATOR_HOST: hostPort });
    expect(out.code).toBe(2);
    expect(out.ms).toBeLessThan(10_000);
    expect(out.stderr).toMatch(
      new RegExp(`BIGQUERY_EMULATOR_HOST=${hostPort} (refuses connections|is unreachable)`),
    );
  });

  it('no AWS keys: says which variables to set, before any call', async () => {
    const env = { ...fixture.env };
    delete env.AWS_ACCESS_KEY_ID;
    delete env.AWS_SECRET_ACCESS_KEY;
    const out = await run(env);
    expect(out.code).toBe(2);
    expect(out.ms).toBeLessThan(5_000);
    expect(out.stderr).toMatch(
      /no AWS keys for the transfers: set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY/,
    );
  });

  it('an endpoint variable that names no endpoint: names the variable and its value', async () => {
    const out = await run({ ...fixture.env, BIGQUERY_EMULATOR_HOST: 'not-a-host:99999' });
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('BIGQUERY_EMULATOR_HOST="not-a-host:99999" is not host:port or a URL');
    expect(out.stderr).not.toMatch(/Invalid URL|\n\s+at /);
  });
});
