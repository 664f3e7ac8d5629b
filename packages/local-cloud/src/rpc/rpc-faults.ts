// One place that turns an injected fault into what a transport does with it, so the gRPC
// server and the REST gateway misbehave identically for the same FaultRule.
import type { FaultRegistry, FaultService } from '../faults.js';
import { RpcError } from '../log-contract.js';

/** gRPC UNAVAILABLE: what an injected error answers when the rule names no code. */
const DEFAULT_FAULT_CODE = 14;

export type FaultVerdict = { kind: 'proceed' } | { kind: 'hang' } | { kind: 'fail'; error: RpcError };

/**
 * Consults the registry for one call: waits out any latency, then says whether to answer
 * normally, fail with an RpcError, or never answer.
 */
export async function applyRpcFault(
  faults: FaultRegistry,
  service: FaultService,
  rpcName: string,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<FaultVerdict> {
  const rule = faults.take(service, rpcName);
  if (!rule) return { kind: 'proceed' };
  switch (rule.kind) {
    case 'hang':
      return { kind: 'hang' };
    case 'latency':
      await sleep(rule.latencyMs ?? 0);
      return { kind: 'proceed' };
    case 'error':
      return {
        kind: 'fail',
        error: new RpcError(rule.code ?? DEFAULT_FAULT_CODE, rule.message ?? `Injected fault on ${rpcName}`),
      };
    default:
      // 'fail-run' rules act on transfer runs, not on RPCs.
      return { kind: 'proceed' };
  }
}
