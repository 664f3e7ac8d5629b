// The syntax tree of a Cloud Logging query, as the peggy grammar (filter-grammar.ts) builds
// it. Every node keeps where it starts in the filter text, so that a semantic error (an
// unknown field, a bad timestamp) can point at the exact place, as a syntax error does.

export interface SourcePosition {
  offset: number;
  line: number;
  column: number;
}

export type Comparator = '=' | '!=' | '<' | '<=' | '>' | '>=' | ':' | '=~' | '!~';

/** A literal on the right of a comparator, or a bare value (a global restriction). */
export interface Literal {
  type: 'literal';
  /** The value as written, escapes undecoded; dotted unquoted text (`1.5`, `a.b`) joined with '.'. */
  raw: string;
  /** Written in double quotes: never a keyword, never `*`, never NULL_VALUE. */
  quoted: boolean;
  at: SourcePosition;
}

/** A field path such as `resource.labels.config_id` or `labels."a.b/c"`. */
export interface FieldPath {
  type: 'field';
  /** Each segment as written, escapes undecoded. */
  segments: string[];
  quoted: boolean[];
  /** Where each segment starts, to point at the one that is wrong. */
  positions: SourcePosition[];
  at: SourcePosition;
}

export interface FunctionCall {
  type: 'function';
  name: string;
  args: (Literal | FieldPath)[];
  at: SourcePosition;
}

/** The right side of a comparison: one literal, or values joined by AND / OR / NOT. */
export type ValueExpression =
  | Literal
  | { type: 'valueAnd' | 'valueOr'; items: ValueExpression[]; at: SourcePosition }
  | { type: 'valueNot'; item: ValueExpression; at: SourcePosition };

export interface Comparison {
  type: 'comparison';
  field: FieldPath;
  comparator: Comparator;
  value: ValueExpression;
  at: SourcePosition;
}

/** A bare value: matched with `:` against every field of the entry. */
interface GlobalRestriction {
  type: 'global';
  value: Literal;
  at: SourcePosition;
}

export type FilterExpression =
  | Comparison
  | GlobalRestriction
  | FunctionCall
  | { type: 'and' | 'or'; items: FilterExpression[]; at: SourcePosition }
  | { type: 'not'; item: FilterExpression; at: SourcePosition };
