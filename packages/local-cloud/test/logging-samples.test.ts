// The official nodejs-logging samples (googleapis/nodejs-logging/samples) run against the
// local cloud with their calls as written; only the client construction changes (the
// local endpoint and dummy credentials). Each sample's console output is captured and
// checked. The samples of sinks and configuration (ConfigServiceV2) and log-based metrics
// (MetricsServiceV2) are run by logging-config-samples.test.ts, the one refused by name by
// logging-samples-unimplemented.test.ts. The tally of passing samples is printed.
import { format } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FaultRegistry } from '../src/faults.js';
import { type LoggingEmulator, startLoggingEmulator } from '../src/logging/index.js';
import { loggingClient, loggingV2Client } from './logging-clients.js';

const PROJECT = 'samples-project';
let emulator: LoggingEmulator;
const passed = new Set<string>();
const until = async (check: () => boolean, ms = 8_000) => {
  for (const deadline = Date.now() + ms; !check(); ) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
};

beforeAll(async () => {
  emulator = await startLoggingEmulator({ faults: new FaultRegistry(), projectId: PROJECT });
});

afterAll(async () => {
  console.log(
    `nodejs-logging samples passing on the local cloud: ${passed.size} (${[...passed].join(', ')}).`,
  );
  await emulator?.stop();
});

type Sample = (
  logging: ReturnType<typeof loggingClient>,
  console: Pick<Console, 'log'>,
  /** Where a sample's fire-and-forget call goes, so it settles before the client closes. */
  background: (call: Promise<unknown>) => void,
) => Promise<void>;

/** Runs one sample with a fresh client and a captured console; returns what it printed. */
async function runSample(name: string, sample: Sample) {
  const logging = loggingClient(PROJECT, emulator.hostPort);
  const printed: string[] = [];
  const pending: Promise<unknown>[] = [];
  try {
    await sample(logging, { log: (...args: unknown[]) => printed.push(format(...args)) }, (call) =>
      pending.push(call),
    );
    await Promise.all(pending);
  } finally {
    await logging.loggingService.close();
  }
  passed.add(name);
  return printed;
}

describe('samples/logs.js, quickstart.js, http-request.js', () => {
  it('logging_quickstart', async () => {
    const printed = await runSample('quickstart', async (logging, console) => {
      const logName = 'my-log';
      const log = logging.log(logName);
      const text = 'Hello, world!';
      const metadata = { resource: { type: 'global' } };
      const entry = log.entry(metadata, text);
      await log.write(entry);
      console.log(`Logged: ${text}`);
    });
    expect(printed).toEqual(['Logged: Hello, world!']);
  });

  it('logging_write_log_entry: one entry written three times is stored once', async () => {
    const printed = await runSample('logs.js writeLogEntry', async (logging, console, background) => {
      const logName = 'my-log';
      const log = logging.log(logName);
      const text_entry = log.entry('Hello world!');
      const metadata = { severity: 'WARNING', labels: { foo: 'bar' }, resource: { type: 'global' } };
      const message = { name: 'King Arthur', quest: 'Find the Holy Grail', favorite_color: 'Blue' };
      const json_Entry = log.entry(metadata, message);
      await log.write(text_entry);
      await log.write([text_entry, json_Entry]);
      background(log.write(text_entry));
      console.log(`Wrote to ${logName}`);
    });
    expect(printed).toEqual(['Wrote to my-log']);
    const [entries] = await loggingClient(PROJECT, emulator.hostPort)
      .log('my-log')
      .getEntries({ filter: 'labels.foo=bar OR "Hello world!"' });
    expect(entries.map((entry) => entry.data)).toEqual([
      { name: 'King Arthur', quest: 'Find the Holy Grail', favorite_color: 'Blue' },
      'Hello world!',
    ]);
  });

  it('logging_http_request', async () => {
    const printed = await runSample('http-request.js', async (logging, console) => {
      const [logName, requestMethod, requestUrl, status, userAgent, latencySeconds, responseSize] = [
        'my-log',
        'GET',
        'http://www.google.com',
        200,
        'my-user-agent/1.0.0',
        3,
        256,
      ] as const;
      const log = logging.log(logName);
      const text = 'Hello, world!';
      const metadata = {
        resource: { type: 'global' },
        httpRequest: {
          requestMethod,
          requestUrl,
          status,
          userAgent,
          latency: { seconds: latencySeconds },
          responseSize,
        },
      };
      const entry = log.entry(metadata, text);
      await log.write(entry);
      console.log(`Logged: ${text}`);
    });
    expect(printed).toEqual(['Logged: Hello, world!']);
    const [entries] = await loggingClient(PROJECT, emulator.hostPort).getEntries({
      filter: 'httpRequest.latency>="3s"',
    });
    expect(entries[0]?.metadata.httpRequest).toMatchObject({
      requestMethod: 'GET',
      status: 200,
      responseSize: '256',
    });
  });
});

describe('samples/logs.js: list', () => {
  it('logging_list_logs', async () => {
    const printed = await runSample('logs.js listLogs', async (logging, console) => {
      const [logs] = await logging.getLogs();
      console.log('Logs:');
      for (const log of logs) console.log(log.name);
    });
    expect(printed).toEqual(['Logs:', 'my-log']);
  });

  it('logging_list_log_entries', async () => {
    const printed = await runSample('logs.js listLogEntries', async (logging, console) => {
      const log = logging.log('my-log');
      const [entries] = await log.getEntries();
      console.log('Logs:');
      for (const entry of entries) {
        const metadata = entry.metadata as Record<string, unknown>;
        console.log(`${metadata.timestamp}:`, metadata[metadata.payload as string]);
      }
    });
    // The client's own first write adds its diagnostic entry, as it does against the real service.
    const lines = printed.filter((line) => !line.includes('diagnostic'));
    expect(lines[0]).toBe('Logs:');
    expect(lines.slice(1)).toHaveLength(4);
    expect(lines.slice(1).every((line) => /^\w{3} \w{3} \d\d \d{4} .*: /.test(line))).toBe(true);
  });

  it.each([
    ['severity=ERROR', 5, 'timestamp desc', 0],
    ['severity=WARNING', 2, 'timestamp', 1],
    ['logName="my-log"', 2, undefined, 0],
  ])(
    'logging_list_log_entries_advanced: filter %j, pageSize %i, orderBy %j',
    async (filter, pageSize, orderBy, listed) => {
      const printed = await runSample('logs.js listLogEntriesAdvanced', async (logging, console) => {
        const options = { filter, pageSize, orderBy };
        const [entries] = await logging.getEntries(options);
        console.log('Logs:');
        for (const entry of entries) {
          const metadata = entry.metadata as Record<string, unknown>;
          console.log(`${metadata.timestamp}:`, metadata[metadata.payload as string]);
        }
      });
      expect(printed).toHaveLength(1 + listed);
    },
  );
});

describe('samples/logs.js: tail and delete', () => {
  it('logging_tail_log_entries', async () => {
    const printed = await runSample('logs.js tailLogEntries', async (logging, console) => {
      const log = logging.log('my-log');
      console.log('running tail log entries test');
      const ended = new Promise<void>((resolve, reject) => {
        const stream = log
          .tailEntries({ filter: 'timestamp > "2021-01-01T23:00:00Z"' })
          .on('error', reject)
          .on('data', (resp: { entries: { data: unknown }[]; suppressionInfo: unknown }) => {
            console.log(resp.entries.map((entry) => entry.data));
            console.log(resp.suppressionInfo);
            stream.end();
          })
          .on('end', () => {
            console.log('log entry stream has ended');
            resolve();
          });
      });
      await until(() => emulator.openTailSessions() === 1);
      await log.write(log.entry({ resource: { type: 'global' } }, 'tailed'));
      await ended;
    });
    expect(printed).toEqual([
      'running tail log entries test',
      "[ 'tailed' ]",
      '[]',
      'log entry stream has ended',
    ]);
    await until(() => emulator.openTailSessions() === 0);
  });

  it('logging_delete_log', async () => {
    const printed = await runSample('logs.js deleteLog', async (logging, console) => {
      const logName = 'my-log';
      const log = logging.log(logName);
      await log.delete();
      console.log(`Deleted log: ${logName}`);
    });
    expect(printed).toEqual(['Deleted log: my-log']);
    const [logs] = await loggingClient(PROJECT, emulator.hostPort).getLogs();
    expect(logs.map((log) => log.name)).not.toContain('my-log');
  });
});

describe('samples/generated/v2/logging_service_v2.*', () => {
  const resourceNames = [`projects/${PROJECT}`];

  async function runGenerated(
    name: string,
    call: (client: ReturnType<typeof loggingV2Client>) => Promise<unknown[]>,
  ) {
    const client = loggingV2Client(PROJECT, emulator.hostPort);
    try {
      const responses = await call(client);
      passed.add(name);
      return responses;
    } finally {
      await client.close();
    }
  }

  it('write_log_entries, list_log_entries, list_logs, delete_log', async () => {
    const entries = [
      { logName: `projects/${PROJECT}/logs/generated`, resource: { type: 'global' }, textPayload: 'hi' },
    ];
    const [written] = await runGenerated('generated write_log_entries', async (client) => {
      const [response] = await client.writeLogEntries({ entries });
      return [response];
    });
    expect(written).toEqual({});
    const listed = await runGenerated('generated list_log_entries', async (client) => {
      const responses: unknown[] = [];
      for await (const response of client.listLogEntriesAsync({ resourceNames })) responses.push(response);
      return responses;
    });
    expect(listed).toEqual([expect.objectContaining({ textPayload: 'hi' })]);
    const logs = await runGenerated('generated list_logs', async (client) => {
      const responses: unknown[] = [];
      for await (const response of client.listLogsAsync({ parent: resourceNames[0] }))
        responses.push(response);
      return responses;
    });
    expect(logs).toContain(`projects/${PROJECT}/logs/generated`);
    await runGenerated('generated delete_log', async (client) => [
      await client.deleteLog({ logName: `projects/${PROJECT}/logs/generated` }),
    ]);
  });

  it('list_monitored_resource_descriptors', async () => {
    const descriptors = await runGenerated(
      'generated list_monitored_resource_descriptors',
      async (client) => {
        const responses: unknown[] = [];
        for await (const response of client.listMonitoredResourceDescriptorsAsync({}))
          responses.push(response);
        return responses;
      },
    );
    expect(descriptors).toContainEqual(expect.objectContaining({ type: 'global' }));
  });

  it('tail_log_entries: write the request, half-close, the stream ends', async () => {
    await runGenerated('generated tail_log_entries', async (client) => {
      const stream = client.tailLogEntries();
      const ended = new Promise<void>((resolve, reject) => {
        stream.on('data', () => undefined);
        stream.on('error', reject);
        stream.on('end', () => resolve());
      });
      stream.write({ resourceNames });
      stream.end();
      await ended;
      return [];
    });
  });
});
