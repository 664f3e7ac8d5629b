// Bad input, generated: valid table files are accepted and mean the same thing however
// they are written; mutated ones (wrong types, ranges, unknown keys, unicode, random edits
// of the text, duplicate keys, deep nesting, huge files, odd file names) are always
// answered with `path:line:col` findings inside the file, never a crash, never acceptance
// of a key whose value is nonsense.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeTableText } from '../../src/tables/load.js';
import { breakingMutation, expectWellFormed, SETTINGS, validTableFile } from './table-file-arbitraries.js';

const FILE = 'tables/prop.table.json';
// PROPERTY_RUNS=5000 for a deeper search than the suite's default.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

function analyze(text: string, file = FILE) {
  const result = analyzeTableText(text, file, SETTINGS);
  expectWellFormed(result.diagnostics, file, text);
  // Either a spec or findings, never both, never neither.
  expect(result.spec === undefined).toBe(result.diagnostics.length > 0);
  return result;
}

describe('valid table files', () => {
  it('are accepted, and the same file written differently means the same spec', () => {
    fc.assert(
      fc.property(validTableFile, fc.constantFrom(0, 1, 2, '\t'), fc.boolean(), (file, indent, crlf) => {
        const compact = analyze(JSON.stringify(file));
        expect(compact.diagnostics).toEqual([]);
        let text = JSON.stringify(file, null, indent);
        if (crlf) text = text.replaceAll('\n', '\r\n');
        expect(analyze(`\uFEFF${text}`).spec).toEqual(compact.spec);
        expect(compact.spec?.name).toBe('prop.table');
      }),
      RUNS,
    );
  });
});

describe('mutated table files', () => {
  it('a key given a value of the wrong type or range is never accepted, and the finding names it', () => {
    fc.assert(
      fc.property(validTableFile, breakingMutation, fc.constantFrom(0, 2), (file, mutation, indent) => {
        const copy = structuredClone(file);
        mutation.apply(copy);
        const result = analyze(JSON.stringify(copy, null, indent));
        expect(result.spec).toBeUndefined();
        expect(result.diagnostics.map((d) => d.message).join('\n')).toContain(mutation.names);
      }),
      RUNS,
    );
  });

  it('any JSON value at any key: findings are well-formed, and what is accepted re-validates to itself', () => {
    const anyKey = fc.oneof(
      fc.constantFrom(
        'source',
        'format',
        'partitioning',
        'schema',
        'labels',
        'csv',
        'owners',
        'table',
        'dataset',
        'lookback_days',
        'timezone',
      ),
      fc.string({ unit: 'grapheme', maxLength: 8 }),
    );
    fc.assert(
      fc.property(validTableFile, anyKey, fc.jsonValue({ maxDepth: 4 }), (file, key, value) => {
        const copy: Record<string, unknown> = { ...file, [key]: value };
        const result = analyze(JSON.stringify(copy, null, 2));
        if (result.spec) {
          const again = analyze(JSON.stringify(JSON.parse(JSON.stringify(copy))));
          expect(again.spec).toEqual(result.spec);
        }
      }),
      RUNS,
    );
  });

  it('random edits of the text: never a crash, findings inside the file, acceptance only of real JSON', () => {
    const edit = fc.record({
      at: fc.nat(),
      cut: fc.nat({ max: 6 }),
      insert: fc.oneof(
        fc.string({ unit: 'grapheme', maxLength: 4 }),
        fc.constantFrom(
          '{',
          '}',
          '[',
          ']',
          ',',
          ':',
          '"',
          '\\',
          '\n',
          '\r',
          '\u2028',
          '//',
          '/*',
          'null',
          '\u0000',
          '\uFEFF',
          '\uD800',
        ),
      ),
    });
    fc.assert(
      fc.property(
        validTableFile,
        fc.array(edit, { minLength: 1, maxLength: 4 }),
        fc.constantFrom(0, 2),
        (file, edits, indent) => {
          let text = JSON.stringify(file, null, indent);
          for (const { at, cut, insert } of edits) {
            const i = at % (text.length + 1);
            text = text.slice(0, i) + insert + text.slice(i + cut);
          }
          const result = analyze(text);
          if (result.spec) {
            // Accepted text is strict JSON that means the same when re-serialised.
            const parsed = JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
            expect(analyze(JSON.stringify(parsed)).spec).toEqual(result.spec);
          }
        },
      ),
      RUNS,
    );
  });

  it('a duplicated key is refused at the duplicate, whichever value comes last', () => {
    fc.assert(
      fc.property(
        validTableFile,
        fc.constantFrom('source', 'format', 'enabled', 'timezone', 'lookback_days'),
        fc.jsonValue({ maxDepth: 2 }),
        (file, key, other) => {
          const body = JSON.stringify({ ...file, [key]: other }, null, 2);
          const value = JSON.stringify(file[key] ?? 'x');
          const text = body.replace(/\n}$/, `,\n  "${key}": ${value}\n}`);
          const result = analyze(text);
          expect(result.spec).toBeUndefined();
          const duplicate = result.diagnostics.find((d) => d.message.includes(`duplicate key "${key}"`));
          expect(duplicate?.line).toBe(text.split('\n').length - 1);
        },
      ),
      RUNS,
    );
  });
});

describe('extreme files', () => {
  it.each([64, 65, 1_000, 100_000])('nesting %i levels deep is answered, not a stack overflow', (depth) => {
    for (const [open, close] of [
      ['[', ']'],
      ['{"a":', '}'],
    ] as const) {
      const text = `{"source":"s3://lake/a/b","labels":${open.repeat(depth)}1${close.repeat(depth)}}`;
      const result = analyze(text);
      expect(result.spec).toBeUndefined();
      expect(result.diagnostics.length).toBeGreaterThan(0);
    }
  });

  it('a long single-line file with unicode everywhere stays within its line', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }),
        fc.nat({ max: 50_000 }),
        (word, pad) => {
          const text = `{"source":"s3://lake/a/b","format":"PARQUET","description":${JSON.stringify(' '.repeat(pad) + word)},"${word}":1}`;
          const result = analyze(text);
          expect(result.spec).toBeUndefined();
        },
      ),
      { numRuns: 50 },
    );
  });
});

describe('odd and hostile file names', () => {
  it.each([
    '../../etc/passwd.json',
    'tables/../../secrets.json',
    'tables/a b.c.json',
    'tables/a\nb.c.json',
    'tables/x:1:2.json',
    'tables/.json',
    'tables/..json',
    'tables/-rf.c.json',
    'tables/$(reboot).c.json',
    'tables/ünï.cödé.json',
    'tables/a.b.c.d.json',
    'tables/CON.json',
    `tables/${'x'.repeat(300)}.y.json`,
  ])('%j: refused with a finding at 1:1, or accepted under a safe name', (file) => {
    const text = JSON.stringify({ source: 's3://lake/a/b', format: 'PARQUET' });
    const result = analyze(text, file);
    if (result.spec) {
      expect(result.spec.name).toMatch(/^[A-Za-z0-9_.-]+$/);
      expect(result.spec.name).not.toContain('..');
    } else {
      expect(result.diagnostics[0]).toMatchObject({ file, line: 1, column: 1 });
    }
  });
});
