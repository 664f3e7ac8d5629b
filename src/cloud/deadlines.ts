// Per-call deadlines of the cloud faces, in one place. A call that takes longer is
// abandoned and (when transient) retried; nothing waits on a silent server forever.

export interface Deadlines {
  /** Ordinary control-plane calls: get/create/update/delete, list, start run. */
  callMs: number;
  /** A BigQuery query (partition row counts). */
  queryMs: number;
  /** One S3 list or ranged GET. */
  s3Ms: number;
}

export const DEFAULT_DEADLINES: Deadlines = {
  callMs: 30_000,
  queryMs: 60_000,
  s3Ms: 20_000,
};
