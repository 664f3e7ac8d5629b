// `s3bq plan` runs in workflow steps, whose logs GitHub scans for workflow commands: any
// line that starts with `::`. A table file's name is user-controlled, so a file named with
// a newline and `::` must never become such a line — in the plan, its Markdown, or its
// errors — and a value can never reach a line start with its CR/LF intact.
import { copyFile, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { renderPlanText } from '../../src/cli/plan-text.js';
import { escapeLogText, escapeLogValue, withEscapedText } from '../../src/cli/workflow-commands.js';
import { buildPlan } from '../../src/plan/build.js';
import { makeSpec } from '../plan/make-spec.js';
import { runCli } from './run-cli.js';

const ROOT = join(import.meta.dirname, '..', '..');
const EVIL = 'orders\n::add-mask::x\r::error title=pwned::owned%0A';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

/** Lines the runner would read as a workflow command (it trims leading spaces). */
function commandLines(text: string): string[] {
  return text.split(/\r?\n|\r/).filter((line) => line.trimStart().startsWith('::'));
}

describe('user-controlled names in plan output', () => {
  it('a table file named with a newline and "::" emits no workflow command, whatever the format', async () => {
    const dir = await mkdtemp(join(tmpdir(), 's3bq-evil-'));
    dirs.push(dir);
    for (const file of await readdir(join(ROOT, 'examples', 'tables')))
      await copyFile(join(ROOT, 'examples', 'tables', file), join(dir, file));
    await copyFile(join(ROOT, 'examples', 'tables', 'gold.orders.json'), join(dir, `${EVIL}.json`));
    for (const format of [[], ['--json'], ['--markdown']]) {
      const result = await runCli(['plan', '--tables', dir, '--at', '2026-11-22T03:17:00Z', ...format], {
        cwd: ROOT,
      });
      // The file is refused (a table file name is plain characters only), and its name,
      // printed in the error, can run no command.
      expect(result.code, format.join(' ')).toBe(1);
      expect(result.stderr).toContain(':%3Aadd-mask:%3Ax');
      expect(commandLines(result.stdout + result.stderr)).toEqual([]);
      expect(result.stderr).not.toContain('\r');
    }
  });

  it('the plan table escapes every value that comes from a table file', () => {
    const spec = makeSpec(EVIL, { dataset: 'ds', table: 'x\n::warning::y' });
    const { plan, planned } = buildPlan({
      tables: [spec],
      settings: { location: 'us', maxParallel: 1, timezone: 'UTC' },
      window: { kind: 'tick', at: new Date('2026-11-22T03:17:00Z') },
    });
    const text = renderPlanText(plan, planned);
    expect(commandLines(text)).toEqual([]);
    expect(text.trimEnd().split('\n')).toHaveLength(4);
    expect(text).toContain(escapeLogValue(EVIL));
  });

  it('escapes `::`, `%` and CR/LF in values, and keeps a message’s own line breaks harmless', () => {
    expect(escapeLogValue('a\r\n::b%c:::d')).toBe('a%0D%0A:%3Ab%25c:%3A:d');
    expect(escapeLogText('line one\n::error::two')).toBe('line one\n:%3Aerror:%3Atwo');
    const error = Object.assign(new Error(`bad ${EVIL}`), {
      diagnostics: [{ file: `tables/${EVIL}.json`, line: 1, column: 1, message: `name ${EVIL}` }],
    });
    const safe = withEscapedText(error) as typeof error;
    expect(safe).toBeInstanceOf(Error);
    expect(commandLines(safe.message)).toEqual([]);
    expect(safe.diagnostics[0]!.file).not.toMatch(/[\r\n]/);
    expect(commandLines(safe.diagnostics[0]!.message)).toEqual([]);
  });
});

// A literal to keep the fixture honest: the evil name really holds what it claims.
it('the evil name holds a newline, a carriage return and "::"', async () => {
  expect(EVIL).toMatch(/\n::/);
  expect(EVIL).toContain('\r');
  const dir = await mkdtemp(join(tmpdir(), 's3bq-evil-name-'));
  dirs.push(dir);
  await writeFile(join(dir, `${EVIL}.json`), '{}');
  expect(await readdir(dir)).toEqual([`${EVIL}.json`]);
});
