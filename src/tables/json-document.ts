// Strict JSON with positions: parses a table file into a tree that remembers where every
// key and value sits, so each error can point at the exact line and column. Comments,
// trailing commas and duplicate keys are rejected (JSON.parse would let a later duplicate
// silently win and lose the earlier value).
import {
  findNodeAtLocation,
  getNodeValue,
  type Node,
  type ParseError,
  parseTree,
  printParseErrorCode,
} from 'jsonc-parser';

export type JsonPath = (string | number)[];

export interface Position {
  line: number;
  column: number;
}

export interface PositionedMessage extends Position {
  message: string;
}

export interface JsonDocument {
  text: string;
  root: Node | undefined;
  /** The parsed value; undefined when the text is not valid JSON. */
  value: unknown;
  /** Syntax errors and duplicate keys, in text order. */
  errors: PositionedMessage[];
  positionOf(offset: number): Position;
}

const PARSE_ERROR_TEXT: Record<string, string> = {
  InvalidSymbol: 'invalid character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a quoted key (trailing commas are not allowed in JSON)',
  ValueExpected: 'expected a value (trailing commas are not allowed in JSON)',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected ","',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file after the top-level value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string (control characters must be escaped)',
};

/** Deepest nesting of arrays and objects accepted; a table file's deepest is a nested schema. */
const MAX_NESTING = 64;

/** Offset of the first `[` or `{` (outside strings) that opens level `max + 1`, if any. */
function offsetBeyondDepth(text: string, max: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth = Math.max(0, depth - 1);
  }
  return undefined;
}

export function parseJsonDocument(text: string): JsonDocument {
  // Positions are needed only for findings: index the lines on first use.
  let lineStarts: number[] | undefined;
  const positionOf = (offset: number): Position => {
    lineStarts ??= computeLineStarts(text);
    // Binary search for the last line starting at or before offset.
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((lineStarts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (lineStarts[lo] ?? 0) + 1 };
  };

  // The parser recurses once per level: refuse absurd nesting before it overflows the stack.
  const tooDeep = offsetBeyondDepth(text, MAX_NESTING);
  if (tooDeep !== undefined) {
    const message = `nested deeper than ${MAX_NESTING} levels: a table file needs only a few (is this a table file?)`;
    return {
      text,
      root: undefined,
      value: undefined,
      errors: [{ ...positionOf(tooDeep), message }],
      positionOf,
    };
  }

  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  // The parser recovers and may report one mistake several times at one offset: keep the first.
  const errors: PositionedMessage[] = parseErrors
    .filter((e, i) => parseErrors.findIndex((o) => o.offset === e.offset) === i)
    .map((e) => {
      const code = printParseErrorCode(e.error);
      return { ...positionOf(e.offset), message: `invalid JSON: ${PARSE_ERROR_TEXT[code] ?? code}` };
    });
  if (text.trim() === '')
    errors.push({ line: 1, column: 1, message: 'the file is empty: a table file is a JSON object' });
  if (root) {
    for (const node of findDuplicateKeys(root)) {
      const key = String(node.value);
      const first = positionOf(node.offset);
      errors.push({
        ...first,
        message: `duplicate key "${key}": JSON keeps only the last one, so remove or merge the others`,
      });
    }
  }
  errors.sort((a, b) => a.line - b.line || a.column - b.column);
  const value = root && parseErrors.length === 0 ? getNodeValue(root) : undefined;
  return { text, root, value, errors, positionOf };
}

/** The key node of every repeated property after its first occurrence. */
function findDuplicateKeys(root: Node): Node[] {
  const found: Node[] = [];
  const visit = (node: Node): void => {
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const property of node.children ?? []) {
        const keyNode = property.children?.[0];
        if (!keyNode) continue;
        const key = String(keyNode.value);
        if (seen.has(key)) found.push(keyNode);
        seen.add(key);
      }
    }
    for (const child of node.children ?? []) visit(child);
  };
  visit(root);
  return found;
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) starts.push(i + 1);
    else if (ch === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return starts;
}

/**
 * Where to point for a finding at `path`: the value when it exists, otherwise the nearest
 * existing ancestor (a missing key is reported at its parent object).
 */
export function locate(doc: JsonDocument, path: JsonPath, target: 'value' | 'key' = 'value'): Position {
  if (!doc.root) return { line: 1, column: 1 };
  for (let depth = path.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(doc.root, path.slice(0, depth));
    if (!node) continue;
    if (target === 'key' && depth === path.length && node.parent?.type === 'property') {
      const keyNode = node.parent.children?.[0];
      if (keyNode) return doc.positionOf(keyNode.offset);
    }
    return doc.positionOf(node.offset);
  }
  return doc.positionOf(doc.root.offset);
}

/** The key node of `key` inside the object at `objectPath` (for unknown-key errors). */
export function locateKey(doc: JsonDocument, objectPath: JsonPath, key: string): Position {
  if (!doc.root) return { line: 1, column: 1 };
  const object = findNodeAtLocation(doc.root, objectPath);
  const property = object?.children?.find((p) => p.children?.[0]?.value === key);
  const keyNode = property?.children?.[0];
  return keyNode ? doc.positionOf(keyNode.offset) : locate(doc, objectPath);
}
