// Cloud Logging's query language as a peggy grammar: the structure of Google's filtering
// specification (AIP-160) with the operators the Logging query language reference
// documents. Precedence, loosest first, is Logging's own: AND, then juxtaposition (also
// an AND), then OR, then NOT / `-`; so `a OR NOT b AND NOT c OR d` reads
// `(a OR (NOT b)) AND ((NOT c) OR d)`. AND, OR and NOT are keywords only in capitals;
// lowercase `and` is a search term, as in the real service. Strings and unquoted text are
// kept raw, escapes and all: filter-escapes.ts decodes them, except for the patterns of
// `=~` / `!~`, which RE2 reads with their backslashes. Unquoted text may not hold
// whitespace, quotes, parentheses, `:`, `=`, `<`, `>`, `!`, `~`, `,` or `.`; anything else
// must be double-quoted (a timestamp such as "2026-01-01T00:00:00Z" included).
//
// The parser is precompiled into filter-parser.generated.js, so that starting the local
// cloud never pays for peggy (importing it and generating take ~150 ms; loading the
// generated module, a few). test/logging-grammar.test.ts fails when the two drift apart
// and rewrites the generated file when run with `-u`.
import peggy from 'peggy';

const FILTER_GRAMMAR = String.raw`
{{
  function at(loc) {
    return { offset: loc.start.offset, line: loc.start.line, column: loc.start.column };
  }
  function joined(type, items, loc) {
    return items.length === 1 ? items[0] : { type, items, at: at(loc) };
  }
  function literalOf(segments, loc) {
    const quoted = segments.length === 1 && segments[0].quoted;
    return { type: 'literal', raw: segments.map((s) => s.raw).join('.'), quoted, at: at(loc) };
  }
  function fieldOf(segments) {
    return { type: 'field', segments: segments.map((s) => s.raw), quoted: segments.map((s) => s.quoted), positions: segments.map((s) => s.at), at: segments[0].at };
  }
}}

Filter
  = _ expression:Expression? _ { return expression ?? null; }

Expression
  = head:Sequence tail:(_ AND _ @Sequence)* { return joined('and', [head, ...tail], location()); }

Sequence
  = head:Factor tail:(WS !(AND / OR) @Factor)* { return joined('and', [head, ...tail], location()); }

Factor
  = head:Term tail:(_ OR _ @Term)* { return joined('or', [head, ...tail], location()); }

Term
  = NOT _ item:Simple { return { type: 'not', item, at: at(location()) }; }
  / "-" item:Simple { return { type: 'not', item, at: at(location()) }; }
  / Simple

Simple
  = "(" _ @Expression _ ")"
  / Restriction

Restriction
  = field:Member _ comparator:Comparator _ value:Argument {
      return { type: 'comparison', field: fieldOf(field), comparator, value, at: at(location()) };
    }
  / FunctionCall
  / value:Member { return { type: 'global', value: literalOf(value, location()), at: at(location()) }; }

Comparator "a comparison operator (=, !=, <, <=, >, >=, :, =~, !~)"
  = "<=" / ">=" / "!=" / "=~" / "!~" / "<" / ">" / "=" / ":"

Argument
  = "(" _ @ValueExpression _ ")"
  / ArgumentValue

ArgumentValue "a value"
  = "-" value:Member { const literal = literalOf(value, location()); return { ...literal, raw: '-' + literal.raw, quoted: false }; }
  / value:Member { return literalOf(value, location()); }

ValueExpression
  = head:ValueSequence tail:(_ AND _ @ValueSequence)* { return joined('valueAnd', [head, ...tail], location()); }

ValueSequence
  = head:ValueFactor tail:(WS !(AND / OR) @ValueFactor)* { return joined('valueAnd', [head, ...tail], location()); }

ValueFactor
  = head:ValueTerm tail:(_ OR _ @ValueTerm)* { return joined('valueOr', [head, ...tail], location()); }

ValueTerm
  = NOT _ item:ValueSimple { return { type: 'valueNot', item, at: at(location()) }; }
  / ValueSimple

ValueSimple
  = "(" _ @ValueExpression _ ")"
  / ArgumentValue

FunctionCall
  = name:$(Identifier ("." Identifier)*) "(" _ args:FunctionArguments? _ ")" {
      return { type: 'function', name, args: args ?? [], at: at(location()) };
    }

FunctionArguments
  = head:FunctionArgument tail:(_ "," _ @FunctionArgument)* { return [head, ...tail]; }

FunctionArgument
  = raw:String { return { type: 'literal', raw, quoted: true, at: at(location()) }; }
  / raw:$("-"? [0-9]+ ("." [0-9]+)? ([eE] [+-]? [0-9]+)?) !TextChar { return { type: 'literal', raw, quoted: false, at: at(location()) }; }
  / field:Member { return fieldOf(field); }

Member
  = head:Segment tail:("." @FieldSegment)* { return [head, ...tail]; }

Segment
  = raw:String { return { raw, quoted: true, at: at(location()) }; }
  / raw:Text { return { raw, quoted: false, at: at(location()) }; }

FieldSegment
  = Segment
  / raw:$("AND" / "OR" / "NOT") { return { raw, quoted: false, at: at(location()) }; }

Identifier
  = !Keyword $([A-Za-z_] [A-Za-z0-9_]*)

Keyword
  = AND / OR / NOT

AND = "AND" !TextChar
OR = "OR" !TextChar
NOT = "NOT" !TextChar

Text "a value or field name"
  = !Keyword @$(TextStart TextMiddle*)

TextStart
  = "\\" .
  / [A-Za-z0-9_*@/$%&'?#;\[\]^\u0060{|}\u00A1-\uFFFF]

TextMiddle
  = TextStart
  / [+\-]

TextChar
  = [A-Za-z0-9_*@/$%&'?#;\[\]^\u0060{|}\u00A1-\uFFFF+\-\\]

String "a double-quoted string"
  = '"' @$StringChar* '"'
  / '"' StringChar* !. { error('Unterminated string: the closing double quote is missing.'); }

StringChar
  = "\\" .
  / [^"\\]

WS "whitespace"
  = [ \t\r\n\f\u00A0]+

_
  = [ \t\r\n\f\u00A0]*
`;

const GENERATED_HEADER = `// biome-ignore-all lint: generated by peggy from filter-grammar.ts
// biome-ignore-all format: generated by peggy from filter-grammar.ts
// biome-ignore-all assist: generated by peggy from filter-grammar.ts
// Do not edit: change filter-grammar.ts, then run
// \`npx vitest run test/logging-grammar.test.ts -u\` in packages/local-cloud.
`;

/** The ES module source of the filter parser, as committed in filter-parser.generated.js. */
export function generateFilterParserSource(): string {
  return GENERATED_HEADER + peggy.generate(FILTER_GRAMMAR, { output: 'source', format: 'es' });
}
