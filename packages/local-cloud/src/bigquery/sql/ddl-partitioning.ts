// A DDL `PARTITION BY` expression → the table's timePartitioning or rangePartitioning:
// `col`, `DATE(col)`, `_PARTITIONDATE`, `DATE(_PARTITIONTIME)`, `TIMESTAMP_TRUNC(col,
// HOUR|DAY|MONTH|YEAR)` (and DATE_/DATETIME_TRUNC), and `RANGE_BUCKET(col,
// GENERATE_ARRAY(start, end, interval))`.
import { isSymbol, isWord, type Token } from './lexer.js';
import { unsupported } from './type-names.js';

const INGESTION = ['_PARTITIONTIME', '_PARTITIONDATE'];

function column(token: Token | undefined): string | undefined {
  if (!token) return undefined;
  const name = token.kind === 'quoted' ? token.value : token.text;
  return INGESTION.includes(name.toUpperCase()) ? undefined : name;
}

function timePartitioning(type: string, token: Token | undefined, expirationMs: number | undefined) {
  const field = column(token);
  return {
    timePartitioning: {
      type,
      ...(field ? { field } : {}),
      ...(expirationMs ? { expirationMs: String(expirationMs) } : {}),
    },
  };
}

export function ddlPartitioning(
  tokens: Token[] | undefined,
  expirationMs: number | undefined,
): Record<string, unknown> {
  if (!tokens || tokens.length === 0) return {};
  const [first, second, third] = tokens;
  const text = tokens.map((token) => token.text).join(' ');
  if (tokens.length === 1) return timePartitioning('DAY', first, expirationMs);
  if (isWord(first, 'DATE') && isSymbol(second, '(') && tokens.length === 4)
    return timePartitioning('DAY', third, expirationMs);
  if (isWord(first, 'TIMESTAMP_TRUNC', 'DATETIME_TRUNC', 'DATE_TRUNC') && isSymbol(second, '(')) {
    const unit = tokens[4]?.value ?? '';
    if (!['HOUR', 'DAY', 'MONTH', 'YEAR'].includes(unit)) throw unsupported(`PARTITION BY ${text}`);
    return timePartitioning(unit, third, expirationMs);
  }
  if (isWord(first, 'RANGE_BUCKET')) {
    const numbers: string[] = [];
    tokens.forEach((token, index) => {
      if (token.kind === 'number')
        numbers.push(`${isSymbol(tokens[index - 1], '-') ? '-' : ''}${token.value}`);
    });
    if (numbers.length !== 3) throw unsupported(`PARTITION BY ${text}`);
    const [start, end, interval] = numbers;
    return { rangePartitioning: { field: column(third), range: { start, end, interval } } };
  }
  throw unsupported(`PARTITION BY ${text}`);
}
