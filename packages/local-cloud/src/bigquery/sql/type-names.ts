// GoogleSQL type names (in CAST, SAFE_CAST and typed literals) → the engine's: INT64 →
// BIGINT, FLOAT64 → DOUBLE, NUMERIC → DECIMAL(38,9), TIMESTAMP (an instant) →
// TIMESTAMPTZ, DATETIME (civil) → TIMESTAMP, ARRAY<T> → T[], STRUCT<a T> → STRUCT(a T).
import { BigQueryApiError } from '../errors.js';
import { isSymbol, type Token } from './lexer.js';

const SIMPLE: Record<string, string> = {
  INT64: 'BIGINT',
  INT: 'BIGINT',
  INTEGER: 'BIGINT',
  SMALLINT: 'BIGINT',
  BIGINT: 'BIGINT',
  TINYINT: 'BIGINT',
  BYTEINT: 'BIGINT',
  FLOAT64: 'DOUBLE',
  FLOAT: 'DOUBLE',
  NUMERIC: 'DECIMAL(38,9)',
  DECIMAL: 'DECIMAL(38,9)',
  // BIGNUMERIC has 76 digits; the engine's widest exact decimal has 38.
  BIGNUMERIC: 'DECIMAL(38,18)',
  BIGDECIMAL: 'DECIMAL(38,18)',
  STRING: 'VARCHAR',
  BYTES: 'BLOB',
  BOOL: 'BOOLEAN',
  BOOLEAN: 'BOOLEAN',
  DATE: 'DATE',
  DATETIME: 'TIMESTAMP',
  TIME: 'TIME',
  TIMESTAMP: 'TIMESTAMPTZ',
  JSON: 'JSON',
  GEOGRAPHY: 'VARCHAR',
  INTERVAL: 'INTERVAL',
};

export function unsupported(what: string): BigQueryApiError {
  return new BigQueryApiError('invalidQuery', `The local cloud does not support ${what}.`);
}

/** Translates the type in tokens[from, to); returns the engine type text. */
export function translateType(tokens: Token[], from: number, to: number): string {
  const parser = new TypeParser(tokens, from, to);
  const type = parser.type();
  if (parser.at < to) throw unsupported(`the type syntax near "${tokens[parser.at]?.text}"`);
  return type;
}

class TypeParser {
  private halfClosed = false;

  constructor(
    private readonly tokens: Token[],
    public at: number,
    private readonly end: number,
  ) {}

  private take(): Token {
    const token = this.tokens[this.at];
    if (!token || this.at >= this.end) throw unsupported('an incomplete type name');
    this.at += 1;
    return token;
  }

  private expect(symbol: string): void {
    const token = this.take();
    if (!isSymbol(token, symbol)) throw unsupported(`the type syntax near "${token.text}"`);
  }

  type(): string {
    const name = this.take().value.toUpperCase();
    if (name === 'ARRAY') {
      this.expect('<');
      const element = this.type();
      this.closeAngle();
      return `${element}[]`;
    }
    if (name === 'STRUCT') return this.struct();
    if (name === 'RANGE') throw unsupported('RANGE values');
    const simple = SIMPLE[name];
    if (!simple) throw unsupported(`the type ${name}`);
    if ((name === 'NUMERIC' || name === 'DECIMAL') && isSymbol(this.tokens[this.at], '(')) {
      return this.parameterizedDecimal();
    }
    if (isSymbol(this.tokens[this.at], '(')) this.skipParameters();
    return simple;
  }

  /** `>>` closes two nested types at once: the first close leaves it half used. */
  private closeAngle(): void {
    const token = this.tokens[this.at];
    if (isSymbol(token, '>>')) {
      if (this.halfClosed) this.at += 1;
      this.halfClosed = !this.halfClosed;
      return;
    }
    this.expect('>');
  }

  private struct(): string {
    this.expect('<');
    const members: string[] = [];
    for (;;) {
      const name = this.take();
      members.push(`"${name.value.replace(/"/g, '""')}" ${this.type()}`);
      if (isSymbol(this.tokens[this.at], ',')) {
        this.at += 1;
        continue;
      }
      this.closeAngle();
      return `STRUCT(${members.join(', ')})`;
    }
  }

  private parameterizedDecimal(): string {
    this.expect('(');
    const precision = Number(this.take().value);
    let scale = 0;
    if (isSymbol(this.tokens[this.at], ',')) {
      this.at += 1;
      scale = Number(this.take().value);
    }
    this.expect(')');
    if (!(precision <= 38 && scale <= precision)) return 'DECIMAL(38,9)';
    return `DECIMAL(${precision},${scale})`;
  }

  /** STRING(10), BYTES(5): the engine does not bound lengths. */
  private skipParameters(): void {
    while (this.at < this.end && !isSymbol(this.tokens[this.at], ')')) this.at += 1;
    this.at += 1;
  }
}
