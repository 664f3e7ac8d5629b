// Long-running operations of the local Cloud Logging: CreateBucketAsync, UpdateBucketAsync,
// CreateLink and DeleteLink return a google.longrunning.Operation named
// `PARENT/locations/L/operations/ID`, served back by google.longrunning.Operations
// (GetOperation, ListOperations, CancelOperation) on the Logging ports. The local cloud
// finishes the work before it answers, so every operation is returned done, its response
// and metadata packed as google.protobuf.Any. Operations are kept for the life of the
// local cloud; DeleteOperation and WaitOperation, which Logging does not bind over HTTP,
// stay UNIMPLEMENTED by name.
import { randomUUID } from 'node:crypto';
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { LOGGING_OPERATIONS_SERVICE_NAME, loadLoggingProto } from '../rpc/protos.js';
import { unimplemented } from '../rpc/unimplemented.js';
import { notFound, pageOf, type TimestampMessage } from './config-common.js';
import { parseLocation } from './config-names.js';
import type { Resource } from './config-store.js';

/**
 * `google.logging.v2.LogBucket` + its object → google.protobuf.Any, encoded with Logging's
 * own protos. The Any is keyed as the loaded Any type names its fields (the compiled
 * protos keep `type_url`), so that fromObject on either transport keeps the type URL.
 */
function packAny(typeName: string, message: Resource): Resource {
  const { root } = loadLoggingProto();
  const type = root.lookupType(typeName);
  const typeUrlField = 'typeUrl' in root.lookupType('google.protobuf.Any').fields ? 'typeUrl' : 'type_url';
  return {
    [typeUrlField]: `type.googleapis.com/${typeName}`,
    value: type.encode(type.fromObject(message)).finish(),
  };
}

export interface FinishedWork {
  /** `PARENT/locations/L`: where the operation is listed. */
  location: string;
  metadataType: string;
  /** The metadata message (its `state` is set here). */
  metadata: Resource;
  responseType: string;
  response: Resource;
  startTime: TimestampMessage;
  endTime: TimestampMessage;
}

export class OperationStore {
  private readonly operations = new Map<string, Resource>();

  /** Records work the local cloud has already done as a done, successful operation. */
  finished(work: FinishedWork): Resource {
    const name = `${work.location}/operations/${randomUUID().replaceAll('-', '')}`;
    const metadata = {
      ...work.metadata,
      startTime: work.startTime,
      endTime: work.endTime,
      state: 'OPERATION_STATE_SUCCEEDED',
    };
    const operation = {
      name,
      done: true,
      metadata: packAny(work.metadataType, metadata),
      response: packAny(work.responseType, work.response),
      result: 'response',
    };
    this.operations.set(name, operation);
    return operation;
  }

  get(name: string): Resource | undefined {
    return this.operations.get(name);
  }

  under(location: string): Resource[] {
    return [...this.operations.values()].filter((operation) =>
      String(operation.name).startsWith(`${location}/operations/`),
    );
  }
}

const OPERATION_NAME =
  /^((?:projects|organizations|folders|billingAccounts)\/[^/]+\/locations\/[^/]+)\/operations\/[^/]+$/;

function lookup(operations: OperationStore, name: unknown): Resource {
  const text = typeof name === 'string' ? name : '';
  if (!OPERATION_NAME.test(text)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `Invalid operation name "${text}": use "projects/[PROJECT_ID]/locations/[LOCATION_ID]/operations/[OPERATION_ID]".`,
    );
  }
  const operation = operations.get(text);
  if (!operation) throw notFound('Operation', text);
  return operation;
}

export function createOperationsHandlers(operations: OperationStore): UnaryHandlers {
  return {
    async GetOperation(request) {
      return lookup(operations, request.name);
    },

    async ListOperations(request) {
      const { parent, location } = parseLocation(request.name, 'name');
      // Logging's operation filters (request_type, state, …) are not evaluated: named, not ignored.
      if (typeof request.filter === 'string' && request.filter !== '') {
        throw unimplemented(LOGGING_OPERATIONS_SERVICE_NAME, 'ListOperations with a filter');
      }
      const where = `${parent}/locations/${location}`;
      const { page, nextPageToken } = pageOf(operations.under(where), request, `operations ${where}`);
      return { operations: page, nextPageToken };
    },

    async CancelOperation(request) {
      lookup(operations, request.name);
      throw new RpcError(status.FAILED_PRECONDITION, `Operation ${String(request.name)} is already done.`);
    },
  };
}
