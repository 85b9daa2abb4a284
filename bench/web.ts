/**
 * `npm run bench:web`: the web app against the CLI on the bench capture, in
 * one run, side by side, as ratios (the machine is shared: both sides run
 * under the same load, alternately).
 *
 *   npm run bench:web [-- --file F] [--runs N] [--port P] [--no-build] [--only ratio,page] [--headless] [--no-shm]
 *
 * Passes:
 *   1. the capture: bench/out/bench.pcap (bench/gen.ts, 1.2M packets), unless
 *      --file is given, copied to /dev/shm so both sides read memory (inMemory);
 *   2. the build (vite build and the CLI bundle) unless --no-build, served by
 *      `vite preview`, driven by playwright-core in Debian's Chromium, with a
 *      window on an X display (DISPLAY, or Xvfb started here) unless
 *      --headless or neither is at hand (startDisplay);
 *   3. ratio: for ipio.d and the count one-liner, N rounds (default 3) of
 *      the CLI (`wiretrace -s ipio.d -r F > /dev/null`, wall time) and the
 *      page (the Run button with the capture open and the Output tab shown,
 *      from the click to the run's last event, measured in the page:
 *      .app[data-run-ms]), alternately; the best of each, and their ratio;
 *      and each side's CPU time (the CLI's from /proc/self/stat's children
 *      times; Chromium's per process type from CDP's SystemInfo), with the
 *      page's floor: its CPU spread over every core, against the CLI's wall;
 *   4. page: a fresh browser loads the app, opens the capture (ipio.d runs
 *      over it) while keys are typed into the editor every 100 ms, then opens
 *      Hosts, Timeline, Tunnels and Capture and waits for each to finish.
 *      The typing is repeated during a run of the count one-liner (nothing
 *      printed while it runs), for comparison.
 *      Reported: the longest main-thread task of each phase (a long-task
 *      observer in the page; the load's as Chromium runs it without DevTools
 *      attached, bench/web-load.ts, beside the figure with them), the slowest keystroke from key down to the
 *      next paint (Event Timing), and the renderer's peak resident memory
 *      (VmHWM of Chromium's renderer processes, the largest; the engine's
 *      workers live in that process).
 * Nothing here is asserted: the figures are printed beside their targets.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { cpus } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { encodeShare } from '../src/ui/lib/share.ts';
import { ensureCapture } from './capture.ts';
import { COUNT_SCRIPT } from './rows.ts';
import { loadsWithoutDevtools } from './web-load.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUT = join(HERE, 'out');

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const CHROMIUM = process.env.WIRETRACE_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
const LAUNCH_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * The browser shows its window on an X display when one is at hand: DISPLAY, or Debian's Xvfb started
 * here (apt-get install xvfb). Headless Chromium skips drawing frames whose only change is the last line
 * of a scrolled editor ("Draw skipped" in a trace), so Event Timing then dates a keystroke's paint to
 * the next frame anything else draws: typing at the end of ipio.d measured 88-136 ms headless where a
 * window shows it drawn; --headless measures headless anyway. `display`: the X display the window
 * goes on (null: headless), and how to end it if it was started here.
 */
let display: { name: string; kill(): void } | null = null;
async function startDisplay(): Promise<typeof display> {
  if (process.argv.includes('--headless')) return null;
  if (process.env.DISPLAY) return { name: process.env.DISPLAY, kill: () => undefined };
  if (!existsSync('/usr/bin/Xvfb')) return null;
  for (let n = 90; n < 100; n++) {
    if (existsSync(`/tmp/.X${n}-lock`)) continue;
    const x = spawn('/usr/bin/Xvfb', [`:${n}`, '-screen', '0', '1600x1000x24', '-nolisten', 'tcp'], { stdio: 'ignore' });
    for (let i = 0; i < 50 && !existsSync(`/tmp/.X11-unix/X${n}`); i++) await new Promise((r) => setTimeout(r, 100));
    if (x.exitCode === null && existsSync(`/tmp/.X11-unix/X${n}`)) return { name: `:${n}`, kill: () => x.kill() };
    x.kill();
  }
  return null;
}
const launch = (): Promise<Browser> => chromium.launch({
  executablePath: CHROMIUM, args: LAUNCH_ARGS, headless: display === null,
  ...(display !== null ? { env: { ...process.env, DISPLAY: display.name } } : {}),
});

interface Script { name: string; label: string; cliArgs: string[]; text: string; file: string }

function scripts(): Script[] {
  const ipio = join(ROOT, 'samples/scripts/ipio.d');
  return [
    { name: 'ipio.d', label: 'ipio.d (a printf per IP layer)', cliArgs: ['-s', ipio], text: readFileSync(ipio, 'utf8'), file: 'ipio.d' },
    { name: 'count', label: "the count one-liner (@[ip_saddr] = count())", cliArgs: ['-n', COUNT_SCRIPT], text: `${COUNT_SCRIPT}\n`, file: 'count.d' },
  ];
}

/** Wall time of one CLI run, stdout to /dev/null, seconds. */
/** CPU seconds (user + system) of this process's waited-for children: /proc/self/stat's cutime and cstime. */
function childrenCpu(): number {
  const f = readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
  return (Number(f[13]) + Number(f[14])) / 100;
}

/** One CLI run: wall seconds and CPU seconds. */
function cliRun(cli: string, s: Script, file: string): { wall: number; cpu: number } {
  const c0 = childrenCpu();
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, ...s.cliArgs, '-r', file], { stdio: ['ignore', 'ignore', 'pipe'] });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (r.status !== 0) throw new Error(`CLI ${s.name} failed: ${r.stderr.toString().trim().split('\n').at(-1)}`);
  return { wall, cpu: childrenCpu() - c0 };
}

/** Cumulative CPU seconds of Chromium's processes by type (browser, renderer, gpu-process, utility). */
async function browserCpu(browser: Browser): Promise<Map<string, number>> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; cpuTime: number }[] };
  await cdp.detach();
  const m = new Map<string, number>();
  for (const p of info.processInfo) m.set(p.type, (m.get(p.type) ?? 0) + p.cpuTime);
  return m;
}

async function startServer(port: number): Promise<ChildProcess> {
  const srv = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const url = `http://127.0.0.1:${port}/`;
  for (let i = 0; i < 200; i++) {
    try { if ((await fetch(url)).ok) return srv; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`vite preview did not start on port ${port}`);
}

/** Observers installed before the page's first script: long tasks and slow keystrokes (Event Timing). */
async function instrument(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[]; __keys: number[] };
    w.__long = [];
    w.__keys = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
    // Event Timing reports events slower than 16 ms: duration runs from the key's timestamp to the next paint after its handlers.
    new PerformanceObserver((l) => { for (const e of l.getEntries()) if (/^key|^input|^beforeinput/.test(e.name)) w.__keys.push(e.duration); })
      .observe({ type: 'event', durationThreshold: 16, buffered: true } as PerformanceObserverInit);
  });
}
const takeLong = (page: Page): Promise<number[]> => page.evaluate(() => { const w = window as unknown as { __long: number[] }; const l = w.__long; w.__long = []; return l; });
const takeKeys = (page: Page): Promise<number[]> => page.evaluate(() => { const w = window as unknown as { __keys: number[] }; const l = w.__keys; w.__keys = []; return l; });

async function openApp(page: Page, base: string, s: Script): Promise<void> {
  await page.goto(`${base}#${encodeShare({ script: s.text, name: s.file, tab: 'Output', options: '' })}`);
  await page.locator('.editor-monaco:not([hidden]) .monaco-editor').waitFor({ timeout: 60_000 });
  await page.locator('.app[data-ready="true"][data-run-status="idle"]').waitFor({ timeout: 60_000 });
}

async function runCount(page: Page): Promise<number> { return Number(await page.locator('.app').getAttribute('data-run-count')); }
async function waitRun(page: Page, n: number): Promise<void> {
  await page.locator(`.app[data-run-count="${n}"][data-run-status="idle"]`).waitFor({ timeout: 600_000 });
}

/** Opens the capture in the page and waits for the run it starts. */
async function openCapture(page: Page, file: string): Promise<void> {
  const n = await runCount(page);
  await page.locator('#open-capture').setInputFiles(file);
  await waitRun(page, n + 1);
  // The Capture tab's summary reads the file once the run has: let it finish before anything is timed.
  await page.locator('.app[data-capture-summary="done"]').waitFor({ timeout: 600_000 });
}

/** Types a key every 100 ms at the end of the editor's text while the run lasts (focus back in the editor first: opening a file may move it); returns how many. */
async function typeDuringRun(page: Page): Promise<number> {
  await page.locator('.editor-monaco .view-lines').click();
  await page.keyboard.press('ControlOrMeta+End');
  let typed = 0;
  while ((await page.locator('.app').getAttribute('data-run-status')) === 'running' && typed < 400) {
    await page.keyboard.type(String.fromCharCode(97 + (typed % 26)));
    typed++;
    await page.waitForTimeout(100);
  }
  return typed;
}

async function pageRun(page: Page): Promise<number> {
  const n = await runCount(page);
  await page.locator('.run-controls button.primary').first().click();
  await waitRun(page, n + 1);
  return Number(await page.locator('.app').getAttribute('data-run-ms')) / 1000;
}

/** Peak and current resident memory of the largest renderer process (the page's), bytes. */
/** A field of /proc/PID/status in bytes (its kB figure). */
function statusBytes(status: string, field: string): number {
  return Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) * 1024;
}

async function rendererMemory(browser: Browser): Promise<{ peak: number; now: number; anon: number; file: number }> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  let peak = 0;
  let now = 0;
  let anon = 0;
  let file = 0;
  for (const p of info.processInfo) {
    if (p.type !== 'renderer') continue;
    try {
      const st = readFileSync(`/proc/${p.id}/status`, 'utf8');
      const hwm = statusBytes(st, 'VmHWM');
      if (hwm > peak) { peak = hwm; now = statusBytes(st, 'VmRSS'); anon = statusBytes(st, 'RssAnon') + statusBytes(st, 'RssShmem'); file = statusBytes(st, 'RssFile'); }
    } catch { /* exited */ }
  }
  await cdp.detach();
  return { peak, now, anon, file };
}

/**
 * The page's own memory at its highest: the renderers' anonymous and shared-memory pages (RssAnon +
 * RssShmem, what Chrome's task manager calls the memory footprint), without the files Chromium maps
 * (its code and data, shared with its other processes), sampled every 100 ms: the kernel keeps a peak
 * (VmHWM) only of the whole resident set.
 */
async function ownMemorySampler(browser: Browser): Promise<{ stop(): number }> {
  const cdp = await browser.newBrowserCDPSession();
  const info = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: { type: string; id: number }[] };
  await cdp.detach();
  const pids = info.processInfo.filter((p) => p.type === 'renderer').map((p) => p.id);
  let peak = 0;
  const sample = (): void => {
    for (const pid of pids) {
      try {
        const st = readFileSync(`/proc/${pid}/status`, 'utf8');
          peak = Math.max(peak, statusBytes(st, 'RssAnon') + statusBytes(st, 'RssShmem'));
      } catch { /* exited */ }
    }
  };
  sample();
  const timer = setInterval(sample, 100);
  return { stop: () => { clearInterval(timer); sample(); return peak; } };
}

const best = (xs: number[]): number => Math.min(...xs);
const CORES = cpus().length;
const median = (xs: number[]): number => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]!; };
const ms = (xs: number[]): string => (xs.length ? `${Math.max(...xs).toFixed(0)} ms` : '0 ms (none over 50 ms)');
const mb = (b: number): string => `${(b / 1048576).toFixed(0)} MB`;

/**
 * The capture as both sides should read it: from memory. A kernel that pages out cold page cache
 * (DAMON's pageout on this project's machine) sent the file's reads to the disk between runs, so a
 * copy goes to /dev/shm (tmpfs, never paged out without swap) when it has room; --no-shm reads the file where it is.
 */
function inMemory(file: string): string {
  if (process.argv.includes('--no-shm') || !existsSync('/dev/shm')) return file;
  const size = statSync(file).size;
  const df = spawnSync('df', ['--output=avail', '-B1', '/dev/shm'], { encoding: 'utf8' });
  const avail = Number(df.stdout.trim().split('\n').pop());
  if (!(avail > size * 1.5)) return file;
  const copy = join('/dev/shm', `wiretrace-bench-${process.pid}-${basename(file)}`);
  copyFileSync(file, copy);
  return copy;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const given = arg('--file') ?? join(OUT, 'bench.pcap');
  if (!arg('--file')) ensureCapture(given, Number(arg('--packets') ?? 1_200_000));
  const file = inMemory(given);
  const runs = Number(arg('--runs') ?? 3);
  const port = Number(arg('--port') ?? process.env.WIRETRACE_E2E_PORT ?? 4390);
  const only = arg('--only')?.split(',');
  if (!process.argv.includes('--no-build')) {
    process.stderr.write('building the app and the CLI...\n');
    const b = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (b.status !== 0) throw new Error('npm run build failed');
  }
  const cli = join(ROOT, 'dist/cli/wiretrace.mjs');
  spawnSync('cat', [file], { stdio: 'ignore' });
  if (file !== given) process.on('exit', () => rmSync(file, { force: true }));
  const size = statSync(file).size;
  display = await startDisplay();
  const srv = await startServer(port);
  const base = `http://127.0.0.1:${port}/`;
  const lines: string[] = [];
  const load = (): string => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
  lines.push(`capture: ${given}${file !== given ? ' (read from a copy in /dev/shm)' : ''}, ${(size / 1e6).toFixed(0)} MB; ${new Date().toISOString().slice(0, 16)}Z; ${CORES} cores; node ${process.version}; load average at the start ${load()}`);
  lines.push(`browser: Chromium ${display !== null ? `with a window on X display ${display.name}` : 'headless'} (software rendering, --disable-gpu)`);
  try {
    if (!only || only.includes('ratio')) {
      lines.push('', `page against CLI, wall time, best of ${runs} (median in brackets), alternately under the same load`);
      lines.push(`${'script'.padEnd(46)} ${'CLI s'.padStart(12)} ${'page s'.padStart(12)} ${'page/CLI'.padStart(9)}`);
      const cpuLines: string[] = [];
      for (const s of scripts()) {
        const browser = await launch();
        const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
        await openApp(page, base, s);
        process.stderr.write(`${s.name}: opening the capture in the page...\n`);
        await openCapture(page, file);
        const c: number[] = [];
        const p: number[] = [];
        const cc: number[] = [];
        const pc: { browser: number; renderer: number; all: number }[] = [];
        for (let i = 0; i < runs; i++) {
          process.stderr.write(`${s.name}: round ${i + 1} of ${runs}...\n`);
          const r = cliRun(cli, s, file);
          c.push(r.wall);
          cc.push(r.cpu);
          const b0 = await browserCpu(browser);
          p.push(await pageRun(page));
          const b1 = await browserCpu(browser);
          const d = (k: string): number => (b1.get(k) ?? 0) - (b0.get(k) ?? 0);
          pc.push({ browser: d('browser'), renderer: d('renderer'), all: [...b1.keys()].reduce((a, k) => a + d(k), 0) });
        }
        await browser.close();
        const ratio = best(p) / best(c);
        lines.push(`${s.label.padEnd(46)} ${`${best(c).toFixed(2)} (${median(c).toFixed(2)})`.padStart(12)} ${`${best(p).toFixed(2)} (${median(p).toFixed(2)})`.padStart(12)} ${`${ratio.toFixed(2)}x`.padStart(9)}  ${ratio <= 1.3 ? 'PASS' : 'MISSED'} (target <= 1.3x)`);
        // CPU: what each side needs of the machine, whatever the load; the page's floor is its CPU spread over every core.
        const pBest = pc.reduce((a, b) => (b.all < a.all ? b : a));
        const floor = pBest.all / CORES / best(c);
        cpuLines.push(`${s.label.padEnd(46)} CLI ${Math.min(...cc).toFixed(2)} s; page ${pBest.all.toFixed(2)} s (browser process ${pBest.browser.toFixed(2)}: reading the file; renderer ${pBest.renderer.toFixed(2)}: the workers and the page) -> on ${CORES} cores the page needs at least ${(pBest.all / CORES).toFixed(2)} s, ${floor.toFixed(2)}x the CLI's wall time`);
      }
      lines.push('', `CPU time of the same runs, least of ${runs} (user + system, every process of each side)`, ...cpuLines);
    }
    if (!only || only.includes('page')) {
      process.stderr.write('page: load, run with typing, every view...\n');
      const s = scripts()[0]!;
      const browser = await launch();
      const page = await browser.newPage({ viewport: { width: 1400, height: 860 } });
      await instrument(page);
      await openApp(page, base, s);
      const loadLong = await takeLong(page);
      const mems: string[] = [`loaded ${mb((await rendererMemory(browser)).now)}`];
      const own = await ownMemorySampler(browser);
      await takeKeys(page);
      // Typing during the run: the cursor at the end of the script (a new comment line), a key every 100 ms.
      await page.locator('.editor-monaco .view-lines').click();
      await page.keyboard.press('ControlOrMeta+End');
      await page.keyboard.press('Enter');
      await page.keyboard.type('//', { delay: 20 });
      const n = await runCount(page);
      await page.locator('#open-capture').setInputFiles(file);
      await page.locator('.app[data-run-status="running"]').waitFor({ timeout: 60_000 });
      const typed = await typeDuringRun(page);
      await waitRun(page, n + 1);
      const runSecs = Number(await page.locator('.app').getAttribute('data-run-ms')) / 1000;
      const runLong = await takeLong(page);
      mems.push(`after the run ${mb((await rendererMemory(browser)).now)}`);
      const keys = await takeKeys(page);
      const views: string[] = [];
      const t0 = Date.now();
      for (const tab of ['hosts', 'timeline', 'tunnels', 'capture']) {
        const t = Date.now();
        await page.locator(`#tab-${tab}`).click();
        if (tab === 'capture') await page.locator('.capture-view .facts dt', { hasText: 'Packets' }).waitFor({ timeout: 600_000 });
        else if (tab === 'tunnels') await page.locator('.tunnels[data-final="true"], .tunnels-empty[data-final="true"]').waitFor({ timeout: 600_000 });
        else await page.locator('.view-shell[data-status="done"]').waitFor({ timeout: 600_000 });
        views.push(`${tab} ${((Date.now() - t) / 1000).toFixed(1)} s`);
        mems.push(`with ${tab} ${mb((await rendererMemory(browser)).now)}`);
      }
      const viewsLong = await takeLong(page);
      const mem = await rendererMemory(browser);
      const ownPeak = own.stop();
      // The same typing during a run of the count one-liner (the same file read and decoded, nothing printed
      // while it runs: what the page's thread has to do for the output is the difference, README "Performance").
      await page.locator('#tab-output').click();
      await page.locator('.editor-monaco .view-lines').click();
      await page.keyboard.press('ControlOrMeta+A');
      await page.keyboard.press('Delete');
      await page.keyboard.insertText(`${COUNT_SCRIPT}\n//`);
      await page.waitForTimeout(1000);
      await takeKeys(page);
      const nc = await runCount(page);
      await page.locator('.run-controls button.primary').first().click();
      const typedCount = await typeDuringRun(page);
      await waitRun(page, nc + 1);
      const countKeys = await takeKeys(page);
      await browser.close();
      lines.push('', `the page, ${s.name} over the capture, then every view (${views.join(', ')}; ${((Date.now() - t0) / 1000).toFixed(1)} s in all)`);
      lines.push(`  run: ${runSecs.toFixed(2)} s, ${typed} keys typed into the editor during it`);
      // The load as a reader's browser runs it (no DevTools protocol: see web-load.ts); each load's longest task.
      const loads = (await loadsWithoutDevtools(join(ROOT, 'dist/web'), CHROMIUM!, LAUNCH_ARGS, display?.name ?? null, Math.max(3, runs))).map((l) => Math.max(0, ...l));
      lines.push(`  longest main-thread task: load ${Math.max(...loads)} ms (each of ${loads.length} loads: ${loads.join(', ')} ms; with DevTools attached ${ms(loadLong)}), run ${ms(runLong)}, views ${ms(viewsLong)}  ${Math.max(0, ...loads, ...runLong, ...viewsLong) <= 50 ? 'PASS' : 'MISSED'} (target <= 50 ms)`);
      const slowest = (k: number[], n: number): string => (k.length ? `${Math.max(...k).toFixed(0)} ms (${k.length} key and input events over 16 ms, for ${n} keys)` : 'under 16 ms (no key event over 16 ms)');
      lines.push(`  slowest keystroke to paint during the run: ${slowest(keys, typed)}  ${Math.max(0, ...keys) <= 50 ? 'PASS' : 'MISSED'} (target <= 50 ms)`);
      lines.push(`    (the same during a run of the count one-liner, which prints nothing while it runs: ${slowest(countKeys, typedCount)})`);
      lines.push(`  renderer peak resident memory: ${mb(mem.peak)} (resident: ${mems.join(', ')})  ${mem.peak < 300 * 1048576 ? 'PASS' : 'MISSED'} (target < 300 MB)`);
      lines.push(`    (at the end: ${mb(mem.file)} of the resident memory is Chromium's own code and data files, shared with its other processes; ${mb(mem.anon)} is the page's own)`);
      lines.push(`  the page's own memory at its highest (the renderer's resident memory less Chromium's files, sampled every 100 ms from the load on): ${mb(ownPeak)}  ${ownPeak < 300 * 1048576 ? 'under' : 'over'} 300 MB`);
    }
  } finally {
    if (srv.pid) process.kill(-srv.pid);
    display?.kill();
  }
  lines.push('', `load average at the end: ${load()}`);
  const text = lines.join('\n') + '\n';
  writeFileSync(join(OUT, 'web.txt'), text);
  process.stdout.write(text);
}

main().catch((e: unknown) => {
  process.stderr.write(`bench:web: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
