// Renders a sample run report the way a reader of the Actions tab sees it: the run
// report's Markdown (docs/run-report.md) → HTML in GitHub's look → PNG through headless
// Chromium (docs/run-report.png), with the Mermaid gantt drawn by Mermaid itself.
//
// Not part of CI. Needs, outside the project's dependencies:
//   apt-get install -y chromium fonts-noto-color-emoji
//   npm install --prefix /tmp/s3bq-render mermaid@11 marked@18
// then: RENDER_DEPS=/tmp/s3bq-render/node_modules node --import tsx scripts/render-run-report.ts
// Without Mermaid the gantt stays a code block (said in the picture's caption).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import type { PartitionResult, ResultFile, Status, TableResult } from '../src/lifecycle/outcome.js';
import { renderRunReport } from '../src/report/index.js';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..');
const DEPS = process.env.RENDER_DEPS ?? '/tmp/s3bq-render/node_modules';
const CHROMIUM = process.env.CHROMIUM ?? 'chromium';
const WIDTH = 1012;

/** A daily tick of eight tables under max_parallel 3: the quota shows as a staircase. */
function sampleRun(): ResultFile[] {
  const t0 = Date.UTC(2026, 10, 22, 3, 17, 40);
  const iso = (s: number) => new Date(t0 + s * 1000).toISOString();
  const slot = [0, 0, 0];
  const table = (
    name: string,
    status: Status,
    seconds: number,
    partitions: [string, Status, number?, string?][],
    extra: Partial<TableResult> = {},
  ): TableResult => {
    const lane = slot.indexOf(Math.min(...slot));
    const start = slot[lane]!;
    slot[lane] = start + seconds + 2;
    const parts: PartitionResult[] = partitions.map(([id, s, rows, message]) => ({
      id,
      source: `s3://acme-lake/${name.replace('.', '/')}/dt=${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}/`,
      status: s,
      rows,
      duration_ms: Math.round((seconds * 1000) / partitions.length),
      message,
    }));
    return {
      name,
      destination: `acme-analytics.${name}`,
      status,
      partitions: parts,
      started_at: iso(start),
      finished_at: iso(start + seconds),
      duration_ms: seconds * 1000,
      ...extra,
    };
  };
  const tables = [
    table('gold.orders', 'loaded', 212, [
      ['20261121', 'loaded', 1_204_311],
      ['20261120', 'loaded', 1_198_240],
    ]),
    table('gold.customers', 'loaded', 95, [['20261121', 'loaded', 84_502]]),
    table('silver.events', 'loaded', 305, [
      ['20261121', 'loaded', 18_400_211],
      ['20261120', 'skipped', undefined, 'No files under s3://acme-lake/silver/events/dt=2026-11-20/'],
    ]),
    table('finance.fx_rates', 'loaded', 61, [['20261121', 'loaded', 171]]),
    table(
      'bronze.clicks',
      'failed',
      48,
      [['20261121', 'failed', undefined, 'Run FAILED: Access Denied (s3:ListBucket)']],
      {
        failed_step: 'wait',
        message:
          'Access Denied listing s3://acme-lake/bronze/clicks/: the AWS key lacks s3:ListBucket on this bucket. Add it to the IAM policy, then re-run this job.',
      },
    ),
    table('raw.weather', 'skipped', 3, [['20261121', 'skipped', undefined, 'No files for 2026-11-21 yet']], {
      message:
        'No files under s3://acme-lake/raw/weather/dt=2026-11-21/ (checked in S3 and in the transfer log)',
    }),
    table('marts.revenue_daily', 'loaded', 130, [['20261121', 'loaded', 3_650]]),
    table('ops.tickets', 'loaded', 77, [['20261121', 'loaded', 12_044]]),
  ];
  const window = { kind: 'tick', at: '2026-11-22T03:17:00Z' } as const;
  const runInfo = { id: '12345', attempt: '1', url: 'https://github.com/acme/lake/actions/runs/12345' };
  return tables.map((t, i) => ({
    schema_version: 1,
    run: { ...runInfo, job: `load-${i}` },
    window,
    tables: [t],
  }));
}

const CSS = `
body { margin: 0; background: #fff; }
.page { box-sizing: border-box; width: ${WIDTH}px; padding: 24px 32px; color: #1f2328;
  font: 14px/1.5 -apple-system, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif, "Noto Color Emoji"; }
.frame { border: 1px solid #d1d9e0; border-radius: 6px; padding: 8px 24px 16px; }
.caption { color: #59636e; font-size: 12px; margin: 0 0 8px; }
h2 { border-bottom: 1px solid #d1d9e0; padding-bottom: .3em; font-size: 1.5em; }
h3 { font-size: 1.25em; margin-top: 24px; }
table { border-collapse: collapse; margin: 8px 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d1d9e0; padding: 6px 13px; }
tr:nth-child(2n) { background: #f6f8fa; }
th { font-weight: 600; }
code { background: #818b981f; border-radius: 6px; padding: .2em .4em; font-size: 85%;
  font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; }
pre { background: #f6f8fa; padding: 16px; border-radius: 6px; overflow: auto; }
blockquote { margin: 0; padding: 0 1em; color: #59636e; border-left: .25em solid #d1d9e0; }
a { color: #0969da; text-decoration: none; }
details summary { cursor: pointer; }
pre.mermaid { background: #fff; text-align: center; }
`;

async function main() {
  const markdown = renderRunReport(sampleRun(), { title: 'Daily load 2026-11-22' });
  const mdPath = join(ROOT, 'docs', 'run-report.md');
  await writeFile(mdPath, markdown);
  // The project's formatter aligns Markdown tables; keep the committed sample as it wants it.
  await run('npx', ['biome', 'format', '--write', mdPath], { cwd: ROOT });

  const markedPath = join(DEPS, 'marked', 'lib', 'marked.esm.js');
  const mermaidPath = join(DEPS, 'mermaid', 'dist', 'mermaid.min.js');
  if (!existsSync(markedPath)) throw new Error(`marked not found at ${markedPath}: see this script's header`);
  const { marked } = (await import(pathToFileURL(markedPath).href)) as {
    marked: { parse(md: string): string };
  };
  const withMermaid = existsSync(mermaidPath);

  // Mermaid reads the diagram from a <pre class="mermaid">, as GitHub's renderer does.
  let body = marked.parse(markdown);
  if (withMermaid) {
    body = body.replace(
      /<pre><code class="language-mermaid">([\s\S]*?)<\/code><\/pre>/,
      (_, code: string) => `<pre class="mermaid">${code}</pre>`,
    );
  }
  // Summaries show <details> closed; open the first two so the picture shows partitions.
  let opened = 0;
  body = body.replace(/<details>/g, (d) => (opened++ < 2 ? '<details open>' : d));
  const caption = withMermaid
    ? 'Job summary of the report job (sample run, rendered offline; GitHub draws the gantt the same way with Mermaid)'
    : 'Job summary of the report job (sample run; Mermaid was not available offline, so the gantt shows as its source)';
  const html = `<!doctype html><html><head><meta charset="utf-8"><style>${CSS}</style></head>
<body><div class="page" id="page"><p class="caption">${caption}</p><div class="frame">${body}</div></div>
${
  withMermaid
    ? `<script src="${pathToFileURL(mermaidPath).href}"></script>
<script>mermaid.initialize({ startOnLoad: false, theme: 'default', gantt: { useWidth: ${WIDTH - 120} } });
mermaid.run().finally(() => { document.title = 'h=' + document.getElementById('page').scrollHeight; });</script>`
    : `<script>document.title = 'h=' + document.getElementById('page').scrollHeight;</script>`
}</body></html>`;

  const work = await mkdtemp(join(tmpdir(), 's3bq-render-'));
  try {
    const page = join(work, 'run-report.html');
    await writeFile(page, html);
    const flags = [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
      '--hide-scrollbars',
      `--user-data-dir=${join(work, 'profile')}`,
      '--virtual-time-budget=10000',
      '--allow-file-access-from-files',
    ];
    // First pass: let the page measure itself, so the picture is exactly as tall as the report.
    const dom = await run(
      CHROMIUM,
      [...flags, `--window-size=${WIDTH},1000`, '--dump-dom', pathToFileURL(page).href],
      {
        timeout: 120_000,
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    const height = Number(/<title>h=(\d+)<\/title>/.exec(dom.stdout)?.[1] ?? 3000);
    const png = join(ROOT, 'docs', 'run-report.png');
    await run(
      CHROMIUM,
      [...flags, `--window-size=${WIDTH},${height}`, `--screenshot=${png}`, pathToFileURL(page).href],
      { timeout: 120_000 },
    );
    console.log(
      `wrote docs/run-report.md and docs/run-report.png (${WIDTH}x${height}, mermaid: ${withMermaid})`,
    );
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
