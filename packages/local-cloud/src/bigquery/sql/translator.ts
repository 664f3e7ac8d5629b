// The GoogleSQL → engine SQL translation, token by token: literals re-encoded (GoogleSQL
// strings take escapes and double quotes; the engine's do not), parameters bound by name,
// table references resolved through the catalog (from-items.ts), functions and special
// forms rewritten (functions.ts, special-forms.ts), SELECT * kept clear of the hidden
// partition pseudo-columns, and top-level output columns named the BigQuery way.
import { sqlName, sqlText } from '../engine/column-types.js';
import { BigQueryApiError } from '../errors.js';
import type { StoredTable } from '../model.js';
import type { Store } from '../store.js';
import { readFromItem } from './from-items.js';
import { FUNCTION_REWRITES, NILADIC } from './functions.js';
import {
  closingIndex,
  isSymbol,
  isWord,
  positionOf,
  QUERY_CLAUSES,
  splitTopLevel,
  syntaxError,
  type Token,
  tokenize,
} from './lexer.js';
import type { QueryParams } from './params.js';
import { type OutputName, selectAliases } from './select-list.js';
import { specialForm } from './special-forms.js';
import { unsupported } from './type-names.js';

export interface TranslateOptions {
  store: Store;
  sql: string;
  /** The project running the job; `dataset.table` resolves there. */
  projectId: string;
  defaultDataset?: { projectId: string; datasetId: string } | undefined;
  params: QueryParams;
  now: Date;
  /** The job's location, when the request names one: datasets elsewhere are not found. */
  location?: string | undefined;
}

/** What a translation learned on its way, shared with the views it expands. */
export interface TranslationState {
  referenced: Map<string, StoredTable>;
  /** Lower-case aliases of ingestion-time table references (their `alias.*` hides columns). */
  hiddenAliases: Set<string>;
  /** Second pass: stars must leave _PARTITIONTIME/_PARTITIONDATE out. */
  hideColumns: boolean;
  namedUsed: Set<string>;
  positionalUsed: number;
  viewDepth: number;
}

/** Words the engine reserves but GoogleSQL does not: as identifiers they must be quoted. */
const ENGINE_ONLY_RESERVED = new Set(
  'ANALYSE ANALYZE ASYMMETRIC BOTH CHECK COLUMN CONSTRAINT DEFERRABLE DESCRIBE DO FOREIGN INITIALLY LAMBDA LEADING ONLY PLACING PRIMARY REFERENCES RETURNING SHOW SUMMARIZE SYMMETRIC TRAILING UNIQUE VARIADIC PIVOT_LONGER PIVOT_WIDER'.split(
    ' ',
  ),
);
const NO_PARAMS: QueryParams = { named: new Map(), positional: [] };
const HIDDEN = "'_partitiontime', '_partitiondate'";
const CLAUSE_END = new Set([...QUERY_CLAUSES, 'ON', 'USING', 'SELECT', 'SET', 'VALUES', 'WHEN']);

export function newState(): TranslationState {
  return {
    referenced: new Map(),
    hiddenAliases: new Set(),
    hideColumns: false,
    namedUsed: new Set(),
    positionalUsed: 0,
    viewDepth: 0,
  };
}

/** The engine's BLOB literal for GoogleSQL bytes. */
function bytesLiteral(value: string): string {
  const bytes = [...value].every((char) => char.charCodeAt(0) < 256)
    ? Buffer.from(value, 'latin1')
    : Buffer.from(value);
  const escaped = [...bytes].map((byte) =>
    byte >= 0x20 && byte < 0x7f && byte !== 0x27 && byte !== 0x5c
      ? String.fromCharCode(byte)
      : `\\x${byte.toString(16).padStart(2, '0')}`,
  );
  return `CAST('${escaped.join('')}' AS BLOB)`;
}

export class Translator {
  readonly aliases: Map<number, OutputName>;

  constructor(
    readonly tokens: Token[],
    readonly options: TranslateOptions,
    readonly state: TranslationState,
  ) {
    this.aliases = state.viewDepth === 0 ? selectAliases(tokens) : new Map();
  }

  /** A view's query, translated in the view's project, sharing this query's state. */
  viewText(sql: string, projectId: string): string {
    const tokens = tokenize(sql);
    const options = { ...this.options, sql, projectId, defaultDataset: undefined, params: NO_PARAMS };
    const nested = new Translator(tokens, options, { ...this.state, viewDepth: this.state.viewDepth + 1 });
    return nested.emit(0, tokens.length);
  }

  error(index: number, detail: string): BigQueryApiError {
    return syntaxError(this.options.sql, this.tokens[index]?.start ?? this.options.sql.length, detail);
  }

  /** Translates tokens[from, to). */
  emit(from: number, to: number): string {
    let out = '';
    let expectTable = false;
    let inFrom = false;
    for (let index = from; index < to; ) {
      const token = this.tokens[index] as Token;
      const space = token.spaceBefore && out !== '' ? ' ' : '';
      if (expectTable && !isWord(token, 'LATERAL')) {
        const item = readFromItem(this, index, to);
        out += space + item.text;
        index = item.next;
        expectTable = false;
        continue;
      }
      if (isWord(token, 'FROM', 'JOIN')) {
        expectTable = true;
        inFrom = true;
      } else if (token.kind === 'word' && CLAUSE_END.has(token.value)) {
        inFrom = false;
      } else if (inFrom && isSymbol(token, ',')) {
        expectTable = true;
      }
      const renamed = this.aliases.get(index);
      if (renamed && renamed.how !== 'append') {
        out += `${space}${renamed.how === 'alias' ? 'AS ' : ''}${sqlName(renamed.name)}`;
        index += 1;
        continue;
      }
      const { text, next } = this.step(index, to);
      out += space + text;
      const alias = this.aliases.get(next - 1);
      if (alias?.how === 'append' && next - 1 < to) out += ` AS ${sqlName(alias.name)}`;
      index = next;
    }
    return out;
  }

  /** One construct starting at `index`: its engine text and the index after it. */
  private step(index: number, to: number): { text: string; next: number } {
    const token = this.tokens[index] as Token;
    switch (token.kind) {
      case 'string':
        return { text: sqlText(token.value), next: index + 1 };
      case 'bytes':
        return { text: bytesLiteral(token.value), next: index + 1 };
      case 'param':
        return { text: this.namedParam(token), next: index + 1 };
      case 'positional':
        return { text: this.positionalParam(token), next: index + 1 };
      case 'sysvar':
        throw unsupported(`system variables (@@${token.value})`);
      case 'quoted':
        this.refuseRoutineCall(index);
        return { text: token.value.split('.').map(sqlName).join('.'), next: index + 1 };
      case 'symbol':
        return this.symbol(index, to);
      default:
        return this.word(index, to);
    }
  }

  private symbol(index: number, to: number): { text: string; next: number } {
    const token = this.tokens[index] as Token;
    if (isSymbol(token, '*') && this.isSelectStar(index)) return this.star(index, to);
    if (isSymbol(token, '(', '[')) {
      const special = specialForm(this, index);
      if (special) return special;
      const close = closingIndex(this.tokens, index);
      if (close < 0 || close >= to) throw this.error(index, `Unclosed "${token.value}"`);
      return {
        text: `${token.value}${this.emit(index + 1, close)}${this.tokens[close]?.value}`,
        next: close + 1,
      };
    }
    if (isSymbol(token, ';')) {
      const rest = this.tokens.slice(index + 1, to).filter((next) => !isSymbol(next, ';'));
      if (rest.length > 0) throw unsupported('multi-statement queries (scripts); send one statement per job');
      return { text: '', next: to };
    }
    return { text: token.value, next: index + 1 };
  }

  private word(index: number, to: number): { text: string; next: number } {
    const token = this.tokens[index] as Token;
    const special = specialForm(this, index);
    if (special) return special;
    const rewrite = FUNCTION_REWRITES[token.value];
    if (rewrite && isSymbol(this.tokens[index + 1], '(')) return this.call(index, to, rewrite);
    if (NILADIC.has(token.value) && !isSymbol(this.tokens[index + 1], '(')) {
      return {
        text: FUNCTION_REWRITES[token.value]?.([], { raw: [], now: this.options.now }) ?? token.text,
        next: index + 1,
      };
    }
    if (isWord(token, 'UNION', 'INTERSECT', 'EXCEPT')) return this.setOperation(index);
    if (isWord(token, 'SAFE') && isSymbol(this.tokens[index + 1], '.'))
      throw unsupported('SAFE.-prefixed function calls');
    this.refuseRoutineCall(index);
    if (ENGINE_ONLY_RESERVED.has(token.value) && !isSymbol(this.tokens[index + 1], '(')) {
      return { text: sqlName(token.text), next: index + 1 };
    }
    return { text: token.text, next: index + 1 };
  }

  /** `dataset.fn(…)` (or `project.dataset.fn(…)`) calls a stored routine, which the engine cannot run. */
  private refuseRoutineCall(index: number): void {
    const parts: string[] = [];
    let at = index;
    while (this.tokens[at]?.kind === 'word' || this.tokens[at]?.kind === 'quoted') {
      parts.push(
        ...(this.tokens[at]?.kind === 'quoted'
          ? (this.tokens[at]?.value ?? '').split('.')
          : [this.tokens[at]?.text ?? '']),
      );
      if (!isSymbol(this.tokens[at + 1], '.')) break;
      at += 2;
    }
    if (parts.length < 2 || !isSymbol(this.tokens[at + 1], '(')) return;
    const [projectId, datasetId] = parts.length === 3 ? parts : [this.options.projectId, parts[0]];
    const { store } = this.options;
    if (store.hasDataset(projectId ?? '', datasetId ?? '')) {
      throw unsupported(
        `calling routines (${parts.join('.')}): the local cloud keeps routines but does not run them`,
      );
    }
  }

  private call(index: number, to: number, rewrite: (typeof FUNCTION_REWRITES)[string]) {
    const open = index + 1;
    const close = closingIndex(this.tokens, open);
    if (close < 0 || close >= to) throw this.error(open, 'Unclosed "("');
    const parts = close > open + 1 ? splitTopLevel(this.tokens, open + 1, close) : [];
    const args = parts.map(([from, end]) => this.emit(from, end).trim());
    const raw = parts.map(([from, end]) => this.tokens.slice(from, end));
    return { text: rewrite(args, { raw, now: this.options.now }), next: close + 1 };
  }

  private setOperation(index: number): { text: string; next: number } {
    const token = this.tokens[index] as Token;
    const quantifier = this.tokens[index + 1];
    if (isWord(quantifier, 'DISTINCT')) return { text: token.value, next: index + 2 };
    if (isWord(quantifier, 'ALL') && token.value === 'UNION') return { text: 'UNION ALL', next: index + 2 };
    if (isWord(quantifier, 'ALL'))
      throw unsupported(`${token.value} ALL (GoogleSQL has ${token.value} DISTINCT only)`);
    throw this.error(
      index + 1,
      `Expected keyword ALL or keyword DISTINCT but got "${quantifier?.text ?? 'end of input'}"`,
    );
  }

  private isSelectStar(index: number): boolean {
    const before = this.tokens[index - 1];
    return isWord(before, 'SELECT', 'DISTINCT', 'ALL') || isSymbol(before, ',', '.');
  }

  /** `*`, `t.*`, `* EXCEPT (…)`, `* REPLACE (…)`, hiding the partition pseudo-columns. */
  private star(index: number, to: number): { text: string; next: number } {
    const qualifier = isSymbol(this.tokens[index - 1], '.') ? this.tokens[index - 2] : undefined;
    const hides =
      this.state.hideColumns && (!qualifier || this.state.hiddenAliases.has(qualifier.value.toLowerCase()));
    let next = index + 1;
    let excluded: string[] = [];
    if (isWord(this.tokens[next], 'EXCEPT') && isSymbol(this.tokens[next + 1], '(')) {
      const close = closingIndex(this.tokens, next + 1);
      excluded = this.tokens
        .slice(next + 2, close)
        .filter((token) => !isSymbol(token, ','))
        .map((token) => token.value.toLowerCase());
      next = close + 1;
    }
    if (isWord(this.tokens[next], 'REPLACE') && hides)
      throw unsupported('SELECT * REPLACE over an ingestion-time partitioned table');
    if (!hides) {
      const list = excluded.map(sqlName).join(', ');
      return { text: excluded.length ? `* EXCLUDE (${list})` : '*', next };
    }
    if (qualifier) {
      const names = ['_PARTITIONTIME', '_PARTITIONDATE', ...excluded].map(sqlName).join(', ');
      return { text: `* EXCLUDE (${names})`, next };
    }
    const others = excluded.map((name) => `, ${sqlText(name)}`).join('');
    return { text: `COLUMNS(lambda c: lower(c) NOT IN (${HIDDEN}${others}))`, next: Math.min(next, to) };
  }

  private namedParam(token: Token): string {
    const name = token.value.toLowerCase();
    if (!this.options.params.named.has(name)) {
      throw new BigQueryApiError(
        'invalidQuery',
        `Query parameter '${token.value}' not found at ${positionOf(this.options.sql, token.start)}`,
      );
    }
    this.state.namedUsed.add(name);
    return `$n_${name}`;
  }

  private positionalParam(token: Token): string {
    this.state.positionalUsed += 1;
    const position = this.state.positionalUsed;
    if (position > this.options.params.positional.length) {
      throw new BigQueryApiError(
        'invalidQuery',
        `Query parameter #${position} not found at ${positionOf(this.options.sql, token.start)}`,
      );
    }
    return `$q_${position}`;
  }
}
