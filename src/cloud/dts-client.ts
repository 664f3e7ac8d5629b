// Builds the official DTS client from endpoint options (see endpoints.ts).
import { DataTransferServiceClient } from '@google-cloud/bigquery-data-transfer';

export function createDtsClient(options: Record<string, unknown>): DataTransferServiceClient {
  return new DataTransferServiceClient(options as ConstructorParameters<typeof DataTransferServiceClient>[0]);
}
