// The filter parser the local cloud loads (filter-parser.generated.js) is exactly what
// peggy builds from the grammar in filter-grammar.ts. Run with `-u` after changing the
// grammar to rewrite the generated file. Also reports what precompiling saves: peggy's
// generation time against loading the generated module.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { generateFilterParserSource } from '../src/logging/filter-grammar.js';

const GENERATED = fileURLToPath(new URL('../src/logging/filter-parser.generated.js', import.meta.url));

/** Loads the generated module in a fresh Node process: its load time, and one parse. */
function loadInFreshProcess(): { loadMs: number; parsed: unknown } {
  const script = `const t = performance.now(); const parser = await import(${JSON.stringify(GENERATED)});
    const loadMs = performance.now() - t;
    console.log(JSON.stringify({ loadMs, parsed: parser.parse('severity>=ERROR') }));`;
  return JSON.parse(
    execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' }),
  );
}

describe('the precompiled Logging filter parser', () => {
  it('matches the grammar', async () => {
    const started = performance.now();
    const source = generateFilterParserSource();
    const generateMs = performance.now() - started;
    await expect(source).toMatchFileSnapshot('../src/logging/filter-parser.generated.js');

    const { loadMs, parsed } = loadInFreshProcess();
    console.log(
      `filter parser: peggy generates it in ${generateMs.toFixed(0)} ms; the precompiled module loads in ${loadMs.toFixed(1)} ms`,
    );
    expect(parsed).toMatchObject({ type: 'comparison', comparator: '>=' });
  });
});
