import { it } from 'vitest';
import { startBigQueryEmulator } from '../src/bigquery/index.js';
import { FaultRegistry } from '../src/faults.js';
import { startLocalCloud } from '../src/index.js';
it('perf', async () => {
  const starts: number[] = [];
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    const cloud = await startLocalCloud();
    starts.push(performance.now() - t0);
    await cloud.stop();
  }
  console.log('startLocalCloud ms', starts.map((x) => x.toFixed(0)).join(', '));
  const e = await startBigQueryEmulator({ faults: new FaultRegistry(), projectId: 'p' });
  await fetch(`${e.url}/bigquery/v2/projects/p/datasets`, { method: 'POST', body: JSON.stringify({ datasetReference: { datasetId: 'd' } }) });
  await fetch(`${e.url}/bigquery/v2/projects/p/datasets/d/tables`, { method: 'POST', body: JSON.stringify({ tableReference: { tableId: 't' }, schema: { fields: [{ name: 'id', type: 'INTEGER' }, { name: 'dt', type: 'DATE' }, { name: 's', type: 'STRING' }, { name: 'ts', type: 'TIMESTAMP' }, { name: 'n', type: 'NUMERIC' }] }, timePartitioning: { type: 'DAY', field: 'dt' } }) });
  const req = (csv: string) => ({ projectId: 'p', datasetId: 'd', tableId: 't', format: 'CSV' as const, files: [{ uri: 's3://x', body: Buffer.from(csv) }], writeDisposition: 'WRITE_APPEND' as const, maxBadRecords: 0, ignoreUnknownValues: false, csv: { fieldDelimiter: ',', skipLeadingRows: 0, allowQuotedNewlines: false, allowJaggedRows: false } });
  let csv = ''; for (let i = 0; i < 1000; i++) csv += `${i},2026-11-${10 + (i % 5)},row ${i},2026-11-10 10:00:00.123456,${i}.25\n`;
  const loads: number[] = [];
  for (let k = 0; k < 8; k++) { const t = performance.now(); await e.warehouse.load(req(csv)); loads.push(performance.now() - t); }
  console.log('1000-row CSV load ms', loads.map((x) => x.toFixed(0)).join(', '));
  await e.stop();
});
