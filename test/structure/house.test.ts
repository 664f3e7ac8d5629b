// The rules of the house (docs: DESIGN.md's rooms), checked on the sources themselves with
// the TypeScript compiler: no import cycles, no function in the product longer than a
// screen, each room importing only what its name allows.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
/** A function may have this many lines of its own (nested functions count on their own). */
const MAX_FUNCTION_LINES = 80;

function sourcesUnder(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .map((file) => join(ROOT, dir, file));
}

const parse = (file: string) =>
  ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS);

/** Every module a file imports (static, dynamic, re-exports), as written. */
function specifiers(source: ts.SourceFile): { text: string; typeOnly: boolean }[] {
  const found: { text: string; typeOnly: boolean }[] = [];
  const visit = (node: ts.Node) => {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier) {
      const typeOnly = ts.isImportDeclaration(node)
        ? Boolean(node.importClause?.isTypeOnly)
        : node.isTypeOnly;
      found.push({ text: (node.moduleSpecifier as ts.StringLiteral).text, typeOnly });
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const [argument] = node.arguments;
      if (argument && ts.isStringLiteral(argument)) found.push({ text: argument.text, typeOnly: false });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Relative imports that load a module at run time (not `import type`), resolved to files. */
function localImports(file: string): string[] {
  return specifiers(parse(file))
    .filter((spec) => spec.text.startsWith('.') && !spec.typeOnly)
    .map((spec) => resolve(dirname(file), spec.text.replace(/\.js$/, '.ts')));
}

function cycles(files: readonly string[]): string[][] {
  const graph = new Map(
    files.map((file) => [file, localImports(file).filter((target) => files.includes(target))]),
  );
  const found: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const walk = (file: string, path: string[]) => {
    if (state.get(file) === 'done') return;
    if (state.get(file) === 'open') {
      found.push([...path.slice(path.indexOf(file)), file].map((f) => relative(ROOT, f)));
      return;
    }
    state.set(file, 'open');
    for (const next of graph.get(file) ?? []) walk(next, [...path, file]);
    state.set(file, 'done');
  };
  for (const file of files) walk(file, []);
  return found;
}

/** Functions with more than MAX_FUNCTION_LINES lines of their own. */
function longFunctions(file: string): string[] {
  const source = parse(file);
  const lineOf = (position: number) => source.getLineAndCharacterOfPosition(position).line;
  const long: string[] = [];
  const isFunction = (node: ts.Node): node is ts.FunctionLikeDeclaration =>
    ts.isFunctionDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isArrowFunction(node) ||
    ts.isFunctionExpression(node) ||
    ts.isGetAccessor(node) ||
    ts.isConstructorDeclaration(node);
  const nestedLines = (node: ts.Node): number => {
    let lines = 0;
    ts.forEachChild(node, function count(child) {
      if (isFunction(child)) lines += lineOf(child.getEnd()) - lineOf(child.getStart()) + 1;
      else ts.forEachChild(child, count);
    });
    return lines;
  };
  const visit = (node: ts.Node) => {
    if (isFunction(node) && node.body) {
      const own = lineOf(node.getEnd()) - lineOf(node.getStart()) + 1 - nestedLines(node.body);
      if (own > MAX_FUNCTION_LINES) {
        const name = node.name?.getText() ?? '(anonymous)';
        long.push(`${relative(ROOT, file)}:${lineOf(node.getStart()) + 1} ${name}: ${own} lines`);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return long;
}

function importsOf(dir: string): { file: string; text: string }[] {
  return sourcesUnder(dir).flatMap((file) =>
    specifiers(parse(file)).map((spec) => ({ file: relative(ROOT, file), text: spec.text })),
  );
}

describe('the house', () => {
  it('has no import cycles (modules loaded at run time), in the product or in the local cloud', () => {
    expect(cycles(sourcesUnder('src'))).toEqual([]);
    expect(cycles(sourcesUnder('packages/local-cloud/src'))).toEqual([]);
  });

  it(`has no function in the product with more than ${MAX_FUNCTION_LINES} lines of its own`, () => {
    expect(sourcesUnder('src').flatMap(longFunctions)).toEqual([]);
  });

  it('keeps each room to its own: the local cloud imports no product, the lifecycle no GitHub, the report no cloud', () => {
    const product = /^(\.\.\/)+(src\/|tables|plan|lifecycle|pipeline|cloud|report|action|cli|demo)\b/;
    expect(importsOf('packages/local-cloud/src').filter((i) => product.test(i.text))).toEqual([]);
    const github = /^@actions\/|\/action\//;
    expect(importsOf('src/lifecycle').filter((i) => github.test(i.text))).toEqual([]);
    expect(importsOf('src/pipeline').filter((i) => github.test(i.text))).toEqual([]);
    const clients = /^@aws-sdk\/|^@google-cloud\/|\/cloud\/(s3|dts|logging|bigquery|index)\.js$/;
    expect(importsOf('src/report').filter((i) => clients.test(i.text))).toEqual([]);
    expect(importsOf('src/lifecycle').filter((i) => /simulat|-sim\b/.test(i.text))).toEqual([]);
  });

  it('runs a test file that replaces modules or the environment in a fresh module graph (*.mocks.test.ts)', () => {
    // vitest.config.ts shares loaded modules between test files, except for these files;
    // aws-sdk-client-mock's mockClient() patches the client class every file shares.
    const replaces = /\bvi\.(mock|doMock|stubEnv|stubGlobal|resetModules)\(|\bmockClient\(/;
    const tests = [...sourcesUnder('test'), ...sourcesUnder('packages/local-cloud/test')].filter((file) =>
      file.endsWith('.test.ts'),
    );
    const misnamed = tests
      .filter((file) => file !== import.meta.filename && replaces.test(readFileSync(file, 'utf8')))
      .filter((file) => !file.endsWith('.mocks.test.ts'));
    expect(misnamed.map((file) => relative(ROOT, file))).toEqual([]);
  });
});
