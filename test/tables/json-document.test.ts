import { describe, expect, it } from 'vitest';
import { locate, locateKey, parseJsonDocument } from '../../src/tables/json-document.js';

describe('parseJsonDocument', () => {
  it('parses strict JSON and maps offsets to 1-based lines and columns', () => {
    const doc = parseJsonDocument('{\n  "a": 1,\n  "b": { "c": [true] }\n}\n');
    expect(doc.errors).toEqual([]);
    expect(doc.value).toEqual({ a: 1, b: { c: [true] } });
    expect(locate(doc, ['a'])).toEqual({ line: 2, column: 8 });
    expect(locate(doc, ['a'], 'key')).toEqual({ line: 2, column: 3 });
    expect(locate(doc, ['b', 'c', 0])).toEqual({ line: 3, column: 16 });
    expect(locateKey(doc, ['b'], 'c')).toEqual({ line: 3, column: 10 });
  });

  it('counts CRLF and lone CR line ends like editors do', () => {
    const doc = parseJsonDocument('{\r\n"a": 1,\r"b": 2\r\n}');
    expect(locate(doc, ['b'])).toEqual({ line: 3, column: 6 });
  });

  it('points a missing key at the nearest existing parent', () => {
    const doc = parseJsonDocument('{\n  "p": {}\n}');
    expect(locate(doc, ['p', 'missing'])).toEqual({ line: 2, column: 8 });
    expect(locate(doc, ['nope', 'deeper'])).toEqual({ line: 1, column: 1 });
  });

  it('rejects comments and trailing commas, once per place', () => {
    const comment = parseJsonDocument('{\n  // note\n  "a": 1\n}');
    expect(comment.value).toBeUndefined();
    expect(comment.errors).toEqual([
      { line: 2, column: 3, message: 'invalid JSON: comments are not allowed in JSON' },
    ]);
    const trailing = parseJsonDocument('{\n  "a": [1, 2,],\n  "b": 1,\n}');
    expect(trailing.errors.map((e) => `${e.line}:${e.column}`)).toEqual(['2:14', '4:1']);
    expect(trailing.errors[0]?.message).toContain('trailing commas are not allowed');
  });

  it('reports every duplicate key at its repeated occurrence, at any depth', () => {
    const doc = parseJsonDocument('{\n  "a": 1,\n  "o": { "x": 1, "x": 2 },\n  "a": 3\n}');
    expect(doc.errors).toEqual([
      { line: 3, column: 18, message: expect.stringContaining('duplicate key "x"') },
      { line: 4, column: 3, message: expect.stringContaining('duplicate key "a"') },
    ]);
  });

  it('reports an empty file and unterminated values', () => {
    expect(parseJsonDocument('  \n').errors[0]?.message).toContain('empty');
    expect(parseJsonDocument('{"a": "b').errors.map((e) => e.message)).toContain(
      'invalid JSON: unterminated string',
    );
  });
});
