// The resource names and client-assigned identifiers of Cloud Logging's configuration
// (ConfigServiceV2) and log-based metrics (MetricsServiceV2), checked as the API
// documents them (logging_config.proto, logging_metrics.proto): a malformed name or id is
// INVALID_ARGUMENT naming the field and the form it must take.
import { status } from '@grpc/grpc-js';
import { RpcError } from '../log-contract.js';

const PARENT = '(?:projects|organizations|folders|billingAccounts)/[^/]+';
const SEGMENT = '[^/]+';

function invalid(field: string, value: string, form: string): RpcError {
  return new RpcError(
    status.INVALID_ARGUMENT,
    `Invalid ${field} "${value}": it must be of the form "${form}" (e.g. projects/my-project for the parent).`,
  );
}

function required(value: unknown, field: string): string {
  if (typeof value !== 'string' || value === '') {
    throw new RpcError(status.INVALID_ARGUMENT, `${field} is required.`);
  }
  return value;
}

/** `projects/P` (or organizations/, folders/, billingAccounts/). */
export function parseParent(value: unknown, field: string): string {
  const name = required(value, field);
  if (!new RegExp(`^${PARENT}$`).test(name)) throw invalid(field, name, 'projects/[PROJECT_ID]');
  return name;
}

/** `PARENT/COLLECTION/ID` → the parent and the (still percent-encoded) id. */
export function parseChild(
  value: unknown,
  field: string,
  collection: string,
): { parent: string; id: string } {
  const name = required(value, field);
  const match = new RegExp(`^(${PARENT})/${collection}/(${SEGMENT})$`).exec(name);
  if (!match) throw invalid(field, name, `projects/[PROJECT_ID]/${collection}/[ID]`);
  return { parent: match[1] ?? '', id: match[2] ?? '' };
}

/** `PARENT/locations/LOCATION`. */
export function parseLocation(value: unknown, field: string): { parent: string; location: string } {
  const name = required(value, field);
  const match = new RegExp(`^(${PARENT})/locations/(${SEGMENT})$`).exec(name);
  if (!match) throw invalid(field, name, 'projects/[PROJECT_ID]/locations/[LOCATION_ID]');
  const location = match[2] ?? '';
  checkLocation(location);
  return { parent: match[1] ?? '', location };
}

/** `PARENT/locations/L/buckets/B`: the bucket's full name, as stored. */
export function parseBucketName(value: unknown, field: string): string {
  const name = required(value, field);
  if (!new RegExp(`^${PARENT}/locations/${SEGMENT}/buckets/${SEGMENT}$`).test(name)) {
    throw invalid(field, name, 'projects/[PROJECT_ID]/locations/[LOCATION_ID]/buckets/[BUCKET_ID]');
  }
  return name;
}

/** `BUCKET/views/V` or `BUCKET/links/K` → the bucket's name and the id. */
export function parseBucketChild(
  value: unknown,
  field: string,
  collection: 'views' | 'links',
): { bucket: string; id: string } {
  const name = required(value, field);
  const match = new RegExp(
    `^(${PARENT}/locations/${SEGMENT}/buckets/${SEGMENT})/${collection}/(${SEGMENT})$`,
  ).exec(name);
  if (!match) {
    throw invalid(
      field,
      name,
      `projects/[PROJECT_ID]/locations/[LOCATION_ID]/buckets/[BUCKET_ID]/${collection}/[ID]`,
    );
  }
  return { bucket: match[1] ?? '', id: match[2] ?? '' };
}

// Logging's regions (cloud.google.com/logging/docs/region-support): `global`, the
// multi-regions `us` and `eu`, and Google Cloud regions. The local cloud accepts a region
// only in Google's region form (`us-central1`, `europe-west4`): a misspelt location is
// refused rather than silently holding buckets the real service would never create.
const LOCATION = /^(?:global|us|eu|[a-z]+-[a-z]+[1-9][0-9]?)$/;

function checkLocation(location: string): void {
  if (!LOCATION.test(location)) {
    throw new RpcError(
      status.INVALID_ARGUMENT,
      `Location "${location}" is not supported by Cloud Logging: use global, us, eu or a region such as us-central1.`,
    );
  }
}

interface IdRule {
  field: string;
  /** The characters allowed, as a character-class body. */
  chars: string;
  describe: string;
  /** Whether the first character must be a letter or a digit. */
  alphanumericFirst: boolean;
}

const ID_RULES = {
  sink: {
    field: 'sink.name',
    chars: 'A-Za-z0-9_.-',
    describe: 'letters, digits, _, - and .',
    alphanumericFirst: true,
  },
  exclusion: {
    field: 'exclusion.name',
    chars: 'A-Za-z0-9_.-',
    describe: 'letters, digits, _, - and .',
    alphanumericFirst: true,
  },
  // The REST reference adds "Bucket identifiers must start with an alphanumeric
  // character". View ids are documented with the same characters only; the built-in views
  // start with `_`, so a leading `_` or `-` is refused for views too (the hostile reading).
  bucket: {
    field: 'bucketId',
    chars: 'A-Za-z0-9_.-',
    describe: 'letters, digits, _, - and .',
    alphanumericFirst: true,
  },
  view: {
    field: 'viewId',
    chars: 'A-Za-z0-9_.-',
    describe: 'letters, digits, _, - and .',
    alphanumericFirst: true,
  },
  link: { field: 'linkId', chars: 'A-Za-z0-9_', describe: 'letters, digits and _', alphanumericFirst: false },
  metric: {
    field: 'metric.name',
    chars: "A-Za-z0-9_\\-.,+!*',()%/",
    describe: "letters, digits and _-.,+!*',()%/",
    alphanumericFirst: false,
  },
} satisfies Record<string, IdRule>;

/** Checks a client-assigned id: at most 100 characters of the kind's alphabet. */
export function checkId(kind: keyof typeof ID_RULES, value: unknown): string {
  const rule: IdRule = ID_RULES[kind];
  const id = required(value, rule.field);
  const where = `${rule.field} "${id}"`;
  if (id.length > 100) throw new RpcError(status.INVALID_ARGUMENT, `${where} is longer than 100 characters.`);
  if (!new RegExp(`^[${rule.chars}]+$`).test(id)) {
    throw new RpcError(status.INVALID_ARGUMENT, `${where} may only contain ${rule.describe}.`);
  }
  if (rule.alphanumericFirst && !/^[A-Za-z0-9]/.test(id)) {
    throw new RpcError(status.INVALID_ARGUMENT, `${where} must start with a letter or a digit.`);
  }
  if (kind === 'metric' && id.startsWith('/')) {
    throw new RpcError(status.INVALID_ARGUMENT, `${where} must not start with "/".`);
  }
  return id;
}

/** A description of at most 8000 characters, as every configuration resource allows. */
export function checkDescription(value: unknown, field: string): string {
  const text = typeof value === 'string' ? value : '';
  if (text.length > 8000) {
    throw new RpcError(status.INVALID_ARGUMENT, `${field} is longer than 8000 characters.`);
  }
  return text;
}
