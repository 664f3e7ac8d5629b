import { createCloudServices } from '../../src/cloud/index.js';
import { runPipeline } from '../../src/pipeline/run.js';
import { recordDts } from '../dts-recorder.js';
import { startLocalCloudProcess } from '../local-cloud-process.js';
import { prepareWorkload } from '../parallel-workload.js';
import { unclaimFinished } from '../what-if-unclaimed.js';

const cloud = await startLocalCloudProcess({ runSeconds: 2 });
try {
  const lake = await prepareWorkload(cloud, {
    tables: 10,
    partitions: 3,
    at: '2026-11-21T06:00:00Z',
    maxParallel: 10,
  });
  const real = createCloudServices({ env: lake.env, settings: lake.settings });
  const rec = recordDts(unclaimFinished(real.dts));
  const t0 = Date.now();
  const res = await runPipeline(
    lake.planned,
    lake.settings,
    { timeoutMs: 600000, dryRun: false, transport: 'grpc', runLabel: 'x' },
    {
      env: lake.env,
      signal: new AbortController().signal,
      services: { ...real, dts: rec.dts },
      onEvent: (e) => {
        if (e.type === 'progress' || e.type === 'warning') console.log(Date.now() - t0, e.type, e.message);
      },
    },
  );
  for (const c of rec.calls.sort((a, b) => a.startMs - b.startMs)) {
    if (['renameConfig', 'startRun', 'createConfig', 'deleteConfig'].includes(c.method) || c.terminal)
      console.log(c.method, c.startMs - t0, c.endMs - t0, c.subject.slice(-40), c.failed ? 'FAILED' : '');
  }
  console.log(res.map((r) => r.status).join(','));
  await real.close();
  await lake.remove();
} finally {
  await cloud.stop();
}
