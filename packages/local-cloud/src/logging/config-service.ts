// The Logging API's two other services and its operations, as the local cloud serves them
// next to LoggingServiceV2 on the same ports: google.logging.v2.ConfigServiceV2 (sinks,
// exclusions, buckets, views, links, Log Router settings), google.logging.v2.
// MetricsServiceV2 (log-based metrics) and google.longrunning.Operations, over one
// ConfigStore. CopyLogEntries, which copies to Cloud Storage, has no handler: the local
// cloud has no Cloud Storage, so it answers UNIMPLEMENTED by name.
import type { UnaryHandlers } from '../log-contract.js';
import {
  LOGGING_CONFIG_SERVICE_NAME,
  LOGGING_METRICS_SERVICE_NAME,
  LOGGING_OPERATIONS_SERVICE_NAME,
} from '../rpc/protos.js';
import { createBucketHandlers } from './bucket-handlers.js';
import { ConfigStore } from './config-store.js';
import { createExclusionHandlers } from './exclusion-handlers.js';
import { createLinkHandlers } from './link-handlers.js';
import { createMetricHandlers } from './metric-handlers.js';
import { createOperationsHandlers, OperationStore } from './operations.js';
import { createSettingsHandlers } from './settings-handlers.js';
import { createSinkHandlers } from './sink-handlers.js';
import { createViewHandlers } from './view-handlers.js';

export interface LoggingConfig {
  store: ConfigStore;
  /** Handlers by fully qualified service name, for the gRPC server and the REST gateway. */
  services: Record<string, UnaryHandlers>;
}

export function createLoggingConfig(clock?: () => Date): LoggingConfig {
  const store = new ConfigStore(clock);
  const operations = new OperationStore();
  return {
    store,
    services: {
      [LOGGING_CONFIG_SERVICE_NAME]: {
        ...createSinkHandlers(store),
        ...createExclusionHandlers(store),
        ...createBucketHandlers(store, operations),
        ...createViewHandlers(store),
        ...createLinkHandlers(store, operations),
        ...createSettingsHandlers(store),
      },
      [LOGGING_METRICS_SERVICE_NAME]: createMetricHandlers(store),
      [LOGGING_OPERATIONS_SERVICE_NAME]: createOperationsHandlers(operations),
    },
  };
}
