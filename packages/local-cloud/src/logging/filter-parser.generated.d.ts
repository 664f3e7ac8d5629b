// Types of filter-parser.generated.js, the parser peggy builds from filter-grammar.ts.
import type { FilterExpression, SourcePosition } from './filter-ast.js';

export interface SyntaxExpectation {
  type: 'literal' | 'class' | 'any' | 'end' | 'other';
  text?: string;
  description?: string;
}

// biome-ignore lint/suspicious/noShadowRestrictedNames: the name the generated parser exports
export declare class SyntaxError extends Error {
  expected: SyntaxExpectation[] | null;
  found: string | null;
  location: { start: SourcePosition; end: SourcePosition };
}

export declare const StartRules: string[];

export declare function parse(input: string): FilterExpression | null;
