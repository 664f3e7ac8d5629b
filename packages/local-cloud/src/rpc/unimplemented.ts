// The one answer the local cloud gives for an RPC of a served service that it does not
// implement: UNIMPLEMENTED naming the call, with the reason `notImplemented` (HTTP 501 over
// REST). A missing call must never look like a missing resource (404) or a bad request.
import { status } from '@grpc/grpc-js';
import { DetailedRpcError } from './error-details.js';

/** `google.cloud.bigquery.datatransfer.v1.DataTransferService/GetDataSource`, as gRPC names it. */
export function unimplemented(serviceName: string, rpcName: string): DetailedRpcError {
  const call = `${serviceName}/${rpcName}`;
  return new DetailedRpcError(
    status.UNIMPLEMENTED,
    `The local cloud does not implement ${call}. See the fidelity table in the @s3bq/local-cloud README for what it serves.`,
    { reason: 'notImplemented', domain: 'local-cloud', metadata: { service: serviceName, method: rpcName } },
  );
}
