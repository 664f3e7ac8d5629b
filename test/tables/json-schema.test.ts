import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { tableJsonSchemaText } from '../../src/tables/json-schema.js';

const committed = new URL('../../tables/schema.json', import.meta.url);

describe('tables/schema.json', () => {
  it('is what `npm run schema` generates from src/tables/schema.ts (run it after changing the schema)', async () => {
    expect(await readFile(committed, 'utf8')).toBe(tableJsonSchemaText());
  });

  it('leaves keys with defaults optional and forbids unknown keys', () => {
    const schema = JSON.parse(tableJsonSchemaText()) as {
      required?: string[];
      additionalProperties?: boolean;
      properties: Record<string, { default?: unknown }>;
    };
    expect(schema.required).toEqual(['source']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.format?.default).toBe('PARQUET');
    expect(Object.keys(schema.properties)).toContain('$schema');
  });
});
