// BigQuery's daily load-job quotas: per project (100,000 by default) and per table
// (1,500). Every job that starts counts, failed ones included, as in BigQuery. Days are
// UTC days of the injected clock.
import { status } from '@grpc/grpc-js';
import { LoadJobError } from '../warehouse-contract.js';

const DEFAULT_LOAD_JOBS_PER_PROJECT_PER_DAY = 100_000;
const LOAD_JOBS_PER_TABLE_PER_DAY = 1_500;

/** BigQuery's wording for a spent quota; DTS reports it as status.RESOURCE_EXHAUSTED. */
function quotaExceeded(what: string): LoadJobError {
  return new LoadJobError(
    `Quota exceeded: ${what}. For more information, see https://cloud.google.com/bigquery/docs/troubleshoot-quotas`,
    'quotaExceeded',
    status.RESOURCE_EXHAUSTED,
  );
}

export class LoadQuota {
  private day = '';
  private readonly perProject = new Map<string, number>();
  private readonly perTable = new Map<string, number>();

  constructor(
    private readonly clock: () => Date,
    private readonly projectLimit = DEFAULT_LOAD_JOBS_PER_PROJECT_PER_DAY,
    private readonly tableLimit = LOAD_JOBS_PER_TABLE_PER_DAY,
  ) {}

  /** Counts one load job against the quotas, or throws when either is spent. */
  take(projectId: string, tableKey: string): void {
    const today = this.clock().toISOString().slice(0, 10);
    if (today !== this.day) {
      this.day = today;
      this.perProject.clear();
      this.perTable.clear();
    }
    const projectUsed = this.perProject.get(projectId) ?? 0;
    if (projectUsed >= this.projectLimit)
      throw quotaExceeded('Your project exceeded quota for imports per project');
    const tableUsed = this.perTable.get(tableKey) ?? 0;
    if (tableUsed >= this.tableLimit) {
      throw quotaExceeded('Your table exceeded quota for imports or query appends per table');
    }
    this.perProject.set(projectId, projectUsed + 1);
    this.perTable.set(tableKey, tableUsed + 1);
  }
}
