// Every DataTransferService v1 RPC of the local cloud as one UnaryHandlers map, served over
// gRPC and, through the REST gateway, over HTTP/JSON: transfer configs, runs and logs, and
// the data source calls. Validation follows the real service; see the handler modules.
import type { UnaryHandlers } from '../log-contract.js';
import { createConfigHandlers } from './config-handlers.js';
import { createDataSourceHandlers } from './data-source-handlers.js';
import type { DtsHandlerDeps } from './handler-support.js';
import { createRunHandlers } from './run-handlers.js';

export function createDtsHandlers(deps: DtsHandlerDeps): UnaryHandlers {
  return {
    ...createDataSourceHandlers(deps),
    ...createConfigHandlers(deps),
    ...createRunHandlers(deps),
  };
}
