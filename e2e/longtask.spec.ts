/**
 * Responsiveness while a large capture is processed: every main-thread task
 * is timed while a generated capture (WIRETRACE_LONGTASK_PACKETS packets,
 * default 1,000,000) is read and a per-packet printf script runs over it in
 * the worker (the Output view), then while the Timeline is built from the
 * same capture (packets.d's million lines parsed into a million rows, the
 * chart).
 *
 * Judged: the page's own work per task, the main thread's CPU time of each
 * task (a Chromium trace's RunTask events), at most 50 ms; the garbage
 * collectors' own tasks (V8's and Blink's sweeping, 36-42 ms of CPU in some
 * Timeline runs) are reported, not judged. Reported beside it: the tasks
 * over 50 ms of wall time (a long-task observer) and the long animation
 * frames' scripts. Wall time is not judged here: on a 2-core
 * machine the run's workers and Chromium's file reading take both cores, and
 * a task's wall time is mostly its wait for one (a tab click of 18 ms of CPU
 * took 54 ms); run beside other work it measured 50-100 ms where the same
 * build measured none over 50 ms alone. `npm run bench:web` reports the wall
 * times against the target. WIRETRACE_LONGTASK_STRICT=0 relaxes the limit to
 * 250 ms. Needs the engine's capture reading and the ip provider.
 */
import { expect, test, type Page } from '@playwright/test';
import { bigCapture } from './captures.ts';
import { monacoReady, runAndWait, setScript } from './helpers.ts';

const N = Number(process.env.WIRETRACE_LONGTASK_PACKETS ?? 1_000_000);

const LIMIT = process.env.WIRETRACE_LONGTASK_STRICT === '0' ? 250 : 50;

test.describe.configure({ retries: 1 });

/** A main-thread task as a Chromium trace times it: wall and thread CPU, ms; gc: V8's or Blink's garbage collector's own task. */
interface Task { wall: number; cpu: number; gc: boolean }
/** Main-thread tasks of the page's renderer, traced from now until the returned function is called. */
async function traceTasks(page: Page): Promise<() => Promise<Task[]>> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReturnAsStream' });
  return async () => {
    const done = new Promise<{ stream?: string }>((res) => cdp.once('Tracing.tracingComplete', res));
    await cdp.send('Tracing.end');
    const { stream } = await done;
    let text = '';
    for (;;) {
      const c = await cdp.send('IO.read', { handle: stream! });
      text += c.base64Encoded ? Buffer.from(c.data, 'base64').toString() : c.data;
      if (c.eof) break;
    }
    await cdp.detach();
    const trace = JSON.parse(text) as { traceEvents: { ph: string; name: string; pid: number; tid: number; dur?: number; tdur?: number; args?: { name?: string } }[] };
    const main = new Set(trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map((e) => `${e.pid}/${e.tid}`));
    return trace.traceEvents
      .filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask' && main.has(`${e.pid}/${e.tid}`))
      .map((e) => ({ wall: (e.dur ?? 0) / 1000, cpu: (e.tdur ?? 0) / 1000, gc: /v8\/src\/heap|cppgc/.test((e.args as { src_file?: string } | undefined)?.src_file ?? '') }));
  };
}

async function watchLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
    // Attribution for the report: long animation frames name the scripts that ran in them (Chromium).
    const x = window as unknown as { __loaf: string[] };
    x.__loaf = [];
    try {
      new PerformanceObserver((l) => {
        for (const e of l.getEntries() as (PerformanceEntry & { blockingDuration: number; scripts: { invoker: string; sourceFunctionName: string; sourceURL: string; duration: number; forcedStyleAndLayoutDuration: number }[] })[]) {
          if (e.blockingDuration <= 0) continue;
          x.__loaf.push(`${e.duration.toFixed(0)} ms frame: ${e.scripts.map((s) => `${s.invoker} ${s.sourceFunctionName} ${s.sourceURL.split('/').pop()} ${s.duration.toFixed(0)} ms (style/layout ${s.forcedStyleAndLayoutDuration.toFixed(0)})`).join('; ') || 'no script'}`);
        }
      }).observe({ type: 'long-animation-frame' });
    } catch { /* not supported */ }
  });
}
const resetLongTasks = (page: Page): Promise<void> => page.evaluate(() => { (window as unknown as { __long: number[]; __loaf: string[] }).__long = []; (window as unknown as { __loaf: string[] }).__loaf = []; });
const longFrames = (page: Page): Promise<string[]> => page.evaluate(() => (window as unknown as { __loaf: string[] }).__loaf);
const longTasks = (page: Page): Promise<number[]> => page.evaluate(() => (window as unknown as { __long: number[] }).__long);

function report(what: string, secs: number, long: number[], tasks: Task[]): number {
  const maxWall = Math.max(0, ...long);
  const busiest = (ts: Task[]): Task => ts.reduce((a, t) => (t.cpu > a.cpu ? t : a), { wall: 0, cpu: 0, gc: false });
  const page = busiest(tasks.filter((t) => !t.gc));
  const gc = busiest(tasks.filter((t) => t.gc));
  const note = `${what}: ${N} packets in ${secs.toFixed(1)} s (${Math.round(N / secs)} packets/s); ${tasks.length} tasks, the longest by the page's thread's CPU ${page.cpu.toFixed(0)} ms (its wall time ${page.wall.toFixed(0)} ms), of the garbage collectors' ${gc.cpu.toFixed(0)} ms; ${long.length} tasks over 50 ms of wall time${long.length ? ` (${long.map((d) => d.toFixed(0)).join(', ')} ms)` : ''}${maxWall > 0 ? `, longest ${maxWall.toFixed(0)} ms` : ''}`;
  test.info().annotations.push({ type: 'responsiveness', description: note });
  console.log(note);
  return page.cpu;
}

test('no main-thread task does over 50 ms of work while a large capture is processed', async ({ page }) => {
  test.setTimeout(600_000);
  await watchLongTasks(page);
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor({ timeout: 60_000 });
  await setScript(page, 'ip:::send\n{\n}\n');
  const probe = await runAndWait(page);
  expect(probe).not.toMatch(/engine not available yet|does not match any probes/);
  const FILE = bigCapture(N);
  await setScript(page, '#pragma D option quiet\nip:::send,\nip:::receive\n{\n\tprintf("%d %s -> %s %d\\n", args[0]->pkt_addr, args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength);\n}\n');
  // The editor settles first: Monaco handles the pasted text, tokenizes and draws the diagnostics in tasks of
  // its own after insertText returns (one of 42 ms was once counted against the capture's processing).
  await page.waitForTimeout(1000);
  await resetLongTasks(page);
  let stop = await traceTasks(page);
  const t0 = Date.now();
  await page.getByLabel('Open capture').setInputFiles(FILE);
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'running', { timeout: 30_000 });
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 540_000 });
  const secs = (Date.now() - t0) / 1000;
  const out = await page.getByTestId('output-text').innerText();
  expect(out).not.toMatch(/reading captures is not available/);
  // Every packet printed its line, and all of them reached the Output view.
  const lines = Number((await page.locator('.output-view .view-toolbar span').first().innerText()).replace(/[^\d]/g, ''));
  expect(lines).toBeGreaterThanOrEqual(N);
  const max = report('Output', secs, await longTasks(page), await stop());
  console.log((await longFrames(page)).join('\n'));

  // The Timeline over the same capture: packets.d's million lines become a million rows and a chart.
  await resetLongTasks(page);
  stop = await traceTasks(page);
  const t1 = Date.now();
  // By id: a role query would itself be a long task in the page.
  await page.locator('#tab-timeline').click();
  // Waiting by attribute: Playwright's text and role queries run in the page and would be long tasks themselves.
  await page.locator('.view-shell[data-status="done"] .timeline').waitFor({ timeout: 540_000 });
  const maxTimeline = report('Timeline', (Date.now() - t1) / 1000, await longTasks(page), await stop());
  console.log((await longFrames(page)).join('\n'));
  await expect(page.getByText(`${N.toLocaleString('en-US')} of ${N.toLocaleString('en-US')} firings`)).toBeVisible();
  expect(max).toBeLessThanOrEqual(LIMIT);
  expect(maxTimeline).toBeLessThanOrEqual(LIMIT);
});
