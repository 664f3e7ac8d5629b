// ConfigServiceV2's links (CreateLink, DeleteLink, ListLinks, GetLink): a project bucket
// with log analytics enabled linked to a BigQuery dataset named after the link. CreateLink
// and DeleteLink answer done long-running operations. The local cloud records the link and
// the dataset name Logging reports; it does not create that dataset in its BigQuery.
import { status } from '@grpc/grpc-js';
import { RpcError, type UnaryHandlers } from '../log-contract.js';
import { activeBucket, findBucket } from './bucket-fields.js';
import { alreadyExists, notFound, pageOf, requiredMessage } from './config-common.js';
import { checkDescription, checkId, parseBucketChild } from './config-names.js';
import { type ConfigStore, parentPart, type Resource, sortedValues } from './config-store.js';
import type { OperationStore } from './operations.js';

function lookup(
  store: ConfigStore,
  name: unknown,
): { links: Map<string, Resource>; id: string; bucket: string } {
  const { bucket, id } = parseBucketChild(name, 'name', 'links');
  const { links } = findBucket(store, bucket);
  if (!links.has(id)) throw notFound('Link', String(name));
  return { links, id, bucket };
}

const locationOf = (bucketName: string) => bucketName.replace(/\/buckets\/[^/]+$/, '');

function createLink(store: ConfigStore, request: Record<string, unknown>): Resource {
  const { links, bucket } = activeBucket(store, request.parent, 'parent');
  const bucketName = String(bucket.name);
  const id = checkId('link', request.linkId);
  const changes = requiredMessage(request.link, 'link');
  if (!bucketName.startsWith('projects/')) {
    throw new RpcError(status.FAILED_PRECONDITION, 'Only buckets of projects can be linked to BigQuery.');
  }
  if (bucket.analyticsEnabled !== true) {
    throw new RpcError(
      status.FAILED_PRECONDITION,
      `Bucket ${bucketName} does not have log analytics enabled: update it with analyticsEnabled=true first.`,
    );
  }
  const name = `${bucketName}/links/${id}`;
  if (links.has(id)) throw alreadyExists('Link', name);
  const link = {
    name,
    description: checkDescription(changes.description, 'link.description'),
    createTime: store.now(),
    lifecycleState: 'ACTIVE',
    bigqueryDataset: { datasetId: `bigquery.googleapis.com/${parentPart(bucketName)}/datasets/${id}` },
  };
  links.set(id, link);
  return link;
}

export function createLinkHandlers(store: ConfigStore, operations: OperationStore): UnaryHandlers {
  return {
    async ListLinks(request) {
      const { links, bucket } = findBucket(store, request.parent, 'parent');
      const { page, nextPageToken } = pageOf(sortedValues(links), request, `links ${String(bucket.name)}`);
      return { links: page, nextPageToken };
    },

    async GetLink(request) {
      const { links, id } = lookup(store, request.name);
      return links.get(id) as Resource;
    },

    async CreateLink(request) {
      const startTime = store.now();
      const link = createLink(store, request);
      return operations.finished({
        location: locationOf(String(request.parent)),
        metadataType: 'google.logging.v2.LinkMetadata',
        metadata: { createLinkRequest: request },
        responseType: 'google.logging.v2.Link',
        response: link,
        startTime,
        endTime: store.now(),
      });
    },

    async DeleteLink(request) {
      const startTime = store.now();
      const { links, id, bucket } = lookup(store, request.name);
      links.delete(id);
      return operations.finished({
        location: locationOf(bucket),
        metadataType: 'google.logging.v2.LinkMetadata',
        metadata: { deleteLinkRequest: request },
        responseType: 'google.protobuf.Empty',
        response: {},
        startTime,
        endTime: store.now(),
      });
    },
  };
}
