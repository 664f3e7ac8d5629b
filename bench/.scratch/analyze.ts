import { writeFile } from 'node:fs/promises';
import { createCloudServices } from '../../src/cloud/index.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { recordDts } from '../dts-recorder.js';
import { startLocalCloudProcess } from '../local-cloud-process.js';
import { prepareWorkload } from '../parallel-workload.js';

const tables = Number(process.argv[2] ?? 20);
const cloud = await startLocalCloudProcess({ runSeconds: 2 });
try {
  const lake = await prepareWorkload(cloud, {
    tables,
    partitions: 3,
    at: '2026-11-21T06:00:00Z',
    maxParallel: 10,
  });
  const real = createCloudServices({ env: lake.env, settings: lake.settings });
  const rec = recordDts(real.dts);
  const events: unknown[] = [];
  const t0 = Date.now();
  await runPipeline(
    lake.planned,
    lake.settings,
    { timeoutMs: 600000, dryRun: false, transport: 'grpc', runLabel: 'x' },
    {
      env: lake.env,
      signal: new AbortController().signal,
      services: { ...real, dts: rec.dts },
      onEvent: (e) =>
        events.push({
          at: Date.now() - t0,
          ...e,
          result: undefined,
          partition: (e as any).partition?.id ?? (e as any).partition,
        }),
    },
  );
  console.log('took', Date.now() - t0);
  await writeFile('/tmp/bench-calls.json', JSON.stringify({ t0, calls: rec.calls, events }));
  await real.close();
  await lake.remove();
} finally {
  await cloud.stop();
}
