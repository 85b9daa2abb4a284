/**
 * Responsiveness while a large capture is processed: a long-task observer in
 * the page records every main-thread task over 50 ms while a generated
 * capture (WIRETRACE_LONGTASK_PACKETS packets, default 1,000,000) is read and
 * a per-packet printf script runs over it in the worker (the Output view),
 * then while the Timeline is built from the same capture (packets.d's million
 * lines parsed into a million rows, the chart). Count, longest and every long
 * task's duration are reported as annotations and on the console.
 *
 * The limit is the target, 50 ms. Measured on the 2-core machine this was
 * tuned on: 0 long tasks in each of 14 runs without outside load; with a
 * third busy process stealing a core, 2 of 7 runs had one task of 63-71 ms
 * (one attributed to no script at all: the main thread preempted). So a run
 * may be retried once: a regression fails both runs, a run that lost its
 * core to someone else does not fail the build. WIRETRACE_LONGTASK_STRICT=0
 * relaxes the limit to 250 ms, to catch only regressions on a machine too
 * loaded to judge. Needs the engine's capture reading and the ip provider.
 */
import { expect, test, type Page } from '@playwright/test';
import { bigCapture } from './captures.ts';
import { monacoReady, runAndWait, setScript } from './helpers.ts';

const N = Number(process.env.WIRETRACE_LONGTASK_PACKETS ?? 1_000_000);

const LIMIT = process.env.WIRETRACE_LONGTASK_STRICT === '0' ? 250 : 50;

test.describe.configure({ retries: 1 });

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

function report(what: string, secs: number, long: number[]): number {
  const max = Math.max(0, ...long);
  const note = `${what}: ${N} packets in ${secs.toFixed(1)} s (${Math.round(N / secs)} packets/s); ${long.length} long tasks, longest ${max.toFixed(0)} ms${long.length ? ` (${long.map((d) => d.toFixed(0)).join(', ')})` : ''}`;
  test.info().annotations.push({ type: 'responsiveness', description: note });
  console.log(note);
  return max;
}

test('no main-thread task over 50 ms while a large capture is processed', async ({ page }) => {
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
  const max = report('Output', secs, await longTasks(page));
  if (max > LIMIT) console.log((await longFrames(page)).join('\n'));

  // The Timeline over the same capture: packets.d's million lines become a million rows and a chart.
  await resetLongTasks(page);
  const t1 = Date.now();
  // By id: a role query would itself be a long task in the page.
  await page.locator('#tab-timeline').click();
  // Waiting by attribute: Playwright's text and role queries run in the page and would be long tasks themselves.
  await page.locator('.view-shell[data-status="done"] .timeline').waitFor({ timeout: 540_000 });
  const maxTimeline = report('Timeline', (Date.now() - t1) / 1000, await longTasks(page));
  if (maxTimeline > LIMIT) console.log((await longFrames(page)).join('\n'));
  await expect(page.getByText(`${N.toLocaleString('en-US')} of ${N.toLocaleString('en-US')} firings`)).toBeVisible();
  expect(max).toBeLessThanOrEqual(LIMIT);
  expect(maxTimeline).toBeLessThanOrEqual(LIMIT);
});
