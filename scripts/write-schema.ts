// Writes tables/schema.json from the zod schema (`npm run schema`). A test fails when the
// committed file differs, so run this after changing src/tables/schema.ts.
import { writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { tableJsonSchemaText } from '../src/tables/json-schema.js';

const SCHEMA_PATH = fileURLToPath(new URL('../tables/schema.json', import.meta.url));

await writeFile(SCHEMA_PATH, tableJsonSchemaText());
console.log(`wrote ${SCHEMA_PATH}`);
