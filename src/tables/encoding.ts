// The bytes of a JSON file (a table file, pipeline.json) turned into text, or one finding
// that names the encoding. An editor that saved UTF-16 would otherwise give a hundred
// "invalid character" findings, one per NUL byte, and none of them says what to do.
import { isUtf8 } from 'node:buffer';

export type DecodedFile =
  | { ok: true; text: string }
  | { ok: false; line: number; column: number; message: string };

const RESAVE = 'save it as UTF-8 (in most editors: "Save with encoding" → UTF-8)';

/** UTF-8 text (a leading UTF-8 BOM is dropped, as JSON readers may), or what is wrong. */
export function decodeJsonFile(bytes: Uint8Array): DecodedFile {
  const named = foreignEncoding(bytes);
  if (named) {
    return {
      ok: false,
      line: 1,
      column: 1,
      message: `the file is ${named}; a JSON file must be UTF-8: ${RESAVE}`,
    };
  }
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (!isUtf8(buffer)) {
    const text = buffer.toString('utf8');
    const at = text.indexOf('\uFFFD');
    const before = text.slice(0, Math.max(0, at));
    const line = before.split('\n').length;
    const column = before.length - before.lastIndexOf('\n');
    return {
      ok: false,
      line,
      column,
      message: `the file is not valid UTF-8 here (an accented letter saved as Latin-1 or Windows-1252?): ${RESAVE}`,
    };
  }
  return { ok: true, text: buffer.toString('utf8').replace(/^\uFEFF/, '') };
}

/** UTF-16 or UTF-32, by byte order mark or by the NUL bytes ASCII text has in them. */
function foreignEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0)
    return 'UTF-32 (little-endian, with a byte order mark)';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)
    return 'UTF-32 (big-endian, with a byte order mark)';
  if (b0 === 0xff && b1 === 0xfe) return 'UTF-16 (little-endian, with a byte order mark)';
  if (b0 === 0xfe && b1 === 0xff) return 'UTF-16 (big-endian, with a byte order mark)';
  // Without a mark, JSON's first characters are ASCII ("{", spaces), which UTF-16 pairs
  // with a NUL byte: "{\0" little-endian, "\0{" big-endian.
  if (bytes.length >= 4 && b0 !== 0 && b1 === 0 && b2 !== 0 && b3 === 0) return 'UTF-16 (little-endian)';
  if (bytes.length >= 4 && b0 === 0 && b1 !== 0 && b2 === 0 && b3 !== 0) return 'UTF-16 (big-endian)';
  return undefined;
}
