// Entry point of the GoogleSQL translation: classifies the statement (a query, or DML:
// INSERT, UPDATE, DELETE, MERGE, TRUNCATE TABLE), resolves a DML target to its engine
// table, and runs the translator — twice when an ingestion-time table is read, so every
// `SELECT *` can leave its hidden _PARTITIONTIME/_PARTITIONDATE out. Anything else
// (scripts, DDL other than views, procedural statements) is refused by name.
import { sqlName } from '../engine/column-types.js';
import { BigQueryApiError } from '../errors.js';
import { isIngestionTime, type StoredTable } from '../model.js';
import { readFromItem, targetTable } from './from-items.js';
import { isSymbol, isWord, type Token, tokenize, topLevelWord } from './lexer.js';
import { newState, type TranslateOptions, type TranslationState, Translator } from './translator.js';
import { unsupported } from './type-names.js';

export type StatementType = 'SELECT' | 'INSERT' | 'UPDATE' | 'DELETE' | 'MERGE' | 'TRUNCATE_TABLE';

export interface Translation {
  sql: string;
  statementType: StatementType;
  /** Engine tables the statement reads or writes. */
  referenced: StoredTable[];
  /** The table a DML statement changes. */
  target?: StoredTable | undefined;
  /** Engine parameter names the SQL uses (`n_name`, `q_1`). */
  parameters: string[];
}

const DML = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE']);

function insertSql(translator: Translator, start: number): { sql: string; table: StoredTable } {
  const { tokens } = translator;
  const { table, next } = targetTable(translator, start);
  const explicitColumns = isSymbol(tokens[next], '(') && !isWord(tokens[next + 1], 'SELECT', 'WITH');
  const columns = explicitColumns ? '' : ` (${table.schema.map((field) => sqlName(field.name)).join(', ')})`;
  return {
    sql: `INSERT INTO ${sqlName(table.storage)}${columns} ${translator.emit(next, tokens.length)}`,
    table,
  };
}

function changeSql(translator: Translator, verb: string, start: number): { sql: string; table: StoredTable } {
  const { tokens } = translator;
  if ((verb === 'UPDATE' || verb === 'DELETE') && topLevelWord(tokens, start, tokens.length, 'WHERE') < 0) {
    throw new BigQueryApiError('invalidQuery', `${verb} must have a WHERE clause`);
  }
  const { table, alias, next } = targetTable(translator, start);
  const head = { UPDATE: 'UPDATE', DELETE: 'DELETE FROM', MERGE: 'MERGE INTO' }[verb] ?? verb;
  if (verb !== 'MERGE')
    return {
      sql: `${head} ${sqlName(table.storage)} AS ${alias} ${translator.emit(next, tokens.length)}`,
      table,
    };
  if (!isWord(tokens[next], 'USING')) throw translator.error(next, 'Expected keyword USING');
  const source = readFromItem(translator, next + 1, tokens.length);
  return {
    sql: `MERGE INTO ${sqlName(table.storage)} AS ${alias} USING ${source.text} ${translator.emit(source.next, tokens.length)}`,
    table,
  };
}

function dmlSql(translator: Translator): { sql: string; statementType: StatementType; table: StoredTable } {
  const { tokens } = translator;
  const verb = tokens[0]?.value ?? '';
  const skip = (word: string) => (isWord(tokens[1], word) ? 2 : 1);
  if (verb === 'INSERT') return { ...insertSql(translator, skip('INTO')), statementType: 'INSERT' };
  if (verb === 'TRUNCATE') {
    if (!isWord(tokens[1], 'TABLE')) throw translator.error(1, 'Expected keyword TABLE');
    const { table } = targetTable(translator, 2);
    return { sql: `DELETE FROM ${sqlName(table.storage)}`, statementType: 'TRUNCATE_TABLE', table };
  }
  const start = verb === 'DELETE' ? skip('FROM') : verb === 'MERGE' ? skip('INTO') : 1;
  return { ...changeSql(translator, verb, start), statementType: verb as StatementType };
}

function run(tokens: Token[], options: TranslateOptions, state: TranslationState): Translation {
  const translator = new Translator(tokens, options, state);
  const first = tokens[0];
  let sql: string;
  let statementType: StatementType = 'SELECT';
  let table: StoredTable | undefined;
  if (isWord(first, 'SELECT', 'WITH') || isSymbol(first, '(')) {
    sql = translator.emit(0, tokens.length);
  } else if (first?.kind === 'word' && DML.has(first.value)) {
    ({ sql, statementType, table } = dmlSql(translator));
  } else {
    throw unsupported(
      `${first?.text.toUpperCase() ?? 'empty'} statements (it runs queries and DML; views are created with tables.insert or CREATE VIEW)`,
    );
  }
  const parameters = [...state.namedUsed].map((name) => `n_${name}`);
  for (let position = 1; position <= state.positionalUsed; position += 1) parameters.push(`q_${position}`);
  return { sql, statementType, referenced: [...state.referenced.values()], target: table, parameters };
}

export function translate(options: TranslateOptions): Translation {
  const tokens = tokenize(options.sql);
  if (tokens.length === 0)
    throw new BigQueryApiError('invalidQuery', 'Syntax error: Unexpected end of script at [1:1]');
  const firstState = newState();
  const first = run(tokens, options, firstState);
  if (!first.referenced.some(isIngestionTime)) return first;
  return run(tokens, options, { ...newState(), hideColumns: true, hiddenAliases: firstState.hiddenAliases });
}
