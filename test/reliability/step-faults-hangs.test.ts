// Every lifecycle step under hangs, on the local cloud's fault controls: a call that hangs
// once is cut by the call deadline and retried; a call that always hangs is bounded by the
// table's --timeout (or by cleanup's own deadline). After each scenario no tick config is
// left and the AWS secret is in nothing the run produced. Errors are in
// step-faults-errors.test.ts.
import { describe, expect, it } from 'vitest';
import { facesFor, freshTable } from './reliability-fixture.js';
import {
  expectLeftForJanitor,
  expectLoaded,
  expectNothingLeft,
  loadTable,
  STEPS,
  TABLE_TIMEOUT_MS,
  useStepFaultStage,
} from './step-fault-stage.js';

const stage = useStepFaultStage();

describe.each(STEPS)('$step ($service $method)', ({ service, method, whenBroken }) => {
  it('a hung call is cut by the call deadline and retried, and the table loads', async () => {
    const name = await freshTable(stage.fixture);
    const id = stage.fixture.cloud.faults.add({ service, method, kind: 'hang', times: 1 });
    const result = await loadTable(stage, name, stage.faces);
    expect(stage.fixture.cloud.faults.fired.get(id)).toBe(1);
    expectLoaded(result);
    await expectNothingLeft(stage, result);
  });

  it('a call that always hangs is bounded by --timeout (or by cleanup’s own deadline)', async () => {
    const name = await freshTable(stage.fixture);
    // Retries never run out here: only the table's timeout can end the wait.
    const patient = facesFor(stage.fixture, stage.settings, { callMs: 300, retry: { retries: 1_000 } });
    try {
      const id = stage.fixture.cloud.faults.add({ service, method, kind: 'hang', times: -1 });
      const started = Date.now();
      const result =
        whenBroken === 'leaves-config'
          ? // Cleanup runs on a fresh bounded signal after the table is done; with the
            // ordinary retry budget it gives up after a few deadlines.
            await loadTable(stage, name, stage.faces, TABLE_TIMEOUT_MS)
          : await loadTable(stage, name, patient, TABLE_TIMEOUT_MS);
      const elapsed = Date.now() - started;
      expect(stage.fixture.cloud.faults.fired.get(id)).toBeGreaterThanOrEqual(2);
      expect(elapsed).toBeLessThan(TABLE_TIMEOUT_MS + 5_000);
      if (whenBroken === 'leaves-config') {
        expectLoaded(result);
        await expectLeftForJanitor(stage, result);
        return;
      }
      const step = whenBroken === 'loads' ? 'verify' : whenBroken.fails;
      expect(result).toMatchObject({ status: 'failed', failed_step: step });
      expect(result.partitions[0]?.message).toMatch(
        new RegExp(`^${step}: timed out after 3s \\(--timeout\\)|^${step}: `),
      );
      expect(`${result.message} ${result.partitions[0]?.message}`).toContain('timed out after');
      expect(elapsed).toBeGreaterThanOrEqual(TABLE_TIMEOUT_MS - 100);
      await expectNothingLeft(stage, result);
    } finally {
      await patient.services.close();
    }
  });
});
