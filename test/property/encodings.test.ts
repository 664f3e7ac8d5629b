// Table files saved in another encoding, generated: every valid file written as UTF-16
// (either byte order, with or without a byte order mark) or UTF-32 gets exactly one finding
// that names the encoding; a UTF-8 byte order mark changes nothing; and any bytes at all
// are answered without a crash, with a position inside the file.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeJsonFile } from '../../src/tables/encoding.js';
import { validTableFile } from './table-file-arbitraries.js';

const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 300) };

function utf16(text: string, order: 'le' | 'be', bom: boolean): Buffer {
  const bytes = Buffer.from(`${bom ? '\uFEFF' : ''}${text}`, 'utf16le');
  return order === 'le' ? bytes : bytes.swap16();
}

function utf32le(text: string): Buffer {
  const codes = [0xfeff, ...[...text].map((c) => c.codePointAt(0) ?? 0)];
  const bytes = Buffer.alloc(codes.length * 4);
  for (const [i, code] of codes.entries()) bytes.writeUInt32LE(code, i * 4);
  return bytes;
}

describe('table files in another encoding', () => {
  it('UTF-16 and UTF-32 get one finding at 1:1 naming the encoding', () => {
    fc.assert(
      fc.property(
        validTableFile,
        fc.constantFrom('le', 'be'),
        fc.boolean(),
        fc.boolean(),
        (file, order, bom, indent) => {
          const text = JSON.stringify(file, null, indent ? 2 : undefined);
          const decoded = decodeJsonFile(utf16(text, order as 'le' | 'be', bom));
          expect(decoded).toMatchObject({ ok: false, line: 1, column: 1 });
          const endian = order === 'le' ? 'little-endian' : 'big-endian';
          expect(decoded.ok ? '' : decoded.message).toContain(`the file is UTF-16 (${endian}`);
          expect(decodeJsonFile(utf32le(text))).toMatchObject({
            ok: false,
            message: expect.stringContaining('UTF-32'),
          });
        },
      ),
      RUNS,
    );
  });

  it('a UTF-8 byte order mark is dropped and the text is the same', () => {
    fc.assert(
      fc.property(validTableFile, (file) => {
        const text = JSON.stringify(file, null, 2);
        expect(decodeJsonFile(Buffer.from(`\uFEFF${text}`, 'utf8'))).toEqual({ ok: true, text });
        expect(decodeJsonFile(Buffer.from(text, 'utf8'))).toEqual({ ok: true, text });
      }),
      RUNS,
    );
  });

  it('any bytes: no crash; a finding points inside the file', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => {
        const decoded = decodeJsonFile(bytes);
        if (decoded.ok) return;
        const lines = Buffer.from(bytes).toString('utf8').split('\n');
        expect(decoded.line).toBeGreaterThanOrEqual(1);
        expect(decoded.line).toBeLessThanOrEqual(lines.length);
        expect(decoded.column).toBeGreaterThanOrEqual(1);
        expect(decoded.column).toBeLessThanOrEqual((lines[decoded.line - 1]?.length ?? 0) + 1);
      }),
      RUNS,
    );
  });
});
