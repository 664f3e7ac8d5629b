import { createCloudServices } from '../../src/cloud/index.js';
import { stripClaim } from '../../src/lifecycle/config-naming.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { recordDts } from '../dts-recorder.js';
import { startLocalCloudProcess } from '../local-cloud-process.js';
import { prepareWorkload } from '../parallel-workload.js';
import { slotBreakdown } from '../slot-breakdown.js';

const tables = Number(process.argv[2] ?? 100);
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
  const inner = rec.dts.listConfigs;
  rec.dts.listConfigs = async (signal) =>
    (await inner(signal)).map((c) =>
      ['SUCCEEDED', 'FAILED', 'CANCELLED'].includes(c.state) && c.displayName.startsWith('s3bq|')
        ? { ...c, displayName: stripClaim(c.displayName) }
        : c,
    );
  const t0 = Date.now();
  await runPipeline(
    lake.planned,
    lake.settings,
    { timeoutMs: 600000, dryRun: false, transport: 'grpc', runLabel: 'x' },
    {
      env: lake.env,
      signal: new AbortController().signal,
      services: { ...real, dts: rec.dts },
    },
  );
  const t1 = Date.now();
  console.log('took', t1 - t0, 'eff', (tables * 3 * 2000) / 10 / (t1 - t0));
  console.log(
    JSON.stringify(
      slotBreakdown(rec.calls, { runMs: 2000, maxParallel: 10, startedMs: t0, endedMs: t1 }),
      null,
      1,
    ),
  );
  await real.close();
  await lake.remove();
} finally {
  await cloud.stop();
}
