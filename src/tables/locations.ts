// BigQuery's locations: where a dataset, and so a transfer config, can live. A location
// BigQuery does not know fails only at the first dataset or config it creates, deep in a
// run; checked here it fails at the door, with the nearest real names.
import { closestMatches } from './hints.js';

/**
 * From Google's "BigQuery locations" page (cloud.google.com/bigquery/docs/locations),
 * as it stood when this list was last updated: the two multi-regions and every region it lists. BigQuery reads
 * location names without regard to case ("us" = "US"). A region added later belongs here.
 */
const BIGQUERY_MULTI_REGIONS = ['US', 'EU'] as const;
const BIGQUERY_REGIONS = [
  // Americas
  'us-central1',
  'us-east1',
  'us-east4',
  'us-east5',
  'us-south1',
  'us-west1',
  'us-west2',
  'us-west3',
  'us-west4',
  'northamerica-northeast1',
  'northamerica-northeast2',
  'northamerica-south1',
  'southamerica-east1',
  'southamerica-west1',
  // Asia Pacific
  'asia-east1',
  'asia-east2',
  'asia-northeast1',
  'asia-northeast2',
  'asia-northeast3',
  'asia-south1',
  'asia-south2',
  'asia-southeast1',
  'asia-southeast2',
  'australia-southeast1',
  'australia-southeast2',
  // Europe
  'europe-central2',
  'europe-north1',
  'europe-north2',
  'europe-southwest1',
  'europe-west1',
  'europe-west2',
  'europe-west3',
  'europe-west4',
  'europe-west6',
  'europe-west8',
  'europe-west9',
  'europe-west10',
  'europe-west12',
  // Middle East
  'me-central1',
  'me-central2',
  'me-west1',
  // Africa
  'africa-south1',
] as const;

const KNOWN = [...BIGQUERY_MULTI_REGIONS, ...BIGQUERY_REGIONS];
const KNOWN_LOWER = new Set(KNOWN.map((name) => name.toLowerCase()));

/** Undefined when BigQuery knows the location; else what is wrong and the nearest names. */
export function locationProblem(location: string): string | undefined {
  if (KNOWN_LOWER.has(location.toLowerCase())) return undefined;
  const [guess] = closestMatches(location, KNOWN, 1);
  const hint = guess ? ` (did you mean "${guess}"?)` : '';
  return `is not a BigQuery location${hint}: use a multi-region ("US", "EU") or a region such as "us-central1", "europe-west3" or "asia-northeast3" (cloud.google.com/bigquery/docs/locations)`;
}
