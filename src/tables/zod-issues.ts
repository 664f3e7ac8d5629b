// Zod's findings about a table file, reworded for people editing JSON and pinned to the
// offending key or value.
import { findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import type { z } from 'zod';
import { AIRFLOW_SEED_KEYS, closest, unknownKeyMessage } from './hints.js';
import {
  type JsonDocument,
  type JsonPath,
  locate,
  locateKey,
  type PositionedMessage,
} from './json-document.js';
import { csvOptionsSchema, partitioningSchema, tableFileSchema } from './schema.js';

const SCHEMA_FIELD_KEYS = ['name', 'type', 'mode', 'description', 'fields'];

/** `partitioning.layout`, `schema[0].type`. */
function dottedPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

function tableFileKeysAt(path: readonly PropertyKey[]): string[] {
  if (path.length === 0) return Object.keys(tableFileSchema.shape);
  const last = path.at(-1);
  if (last === 'partitioning' && path.length === 1) return Object.keys(partitioningSchema.shape);
  if (last === 'csv' && path.length === 1) return Object.keys(csvOptionsSchema.shape);
  if (path[0] === 'schema') return SCHEMA_FIELD_KEYS;
  return [];
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'an integer' : 'a number';
  return `a ${typeof value}`;
}

function describeExpected(expected: string): string {
  if (expected === 'object') return 'an object';
  if (expected === 'array') return 'an array';
  if (expected === 'int') return 'an integer';
  return `a ${expected}`;
}

export interface KeyVocabulary {
  /** The allowed keys of the object at a path. */
  keysAt(path: readonly PropertyKey[]): string[];
  /** Keys of an older format and where they live now (top level only). */
  seeds: Readonly<Record<string, string>>;
}

const TABLE_FILE_VOCABULARY: KeyVocabulary = { keysAt: tableFileKeysAt, seeds: AIRFLOW_SEED_KEYS };

export function zodIssueMessages(
  doc: JsonDocument,
  issues: readonly z.core.$ZodIssue[],
  vocabulary: KeyVocabulary = TABLE_FILE_VOCABULARY,
): PositionedMessage[] {
  return issues.flatMap((issue) => issueMessages(doc, issue, vocabulary));
}

/** Where an issue points, and what its path and value are. */
interface IssueAt {
  path: JsonPath;
  where: string;
  node: ReturnType<typeof findNodeAtLocation>;
  value: unknown;
}

function issueMessages(
  doc: JsonDocument,
  issue: z.core.$ZodIssue,
  vocabulary: KeyVocabulary,
): PositionedMessage[] {
  const path = issue.path as JsonPath;
  const node = doc.root ? findNodeAtLocation(doc.root, path) : undefined;
  const at: IssueAt = { path, where: dottedPath(path), node, value: node ? getNodeValue(node) : undefined };
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        ...locateKey(doc, path, key),
        message: unknownKeyMessage(key, at.where, vocabulary.keysAt(path), vocabulary.seeds),
      }));
    case 'invalid_type':
      return [{ ...locate(doc, path), message: invalidTypeMessage(doc, at, issue.expected) }];
    case 'invalid_value': {
      const allowed = issue.values.map((v) => String(v));
      const guess = typeof at.value === 'string' ? closest(at.value, allowed) : undefined;
      const message = `"${at.where}" is ${JSON.stringify(at.value)}; allowed: ${allowed.join(', ')}${guess ? ` — did you mean "${guess}"?` : ''}`;
      return [{ ...locate(doc, path), message }];
    }
    case 'too_big':
    case 'too_small':
      return [{ ...locate(doc, path), message: outOfRangeMessage(at, issue) }];
    default: {
      // Refinements word their message as a predicate ("is not a BigQuery location…").
      const subject =
        typeof at.value === 'string' && issue.message.startsWith('is ') ? `${JSON.stringify(at.value)} ` : '';
      return [
        { ...locate(doc, path), message: `${at.where ? `"${at.where}": ` : ''}${subject}${issue.message}` },
      ];
    }
  }
}

function invalidTypeMessage(doc: JsonDocument, at: IssueAt, expected: string): string {
  const { path, where, node, value } = at;
  if (!node) {
    const parent = dottedPath(path.slice(0, -1));
    return `missing required key "${String(path.at(-1))}"${parent ? ` in "${parent}"` : ''}`;
  }
  if (typeof value === 'number' && !Number.isFinite(value)) {
    // 1e400 parses to Infinity, which no field takes: say so in the file's own words.
    const written = doc.text.slice(node.offset, node.offset + node.length);
    const size = value > 0 ? 'too large' : 'too far below zero';
    return `"${where}" is ${written}, which is ${size} to be a number: write a plain number such as 10`;
  }
  return `${where ? `"${where}"` : 'the table file'} must be ${describeExpected(expected)}, not ${jsonType(value)}`;
}

function outOfRangeMessage(
  at: IssueAt,
  issue: Extract<z.core.$ZodIssue, { code: 'too_big' | 'too_small' }>,
): string {
  const big = issue.code === 'too_big';
  const bound = big ? (issue as { maximum: unknown }).maximum : (issue as { minimum: unknown }).minimum;
  const inclusive = issue.inclusive !== false;
  const relation = big ? (inclusive ? 'at most' : 'less than') : inclusive ? 'at least' : 'more than';
  const unit = issue.origin === 'string' ? ' characters long' : issue.origin === 'array' ? ' item(s)' : '';
  const got = typeof at.value === 'number' ? ` (it is ${at.value})` : '';
  const subject = issue.origin === 'array' ? 'have' : 'be';
  return `"${at.where}" must ${subject} ${relation} ${String(bound)}${unit}${got}`;
}
