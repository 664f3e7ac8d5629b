// Every method of the BigQuery v2 REST API (its discovery document), so a request the
// local cloud does not serve is answered honestly: 501 `notImplemented` naming the method
// (`bigquery.routines.insert`), never a 404 that reads like a missing table.

/** [HTTP method, path below /bigquery/v2 with `*` for ids and `:verb` suffixes, method name]. */
const METHODS: [string, string, string][] = [
  ['GET', 'projects', 'projects.list'],
  ['GET', 'projects/*/serviceAccount', 'projects.getServiceAccount'],
  ['GET', 'projects/*/datasets', 'datasets.list'],
  ['POST', 'projects/*/datasets', 'datasets.insert'],
  ['GET', 'projects/*/datasets/*', 'datasets.get'],
  ['PATCH', 'projects/*/datasets/*', 'datasets.patch'],
  ['PUT', 'projects/*/datasets/*', 'datasets.update'],
  ['DELETE', 'projects/*/datasets/*', 'datasets.delete'],
  ['POST', 'projects/*/datasets/*:undelete', 'datasets.undelete'],
  ['GET', 'projects/*/jobs', 'jobs.list'],
  ['POST', 'projects/*/jobs', 'jobs.insert'],
  ['GET', 'projects/*/jobs/*', 'jobs.get'],
  ['POST', 'projects/*/jobs/*/cancel', 'jobs.cancel'],
  ['DELETE', 'projects/*/jobs/*/delete', 'jobs.delete'],
  ['POST', 'projects/*/queries', 'jobs.query'],
  ['GET', 'projects/*/queries/*', 'jobs.getQueryResults'],
  ['GET', 'projects/*/datasets/*/models', 'models.list'],
  ['GET', 'projects/*/datasets/*/models/*', 'models.get'],
  ['PATCH', 'projects/*/datasets/*/models/*', 'models.patch'],
  ['DELETE', 'projects/*/datasets/*/models/*', 'models.delete'],
  ['GET', 'projects/*/datasets/*/routines', 'routines.list'],
  ['POST', 'projects/*/datasets/*/routines', 'routines.insert'],
  ['GET', 'projects/*/datasets/*/routines/*', 'routines.get'],
  ['PUT', 'projects/*/datasets/*/routines/*', 'routines.update'],
  ['DELETE', 'projects/*/datasets/*/routines/*', 'routines.delete'],
  ['POST', 'projects/*/datasets/*/routines/*:getIamPolicy', 'routines.getIamPolicy'],
  ['POST', 'projects/*/datasets/*/routines/*:setIamPolicy', 'routines.setIamPolicy'],
  ['POST', 'projects/*/datasets/*/routines/*:testIamPermissions', 'routines.testIamPermissions'],
  ['GET', 'projects/*/datasets/*/tables', 'tables.list'],
  ['POST', 'projects/*/datasets/*/tables', 'tables.insert'],
  ['GET', 'projects/*/datasets/*/tables/*', 'tables.get'],
  ['PATCH', 'projects/*/datasets/*/tables/*', 'tables.patch'],
  ['PUT', 'projects/*/datasets/*/tables/*', 'tables.update'],
  ['DELETE', 'projects/*/datasets/*/tables/*', 'tables.delete'],
  ['POST', 'projects/*/datasets/*/tables/*:getIamPolicy', 'tables.getIamPolicy'],
  ['POST', 'projects/*/datasets/*/tables/*:setIamPolicy', 'tables.setIamPolicy'],
  ['POST', 'projects/*/datasets/*/tables/*:testIamPermissions', 'tables.testIamPermissions'],
  ['GET', 'projects/*/datasets/*/tables/*/data', 'tabledata.list'],
  ['POST', 'projects/*/datasets/*/tables/*/insertAll', 'tabledata.insertAll'],
  ['GET', 'projects/*/datasets/*/tables/*/rowAccessPolicies', 'rowAccessPolicies.list'],
  ['POST', 'projects/*/datasets/*/tables/*/rowAccessPolicies', 'rowAccessPolicies.insert'],
  ['GET', 'projects/*/datasets/*/tables/*/rowAccessPolicies/*', 'rowAccessPolicies.get'],
  ['PUT', 'projects/*/datasets/*/tables/*/rowAccessPolicies/*', 'rowAccessPolicies.update'],
  ['DELETE', 'projects/*/datasets/*/tables/*/rowAccessPolicies/*', 'rowAccessPolicies.delete'],
  ['POST', 'projects/*/datasets/*/tables/*/rowAccessPolicies:batchDelete', 'rowAccessPolicies.batchDelete'],
  [
    'POST',
    'projects/*/datasets/*/tables/*/rowAccessPolicies/*:getIamPolicy',
    'rowAccessPolicies.getIamPolicy',
  ],
  [
    'POST',
    'projects/*/datasets/*/tables/*/rowAccessPolicies/*:testIamPermissions',
    'rowAccessPolicies.testIamPermissions',
  ],
];

function matches(template: string, segments: string[]): boolean {
  const parts = template.split('/');
  if (parts.length !== segments.length) return false;
  return parts.every((part, index) => {
    const actual = segments[index] ?? '';
    if (part === '*') return actual !== '' && !actual.includes(':');
    if (part.startsWith('*:')) return actual.endsWith(part.slice(1)) && actual.length > part.length - 1;
    return part === actual;
  });
}

/** The API method a request addresses (`routines.insert`), or undefined when none does. */
export function restMethodOf(httpMethod: string, segments: string[]): string | undefined {
  return METHODS.find(([method, template]) => method === httpMethod && matches(template, segments))?.[2];
}
