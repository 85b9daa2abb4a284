/**
 * Engine figures for `npm run bench`: probe firings per second on the
 * virtual clock (no capture), for the clause shapes the issue names. Each
 * script fires tick-5000 (dtrace's fastest tick: 200us) N times and exits;
 * on the virtual clock the interval does not change the cost. The rate is
 * N / CPU time of the run (compile included, negligible at these N), and N
 * stays under the engine's one-hour virtual-time limit (18M at 5000 Hz).
 *
 * Usage: tsx bench/engine.ts [N]   (prints one TSV row per script)
 */
import { run } from '../src/engine/run.ts';

const N = Number(process.argv[2] ?? 10_000_000);

export const ENGINE_BENCHES: [name: string, script: string][] = [
  ['count', `tick-5000 /++i >= ${N}/ { exit(0); } tick-5000 { @c = count(); }`],
  ['count-by-probename', `tick-5000 /++i >= ${N}/ { exit(0); } tick-5000 { @[probename] = count(); }`],
  ['printf', `tick-5000 /++i >= ${N / 10}/ { exit(0); } tick-5000 { printf("%d %s\\n", i, probename); }`],
  ['quantize', `tick-5000 /++i >= ${N}/ { exit(0); } tick-5000 { @q = quantize(i); }`],
];

/** The baseline: the exit clause alone, subtracted to get the measured clause's own rate. */
const BASE = `tick-5000 /++i >= ${N}/ { exit(0); }`;

/** CPU seconds (user + system) of one run: the machine is shared, wall time is noisy. */
async function time(script: string): Promise<number> {
  const t0 = process.cpuUsage();
  let bytes = 0;
  const status = await run({
    programs: [{ name: 'bench', text: script, kind: 'inline' }], captures: [], options: { quiet: true },
    onEvent: (e) => { if (e.kind === 'text') bytes += e.text.length; if (e.kind === 'message') console.error(e.text); },
  });
  if (status !== 0) throw new Error(`bench script failed (status ${status}): ${script}`);
  void bytes;
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1e6;
}

async function main(): Promise<void> {
  const base = await time(BASE);
  console.log(`engine\tbaseline-exit-clause\t${(N / base / 1e6).toFixed(1)}M firings/s`);
  for (const [name, script] of ENGINE_BENCHES) {
    const n = name === 'printf' ? N / 10 : N;
    const t = await time(script);
    const baseShare = base * (n / N);
    const own = Math.max(t - baseShare, 1e-9);
    console.log(`engine\t${name}\t${(n / t / 1e6).toFixed(1)}M firings/s (both clauses)\t${(n / own / 1e6).toFixed(1)}M/s (clause alone)`);
  }
}

void main();
