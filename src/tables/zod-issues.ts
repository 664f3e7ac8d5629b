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
export function dottedPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

export function tableFileKeysAt(path: readonly PropertyKey[]): string[] {
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
  const out: PositionedMessage[] = [];
  for (const issue of issues) {
    const path = issue.path as JsonPath;
    const where = dottedPath(path);
    const node = doc.root ? findNodeAtLocation(doc.root, path) : undefined;
    const value = node ? getNodeValue(node) : undefined;
    switch (issue.code) {
      case 'unrecognized_keys': {
        for (const key of issue.keys) {
          out.push({
            ...locateKey(doc, path, key),
            message: unknownKeyMessage(key, where, vocabulary.keysAt(path), vocabulary.seeds),
          });
        }
        break;
      }
      case 'invalid_type': {
        if (!node) {
          const key = path.at(-1);
          const parent = dottedPath(path.slice(0, -1));
          out.push({
            ...locate(doc, path),
            message: `missing required key "${String(key)}"${parent ? ` in "${parent}"` : ''}`,
          });
        } else if (typeof value === 'number' && !Number.isFinite(value) && node) {
          // 1e400 parses to Infinity, which no field takes: say so in the file's own words.
          const written = doc.text.slice(node.offset, node.offset + node.length);
          const size = value > 0 ? 'too large' : 'too far below zero';
          out.push({
            ...locate(doc, path),
            message: `"${where}" is ${written}, which is ${size} to be a number: write a plain number such as 10`,
          });
        } else {
          out.push({
            ...locate(doc, path),
            message: `${where ? `"${where}"` : 'the table file'} must be ${describeExpected(issue.expected)}, not ${jsonType(value)}`,
          });
        }
        break;
      }
      case 'invalid_value': {
        const allowed = issue.values.map((v) => String(v));
        const guess = typeof value === 'string' ? closest(value, allowed) : undefined;
        out.push({
          ...locate(doc, path),
          message: `"${where}" is ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}${guess ? ` — did you mean "${guess}"?` : ''}`,
        });
        break;
      }
      case 'too_big':
      case 'too_small': {
        const bound = issue.code === 'too_big' ? issue.maximum : issue.minimum;
        const inclusive = issue.inclusive !== false;
        const relation =
          issue.code === 'too_big'
            ? inclusive
              ? 'at most'
              : 'less than'
            : inclusive
              ? 'at least'
              : 'more than';
        const unit =
          issue.origin === 'string' ? ' characters long' : issue.origin === 'array' ? ' item(s)' : '';
        const got = typeof value === 'number' ? ` (it is ${value})` : '';
        const subject = issue.origin === 'string' ? 'be' : issue.origin === 'array' ? 'have' : 'be';
        out.push({
          ...locate(doc, path),
          message: `"${where}" must ${subject} ${relation} ${String(bound)}${unit}${got}`,
        });
        break;
      }
      default: {
        // Refinements word their message as a predicate ("is not a BigQuery location…").
        const subject =
          typeof value === 'string' && issue.message.startsWith('is ') ? `${JSON.stringify(value)} ` : '';
        out.push({
          ...locate(doc, path),
          message: `${where ? `"${where}": ` : ''}${subject}${issue.message}`,
        });
      }
    }
  }
  return out;
}
