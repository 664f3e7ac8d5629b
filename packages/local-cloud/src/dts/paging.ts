// Page tokens for the List RPCs: an opaque offset, as Google APIs hand out opaque tokens.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';

export function paginate<T>(
  items: T[],
  pageToken: unknown,
  pageSize: unknown,
  maxPageSize: number,
): { page: T[]; nextPageToken: string } {
  let offset = 0;
  if (typeof pageToken === 'string' && pageToken !== '') {
    const decoded = Number(
      Buffer.from(pageToken, 'base64url')
        .toString('utf8')
        .replace(/^offset:/, ''),
    );
    if (!Number.isInteger(decoded) || decoded < 0) {
      throw new RpcError(
        status.INVALID_ARGUMENT,
        `Invalid page token "${pageToken}": pass back the nextPageToken of the previous page.`,
      );
    }
    offset = decoded;
  }
  const requested = typeof pageSize === 'number' && pageSize > 0 ? pageSize : maxPageSize;
  const size = Math.min(requested, maxPageSize);
  const page = items.slice(offset, offset + size);
  const next = offset + size;
  return {
    page,
    nextPageToken: next < items.length ? Buffer.from(`offset:${next}`, 'utf8').toString('base64url') : '',
  };
}
