/**
 * Millions of Output lines and Timeline rows: past Chromium's element-height
 * limit (~2^25 px, ~1.7M lines of 19 px) the views use scaled virtualisation
 * (src/ui/components/scaled-scroll.ts). Real runs over generated captures;
 * the text shown is compared with what the CLI prints for the same capture
 * and script.
 *
 * - Output: 1M packets × 5 lines = 5,000,000 lines. Home, End, a scrollbar
 *   drag to the bottom and to the middle, a programmatic scroll to the
 *   middle, and a wheel step that must move by exactly its pixels' lines;
 *   most of the text is written to the browser's storage and read back
 *   (src/ui/store/output-spill.ts), and Download output is the CLI's text.
 * - Timeline: 1M IP-in-IP packets = 2,000,000 rows; End reaches the last row,
 *   which matches the CLI's last packets.d line; clicking it opens its frame.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test, type Locator } from '@playwright/test';
import { bigCapture } from './captures.ts';
import { appIdle, clearLongTasks, dragThumb, longTasks, recordLongTasks, setScript, WITH_SCROLLBARS } from './helpers.ts';

test.use(WITH_SCROLLBARS);

const PACKETS = 1_000_000;
const LOCAL = '--local 10.0.0.1';
const SCRIPT = `#pragma D option quiet
ip:::send,
ip:::receive
{
	printf("%d a %s\\n%d b %s\\n%d c %d\\n%d d\\n%d e\\n", args[0]->pkt_addr, args[2]->ip_saddr,
	    args[0]->pkt_addr, args[2]->ip_daddr, args[0]->pkt_addr, args[2]->ip_plength,
	    args[0]->pkt_addr, args[0]->pkt_addr);
}
`;

function cli(args: string[]): string {
  return execFileSync('node', ['bin/wiretrace.mjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'pipe'] });
}

/** The index (0-based) of an Output line of SCRIPT, from its text: packet number and letter; -1 for other text (or none, between a scroll and its render). */
function indexOf(line: string): number {
  const m = /^(\d+) ([a-e])\b/.exec(line);
  return m ? (Number(m[1]) - 1) * 5 + 'abcde'.indexOf(m[2]!) : -1;
}

/**
 * The text line drawn at a place in the scroller's visible area (what a person sees there): a fraction of
 * its height, or with `fromBottom`, that many lines above the bottom edge (0: the bottom line).
 */
async function lineAt(el: Locator, frac: number, fromBottom?: number): Promise<string> {
  return el.evaluate((node, [f, k]) => {
    const r = node.getBoundingClientRect();
    const y = r.top + (k !== undefined ? node.clientHeight - 9 - k * 19 : Math.min(node.clientHeight - 4, Math.max(4, node.clientHeight * f!)));
    const c = document.caretRangeFromPoint(r.left + 30, y);
    if (!c || c.startContainer.nodeType !== Node.TEXT_NODE) return '';
    const t = (c.startContainer as Text).data;
    const s = t.lastIndexOf('\n', c.startOffset - 1) + 1;
    const e = t.indexOf('\n', c.startOffset);
    return t.slice(s, e < 0 ? t.length : e);
  }, [frac, fromBottom] as const);
}

test('5,000,001 Output lines: End, Home, scrollbar and wheel reach the lines the CLI prints', async ({ page }) => {
  test.setTimeout(240_000);
  const cap = bigCapture(PACKETS);
  const out = page.getByTestId('output-text');
  writeFileSync('test-results/millions.d', SCRIPT);
  const expected = cli(['-s', 'test-results/millions.d', ...LOCAL.split(' '), '-r', cap]).split('\n');
  expect(expected.pop()).toBe('');
  // Five lines per packet, and the empty line a quiet dtrace prints at the end.
  expect(expected.length).toBe(5 * PACKETS + 1);
  const lastLine = expected[expected.length - 2]!;
  expect(lastLine).toBe(`${PACKETS} e`);
  expect(expected[expected.length - 1]).toBe('');
  /** The bottom two lines on screen are the CLI's last two. */
  const atBottom = async (): Promise<boolean> => (await lineAt(out, 0, 0)) === '' && (await lineAt(out, 0, 1)) === lastLine;

  // Long tasks during the 5M-line run, reported (not judged here: e2e/longtask.spec.ts judges).
  await recordLongTasks(page);
  await appIdle(page);
  await page.getByLabel('dtrace options').fill(LOCAL);
  await setScript(page, SCRIPT);
  const runs = Number(await page.locator('.app').getAttribute('data-run-count'));
  await clearLongTasks(page);
  const t0 = Date.now();
  await page.getByLabel('Open capture').setInputFiles(cap);
  await page.locator(`.app[data-run-count="${runs + 1}"][data-run-status="idle"]`).waitFor({ timeout: 150_000 });
  const long = await longTasks(page);
  const note = `5,000,001 lines in ${((Date.now() - t0) / 1000).toFixed(1)} s; ${long.length} long tasks${long.length ? `: ${long.map((d) => d.toFixed(0)).join(', ')} ms` : ''}`;
  test.info().annotations.push({ type: 'responsiveness', description: note });
  console.log(note);
  await page.getByRole('tab', { name: 'Output' }).click();
  await expect(page.locator('.output-view .view-toolbar span').first()).toHaveText('5,000,001 lines');

  // The run followed the end: the last line is on screen, at the bottom.
  await expect(out).toHaveAttribute('data-following', 'true');
  expect(await atBottom()).toBe(true);

  await out.focus();
  await page.keyboard.press('Home');
  await expect.poll(() => lineAt(out, 0)).toBe(expected[0]);
  await page.keyboard.press('End');
  await expect.poll(atBottom).toBe(true);
  await page.keyboard.press('PageUp');
  await expect.poll(async () => indexOf(await lineAt(out, 0, 0))).toBeGreaterThan(0);
  const afterPage = indexOf(await lineAt(out, 0, 0));
  expect(afterPage).toBeLessThan(expected.length - 1);
  expect(afterPage).toBeGreaterThan(expected.length - 80);
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => indexOf(await lineAt(out, 0, 0))).toBe(afterPage + 1);

  // The scrollbar: dragged from the top to past the bottom of its track reaches the last line.
  await page.keyboard.press('Home');
  await expect.poll(() => out.evaluate((n) => n.scrollTop)).toBe(0);
  await dragThumb(page, out, 1.2);
  await expect.poll(atBottom).toBe(true);
  await expect(out).toHaveAttribute('data-following', 'true');

  // Dragged to the middle of its track: lines from the middle, exactly the CLI's.
  await page.keyboard.press('Home');
  await expect.poll(() => out.evaluate((n) => n.scrollTop)).toBe(0);
  await dragThumb(page, out, 0.5);
  await expect.poll(async () => Math.abs(indexOf(await lineAt(out, 0.5)) / expected.length - 0.5)).toBeLessThan(0.05);
  expect(await lineAt(out, 0.5)).not.toBe('');
  const dragged = await lineAt(out, 0.5);
  expect(dragged).toBe(expected[indexOf(dragged)]);

  // A scroll to the exact middle of the scroll range shows the middle line at the top.
  await out.evaluate((n) => { n.scrollTop = (n.scrollHeight - n.clientHeight) / 2; });
  const h = await out.evaluate((n) => n.clientHeight);
  const mid = Math.floor((expected.length * 19 - h) / 2 / 19);
  await expect.poll(async () => Math.abs(indexOf(await lineAt(out, 0)) - mid)).toBeLessThanOrEqual(1);
  const top = await lineAt(out, 0);
  expect(top).toBe(expected[indexOf(top)]);

  // A wheel step moves by its pixels' worth of lines (190 px = 10 lines), not through the scale.
  const before = indexOf(await lineAt(out, 0));
  const box = (await out.boundingBox())!;
  await page.mouse.move(box.x + 100, box.y + 100);
  await page.mouse.wheel(0, 190);
  await expect.poll(async () => indexOf(await lineAt(out, 0))).toBe(before + 10);
  await page.mouse.wheel(0, -95);
  await expect.poll(async () => indexOf(await lineAt(out, 0))).toBe(before + 5);
  expect(await lineAt(out, 0)).toBe(expected[before + 5]);
  await page.screenshot({ path: 'test-results/millions-output.png' });

  // Visible lines are text a person can select and copy.
  const sel = await out.evaluate((n) => {
    const r = document.createRange();
    r.selectNodeContents(n.querySelector('.out-block span')!);
    getSelection()!.removeAllRanges();
    getSelection()!.addRange(r);
    return getSelection()!.toString();
  });
  expect(sel.split('\n')).toContain(expected[before + 5]);

  // The output's older bytes went to the browser's storage (its Origin Private File System), not the
  // page's memory: the storage holds most of the run's 70 MB of text, and Download output, put
  // together from that file and the newest bytes still in the page, is exactly what the CLI prints.
  const usage = await page.evaluate(async () => (await navigator.storage.estimate()).usage ?? 0);
  expect(usage).toBeGreaterThan(50e6);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download output' }).click()]);
  const got = readFileSync(await download.path(), 'utf8');
  expect(got.length).toBe(expected.join('\n').length + 1);
  expect(got === expected.join('\n') + '\n').toBe(true);
});

test('2,000,000 Timeline rows: End reaches the last row, as the CLI prints it, and it opens its frame', async ({ page }) => {
  test.setTimeout(240_000);
  const cap = bigCapture(PACKETS, { tunnel: true });
  // packets.d's table rows (its first line, "begin <timestamp>", is BEGIN's time, not a row).
  const last = cli(['-s', 'src/ui/views/scripts/packets.d', '-Z', ...LOCAL.split(' '), '-r', cap]).trimEnd().split('\n').filter((l) => !l.startsWith('begin\t'));
  expect(last.length).toBe(2 * PACKETS);
  const [, frame, dir, ifName, src, dst, , total, proto] = last[last.length - 1]!.split('\t');

  await appIdle(page);
  await page.getByLabel('dtrace options').fill(LOCAL);
  // A script that prints nothing, so the Output run is short and the Timeline's run has the machine.
  await setScript(page, 'BEGIN\n{\n\texit(0);\n}\n');
  await page.getByLabel('Open capture').setInputFiles(cap);
  await page.getByRole('tab', { name: 'Timeline' }).click();
  await expect(page.getByText('2,000,000 of 2,000,000 firings')).toBeVisible({ timeout: 150_000 });
  await expect(page.getByText('Computing the packet timeline')).toHaveCount(0, { timeout: 30_000 });

  const body = page.getByTestId('timeline-body');
  await body.focus();
  await page.keyboard.press('End');
  const row = page.getByRole('table', { name: 'Timeline' }).locator(`[role="row"][aria-rowindex="${2 * PACKETS + 1}"]`);
  await expect(row).toBeVisible();
  // The last row is inside the visible part of the body.
  const rb = (await row.boundingBox())!;
  const bb = (await body.boundingBox())!;
  expect(rb.y + rb.height).toBeLessThanOrEqual(bb.y + bb.height + 1);
  expect(rb.y).toBeGreaterThanOrEqual(bb.y);
  const cells = await row.getByRole('cell').allInnerTexts();
  expect([cells[0], cells[3]!.replace(/^\S+ /, ''), cells[4], cells[5], cells[6], cells[7], cells[8]]).toEqual([frame, dir === 'receive' ? 'recv' : dir, src, dst, ifName, total, proto]);

  await row.click();
  const detail = page.getByRole('region', { name: `Frame ${frame}` });
  await expect(detail).toBeVisible();
  await expect(detail.getByRole('list', { name: 'IP layers' }).getByRole('listitem')).toHaveCount(2, { timeout: 30_000 });
  await expect(detail.getByTestId('hexdump')).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: 'test-results/millions-timeline.png' });

  // Home and back: the first row again.
  await body.focus();
  await page.keyboard.press('Home');
  await expect(page.getByRole('table', { name: 'Timeline' }).locator('[role="row"][aria-rowindex="2"]')).toBeVisible();
});
