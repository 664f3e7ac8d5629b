// Preloaded into a benchmarked child process (node --require): at exit, writes the
// process's own CPU time and peak resident memory to the file named by
// S3BQ_BENCH_USAGE_FILE, figures only the process itself knows exactly.
const { writeFileSync } = require('node:fs');

const target = process.env.S3BQ_BENCH_USAGE_FILE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const figures = {
      cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
      maxRssKb: usage.maxRSS,
    };
    try {
      writeFileSync(target, JSON.stringify(figures));
    } catch {
      // A benchmark figure is not worth failing the process for.
    }
  });
}
