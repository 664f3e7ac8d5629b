// Shared argument parsing for `s3bq` subcommands: node:util parseArgs in strict mode, with
// its errors turned into UsageErrors (exit 2, printed with the command's usage) that say
// what to type instead: "did you mean" for a mistyped flag, and a refusal, never a silent
// pick, for a flag given twice or two flags that cannot go together.
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closestMatches } from '../tables/hints.js';
import { UsageError } from './command.js';

type Options = NonNullable<ParseArgsConfig['options']>;

/** How a command's flags relate: declared once by the command, enforced here for all. */
export interface FlagRules<O extends Options> {
  /** Groups of flags of which at most one may be given, e.g. [['json', 'markdown']]. */
  conflicts?: readonly (readonly (keyof O & string)[])[];
  /** Flags that only mean something next to another: { 'check-source': 'markdown' }. */
  requires?: Partial<Record<keyof O & string, keyof O & string>>;
}

export function parseCommandArgs<const O extends Options>(
  argv: string[],
  options: O,
  rules: FlagRules<O> = {},
) {
  const parsed = parseStrict(argv, options);
  refuseRepeats(parsed.tokens, options);
  const given = new Set(parsed.tokens.flatMap((t) => (t.kind === 'option' ? [t.name] : [])));
  for (const group of rules.conflicts ?? []) {
    const present = group.filter((name) => given.has(name));
    if (present.length > 1) {
      throw new UsageError(`${present.map((n) => `--${n}`).join(' and ')} cannot be used together: give one`);
    }
  }
  for (const [flag, partner] of Object.entries(rules.requires ?? {}) as [string, string][]) {
    if (given.has(flag) && !given.has(partner)) throw new UsageError(`--${flag} goes with --${partner}`);
  }
  return parsed.values;
}

function parseStrict<const O extends Options>(argv: string[], options: O) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false, tokens: true });
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS')) {
      throw new UsageError(parseErrorMessage(code, (error as Error).message, options));
    }
    throw error;
  }
}

function parseErrorMessage(code: string, message: string, options: Options): string {
  const text = message.replace(/\. To specify a positional argument.*$/s, '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const flag = /'([^']*)'/.exec(text)?.[1] ?? '';
    const known = [...Object.keys(options).map((name) => `--${name}`), '--help'];
    const [guess] = closestMatches(flag.replace(/=.*$/, ''), known, 1);
    return `unknown option "${flag}"${guess ? ` — did you mean ${guess}?` : ''}`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const word = /'([^']*)'/.exec(text)?.[1] ?? '';
    return `unexpected argument "${word}": this command takes options only (--name value)`;
  }
  return text;
}

/** A flag given twice would silently keep the last value: refuse it instead. */
function refuseRepeats(tokens: readonly { kind: string; name?: string }[], options: Options): void {
  const seen = new Set<string>();
  for (const token of tokens) {
    if (token.kind !== 'option' || token.name === undefined) continue;
    if (seen.has(token.name) && !options[token.name]?.multiple) {
      throw new UsageError(`--${token.name} is given twice: give it once`);
    }
    seen.add(token.name);
  }
}

/** `--help`/`-h` anywhere before a `--` asks for the command's usage. */
export function wantsHelp(argv: string[]): boolean {
  for (const arg of argv) {
    if (arg === '--') return false;
    if (arg === '--help' || arg === '-h') return true;
  }
  return false;
}

/** One of `allowed`, or a UsageError naming them. */
export function oneOf<const T extends string>(
  option: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  const [guess] = closestMatches(value, allowed, 1);
  throw new UsageError(
    `--${option} must be one of ${allowed.join(', ')} (got "${value}")${guess ? ` — did you mean ${guess}?` : ''}`,
  );
}
