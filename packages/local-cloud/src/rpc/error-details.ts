// Google's structured error details for the local cloud's RPC errors: an RpcError that
// carries a google.rpc.ErrorInfo (reason, domain, metadata), sent the way Google's servers
// send it, so the official clients surface `error.reason`: over gRPC as a google.rpc.Status
// in the `grpc-status-details-bin` trailer, over REST in the JSON error's `details` (and
// in the older `errors[].reason` list that BigQuery-style clients read).
import { join } from 'node:path';
import { Metadata } from '@grpc/grpc-js';
import protobuf from 'protobufjs';
import { RpcError } from '../log-contract.js';
import { protoDirOf } from './protos.js';

export interface ErrorInfo {
  reason: string;
  domain: string;
  metadata: Record<string, string>;
}

export class DetailedRpcError extends RpcError {
  constructor(
    code: number,
    message: string,
    readonly errorInfo: ErrorInfo,
  ) {
    super(code, message);
    this.name = 'DetailedRpcError';
  }
}

const ERROR_INFO_TYPE = 'type.googleapis.com/google.rpc.ErrorInfo';

let rpcTypes: { status: protobuf.Type; errorInfo: protobuf.Type } | undefined;

function loadRpcTypes(): { status: protobuf.Type; errorInfo: protobuf.Type } {
  if (!rpcTypes) {
    const dir = join(protoDirOf('google-gax'), 'google', 'rpc');
    const root = new protobuf.Root().loadSync([join(dir, 'status.proto'), join(dir, 'error_details.proto')]);
    rpcTypes = {
      status: root.lookupType('google.rpc.Status'),
      errorInfo: root.lookupType('google.rpc.ErrorInfo'),
    };
  }
  return rpcTypes;
}

/** gRPC trailers carrying the error as a google.rpc.Status with its ErrorInfo. */
export function grpcStatusDetails(error: DetailedRpcError): Metadata {
  const { status, errorInfo } = loadRpcTypes();
  const info = errorInfo.encode(errorInfo.fromObject(error.errorInfo)).finish();
  const encoded = status
    .encode(
      status.fromObject({
        code: error.code,
        message: error.message,
        details: [{ type_url: ERROR_INFO_TYPE, value: info }],
      }),
    )
    .finish();
  const metadata = new Metadata();
  metadata.set('grpc-status-details-bin', Buffer.from(encoded));
  return metadata;
}

/** The `details` and `errors` members of a Google JSON error body. */
export function restErrorDetails(error: DetailedRpcError): Record<string, unknown> {
  return {
    errors: [{ message: error.message, domain: 'global', reason: error.errorInfo.reason }],
    details: [{ '@type': ERROR_INFO_TYPE, ...error.errorInfo }],
  };
}
