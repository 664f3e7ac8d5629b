// The rules of a table file that a JSON Schema cannot say: S3 and BigQuery naming, time
// zones, layouts against granularity, schema requirements of formats and partition fields.
// They read the raw parsed file defensively, so a file with a type error elsewhere still
// gets every other finding in the same pass.
import type { JsonPath } from './json-document.js';
import { layoutProblems } from './layout.js';
import { datasetNameProblem, labelProblem, tableNameProblem } from './naming.js';
import { parseS3Uri } from './s3-uri.js';
import { GRANULARITIES } from './schema.js';
import { isValidTimeZone } from './time-zones.js';

export interface Finding {
  path: JsonPath;
  message: string;
  /** Point at the key instead of its value (for "this key is not allowed here"). */
  at?: 'key' | 'value';
}

const PARTITION_FIELD_TYPES = ['DATE', 'TIMESTAMP', 'DATETIME'];
const NEEDS_SCHEMA = ['CSV', 'JSON'];

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

export function checkTableFile(raw: Raw): Finding[] {
  const findings: Finding[] = [];
  findings.push(...checkDestination(raw));

  const timezone = str(raw.timezone);
  if (timezone !== undefined && !isValidTimeZone(timezone)) {
    findings.push({
      path: ['timezone'],
      message: `unknown time zone "${timezone}": use an IANA zone name such as "UTC", "Asia/Seoul" or "America/New_York"`,
    });
  }

  const partitioning = isObject(raw.partitioning) ? raw.partitioning : {};
  const granularityRaw = partitioning.granularity ?? 'DAY';
  const granularity = (GRANULARITIES as readonly unknown[]).includes(granularityRaw)
    ? (granularityRaw as 'DAY' | 'HOUR')
    : undefined;
  const layout = str(partitioning.layout);
  if (layout !== undefined && layout !== '' && granularity) {
    for (const problem of layoutProblems(layout, granularity)) {
      findings.push({ path: ['partitioning', 'layout'], message: problem });
    }
  }

  const format = str(raw.format) ?? 'PARQUET';
  const schema = Array.isArray(raw.schema) ? raw.schema : undefined;
  if (NEEDS_SCHEMA.includes(format) && raw.schema === undefined) {
    findings.push({
      path: raw.format === undefined ? [] : ['format'],
      message: `a ${format} table needs a "schema": BigQuery cannot infer columns from ${format} files in a transfer`,
    });
  }
  if (raw.csv !== undefined && format !== 'CSV') {
    findings.push({
      path: ['csv'],
      at: 'key',
      message: `"csv" options apply only to "format": "CSV" (this table is ${format})`,
    });
  }
  if (schema) findings.push(...checkSchemaFields(schema, ['schema']));

  const field = str(partitioning.field);
  if (field !== undefined && schema) {
    const column = schema.find((f) => isObject(f) && f.name === field);
    if (!isObject(column)) {
      const names = schema.flatMap((f) => (isObject(f) && typeof f.name === 'string' ? [f.name] : []));
      findings.push({
        path: ['partitioning', 'field'],
        message: `partition field "${field}" is not a top-level column of "schema" (columns: ${names.join(', ') || 'none'})`,
      });
    } else if (typeof column.type === 'string' && !PARTITION_FIELD_TYPES.includes(column.type)) {
      findings.push({
        path: ['partitioning', 'field'],
        message: `partition field "${field}" has type ${column.type}; BigQuery partitions by a DATE, TIMESTAMP or DATETIME column`,
      });
    } else if (column.mode === 'REPEATED') {
      findings.push({
        path: ['partitioning', 'field'],
        message: `partition field "${field}" must not be REPEATED`,
      });
    }
  }

  if (isObject(raw.labels)) {
    for (const [key, value] of Object.entries(raw.labels)) {
      if (typeof value !== 'string') continue;
      const problem = labelProblem(key, value);
      if (problem) findings.push({ path: ['labels', key], message: problem });
    }
  }
  return findings;
}

/** How each half of the destination is named, checked and defaulted from `source`. */
const DESTINATION_PARTS = [
  {
    key: 'dataset',
    problemOf: datasetNameProblem,
    fromEnd: 2,
    missing: 'source has fewer than two path segments to name the destination: set "dataset" (and "table")',
    defaulted: (derived: string, problem: string) =>
      `the dataset defaults to "${derived}" (second-to-last segment of source), which ${problem}: set "dataset", e.g. "${derived.replace(/[^A-Za-z0-9_]/g, '_')}"`,
  },
  {
    key: 'table',
    problemOf: tableNameProblem,
    fromEnd: 1,
    missing: 'source has no path segment to name the table: set "table"',
    defaulted: (derived: string, problem: string) =>
      `the table defaults to "${derived}" (last segment of source), which ${problem}: set "table"`,
  },
] as const;

/** Dataset and table, given or defaulted from the last two segments of `source`. */
function checkDestination(raw: Raw): Finding[] {
  const findings: Finding[] = [];
  const source = str(raw.source);
  let segments: string[] | undefined;
  if (source !== undefined) {
    const parsed = parseS3Uri(source);
    if (parsed.ok) segments = parsed.segments;
    else findings.push({ path: ['source'], message: parsed.problem });
  }
  for (const part of DESTINATION_PARTS) {
    const given = raw[part.key];
    if (typeof given === 'string') {
      const problem = part.problemOf(given);
      if (problem) {
        findings.push({
          path: [part.key],
          message: `invalid BigQuery ${part.key} name "${given}": it ${problem}`,
        });
      }
      continue;
    }
    // A given value of the wrong type is zod's finding; nothing to default then.
    if (given !== undefined || !segments) continue;
    const derived = segments.at(-part.fromEnd);
    const problem = derived === undefined ? undefined : part.problemOf(derived);
    if (derived === undefined) findings.push({ path: ['source'], message: part.missing });
    else if (problem) findings.push({ path: ['source'], message: part.defaulted(derived, problem) });
  }
  return findings;
}

function checkSchemaFields(fields: unknown[], path: JsonPath): Finding[] {
  const findings: Finding[] = [];
  const seen = new Map<string, number>();
  fields.forEach((field, index) => {
    if (!isObject(field)) return;
    const name = str(field.name);
    if (name !== undefined) {
      const lowered = name.toLowerCase();
      const first = seen.get(lowered);
      if (first !== undefined) {
        findings.push({
          path: [...path, index, 'name'],
          message: `duplicate column "${name}" (BigQuery column names are case-insensitive; first at index ${first})`,
        });
      } else seen.set(lowered, index);
    }
    const isRecord = field.type === 'RECORD' || field.type === 'STRUCT';
    if (isRecord && field.fields === undefined) {
      findings.push({
        path: [...path, index],
        message: `column "${name ?? index}" of type ${field.type} needs "fields"`,
      });
    }
    if (!isRecord && field.fields !== undefined && typeof field.type === 'string') {
      findings.push({
        path: [...path, index, 'fields'],
        at: 'key',
        message: `only RECORD/STRUCT columns have "fields" ("${name ?? index}" is ${field.type})`,
      });
    }
    if (Array.isArray(field.fields))
      findings.push(...checkSchemaFields(field.fields, [...path, index, 'fields']));
  });
  return findings;
}
