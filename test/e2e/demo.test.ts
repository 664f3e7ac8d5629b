// The README's main job, `npm start` (= `node bin/s3bq.js demo`), run as a user runs it:
// the bundled CLI starts the local cloud, writes the demo lake, loads a whole tick over
// examples/tables and prints the report; exit 0 because nothing failed.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './runner.js';

function runDemo(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    // Only what a shell would have; no cloud credentials of the test machine.
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', NO_COLOR: '1' };
    const child = spawn(process.execPath, [join(ROOT, 'bin/s3bq.js'), 'demo', ...args], { cwd: ROOT, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), 50_000);
    child.on('error', fail);
    child.on('close', (code) => {
      clearTimeout(timer);
      done({ code, stdout, stderr });
    });
  });
}

describe('npm start (s3bq demo)', () => {
  it('loads the example tables on the local cloud, skips the missing partition and prints the report', async () => {
    const { code, stdout, stderr } = await runDemo(['--run-seconds', '0.2']);
    expect(code, stdout + stderr).toBe(0);
    expect(stdout).toMatch(/Local cloud up in \d+ ms/);
    expect(stdout).toMatch(/missing on purpose: \S+ \d{8}/);
    for (const table of ['finance.fx_rates', 'gold.orders', 'raw.clickstream']) {
      expect(stdout).toMatch(new RegExp(`loaded\\s+${table.replace('.', '\\.')}`));
    }
    expect(stdout).toMatch(/Totals: 3 tables — 3 loaded, 0 skipped, 0 failed · \d+ partitions/);
    expect(stdout).toMatch(/1 skipped/);
    // It ends with what BigQuery holds, asked through the official client.
    expect(stdout).toContain('What BigQuery holds now, asked through @google-cloud/bigquery');
    expect(stdout).toMatch(/finance\.fx_rates → local-project\.finance\.fx_rates: 2 partitions, [\d,]+ rows/);
    expect(stdout).toMatch(/gold\.orders → local-project\.gold\.orders: 14 partitions, [\d,]+ rows/);
    expect(stdout).toMatch(/raw\.clickstream → local-project\.raw\.clickstream: 24 partitions, [\d,]+ rows/);
    expect(stdout).toMatch(/Local cloud stopped; the demo took [\d.]+ s\./);
  });

  it('refuses a bad option with its usage', async () => {
    const { code, stderr } = await runDemo(['--run-seconds', 'soon']);
    expect(code).toBe(2);
    expect(stderr).toContain('--run-seconds takes a number of seconds');
  });
});
