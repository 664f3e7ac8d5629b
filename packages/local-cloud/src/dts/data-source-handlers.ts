// The data source RPCs: ListDataSources, GetDataSource, CheckValidCreds, EnrollDataSources
// and UnenrollDataSources. The local cloud serves one data source, `amazon_s3`, with the
// definition DTS documents (amazon-s3-source.ts); other data source ids are not found.
import type { UnaryHandlers } from '../log-contract.js';
import { AMAZON_S3, AMAZON_S3_DATA_SOURCE, AMAZON_S3_PARAMETERS } from './amazon-s3-source.js';
import type { DtsStore } from './dts-store.js';
import { type DtsHandlerDeps, invalid, MAX_PAGE_SIZE, type Message, notFound } from './handler-support.js';
import { paginate } from './paging.js';
import { parseDataSourceName, parseParent } from './resource-names.js';

/** The DataSource message (proto-loader shape), named under the caller's parent. */
function dataSourceView(name: string): Message {
  return {
    ...AMAZON_S3_DATA_SOURCE,
    name,
    scopes: [...AMAZON_S3_DATA_SOURCE.scopes],
    parameters: AMAZON_S3_PARAMETERS.map((parameter) => ({
      paramId: parameter.paramId,
      displayName: parameter.displayName,
      description: parameter.description,
      type: parameter.type,
      required: parameter.required,
      repeated: false,
      validationRegex: parameter.validationRegex ?? '',
      allowedValues: parameter.allowedValues ?? [],
      minValue: parameter.minValue === undefined ? null : { value: parameter.minValue },
      maxValue: null,
      fields: [],
      validationDescription: parameter.validationDescription ?? '',
      validationHelpUrl: '',
      immutable: false,
      recurse: false,
      deprecated: false,
    })),
  };
}

/** `projects/P[/locations/L]` as the caller wrote it, the location in lower case. */
function parentPrefix(value: unknown, kind: string): { projectId: string; prefix: string } {
  const parent = parseParent(value, kind);
  const prefix = String(value).includes('/locations/')
    ? `projects/${parent.projectId}/locations/${parent.location}`
    : `projects/${parent.projectId}`;
  return { projectId: parent.projectId, prefix };
}

/** The data source's name as the caller wrote it (location in lower case), if it is served. */
function requireDataSource(value: unknown): string {
  const name = parseDataSourceName(value);
  if (name.dataSourceId !== AMAZON_S3) throw notFound();
  const located = String(value).includes('/locations/');
  const parent = located
    ? `projects/${name.projectId}/locations/${name.location}`
    : `projects/${name.projectId}`;
  return `${parent}/dataSources/${name.dataSourceId}`;
}

/** Enroll and unenroll name data sources by id: at least one, and only served ones. */
function dataSourceIds(request: Message): string[] {
  const ids = (request.dataSourceIds as string[] | undefined) ?? [];
  if (ids.length === 0) throw invalid('Provide at least one data source id in data_source_ids.');
  const unknown = ids.find((id) => id !== AMAZON_S3);
  if (unknown !== undefined) {
    throw invalid(`Data source "${unknown}" is not served by the local cloud; it serves "${AMAZON_S3}".`);
  }
  return ids;
}

function enrollment(store: DtsStore, action: 'enroll' | 'unenroll'): (request: Message) => Promise<Message> {
  return async (request) => {
    const { projectId } = parentPrefix(request.name, 'project');
    const ids = dataSourceIds(request);
    if (action === 'enroll') store.enroll(projectId, ids);
    else store.unenroll(projectId, ids);
    return {};
  };
}

export function createDataSourceHandlers(deps: DtsHandlerDeps): UnaryHandlers {
  return {
    async ListDataSources(request) {
      const { prefix } = parentPrefix(request.parent, 'parent');
      const all = [dataSourceView(`${prefix}/dataSources/${AMAZON_S3}`)];
      const { page, nextPageToken } = paginate(all, request.pageToken, request.pageSize, MAX_PAGE_SIZE);
      return { dataSources: page, nextPageToken };
    },

    async GetDataSource(request) {
      return dataSourceView(requireDataSource(request.name));
    },

    // amazon_s3 authenticates with the access key pair in each config's params: there is
    // no Google OAuth grant to be missing, so the answer is always yes (unconfirmed).
    async CheckValidCreds(request) {
      requireDataSource(request.name);
      return { hasValidCreds: true };
    },

    EnrollDataSources: enrollment(deps.store, 'enroll'),
    UnenrollDataSources: enrollment(deps.store, 'unenroll'),
  };
}
