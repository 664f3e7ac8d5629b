// Faults on demand for the local cloud: every service consults this registry before it
// answers, so tests can make any call fail, slow down or hang the way real services do.

export type FaultService = 'dts' | 'logging' | 'bigquery' | 's3';

type FaultKind =
  /** Answer with an error: a gRPC status code (dts, logging) or an HTTP status (bigquery, s3). */
  | 'error'
  /** Answer normally after `latencyMs`. */
  | 'latency'
  /** Never answer (the connection stays open until the client gives up). */
  | 'hang'
  /** DTS only (`method` = 'run'): the next transfer runs end FAILED with `message`. */
  | 'fail-run';

export interface FaultRule {
  service: FaultService;
  /** RPC name (`CreateTransferConfig`), REST operation (`tables.get`), or '*' for any. */
  method: string;
  kind: FaultKind;
  /** gRPC status code or HTTP status for 'error' and 'fail-run'. */
  code?: number | undefined;
  message?: string | undefined;
  latencyMs?: number | undefined;
  /** How many calls it applies to; default 1. Use `Infinity` (or -1 over JSON) for always. */
  times?: number | undefined;
}

interface ActiveRule extends FaultRule {
  id: number;
  remaining: number;
}

export class FaultRegistry {
  private rules: ActiveRule[] = [];
  private nextId = 1;
  /** How many times each fault fired, for tests to assert the fault was actually hit. */
  readonly fired = new Map<number, number>();

  add(rule: FaultRule): number {
    const times = rule.times === undefined ? 1 : rule.times < 0 ? Number.POSITIVE_INFINITY : rule.times;
    const id = this.nextId++;
    this.rules.push({ ...rule, id, remaining: times });
    return id;
  }

  remove(id: number): void {
    this.rules = this.rules.filter((rule) => rule.id !== id);
  }

  clear(): void {
    this.rules = [];
  }

  list(): FaultRule[] {
    return this.rules.map(({ id: _id, remaining, ...rule }) => ({ ...rule, times: remaining }));
  }

  /** The active rules with their ids (what `remove(id)` takes), `times` as remaining. */
  listWithIds(): (FaultRule & { id: number })[] {
    return this.rules.map(({ remaining, ...rule }) => ({ ...rule, times: remaining }));
  }

  /** The fault to apply to this call, if any; consumes one of its `times`. */
  take(service: FaultService, method: string): FaultRule | undefined {
    const rule = this.rules.find(
      (candidate) =>
        candidate.service === service && (candidate.method === method || candidate.method === '*'),
    );
    if (!rule) return undefined;
    rule.remaining -= 1;
    this.fired.set(rule.id, (this.fired.get(rule.id) ?? 0) + 1);
    if (rule.remaining <= 0) this.remove(rule.id);
    return rule;
  }
}
