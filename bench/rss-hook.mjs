// Preloaded (node --import) into a benchmarked Node process: at exit, writes the
// process's peak resident set size in bytes to $BENCH_RSS_FILE.
import { writeFileSync } from 'node:fs';

process.on('exit', () => {
  const f = process.env.BENCH_RSS_FILE;
  if (f) writeFileSync(f, String(process.resourceUsage().maxRSS * 1024));
});
