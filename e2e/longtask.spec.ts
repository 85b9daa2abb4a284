/**
 * Responsiveness while a large capture is processed: a long-task observer in
 * the page records every main-thread task over 50 ms (count and longest are
 * reported as an annotation and on the console) while a generated
 * capture (WIRETRACE_LONGTASK_PACKETS packets, default 1,000,000) is read and
 * a per-packet printf script runs over it in the worker. Needs the engine's
 * capture reading and the ip provider (a build without them fails).
 */
import { mkdirSync, openSync, writeSync, closeSync, existsSync, statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { monacoReady, runAndWait, setScript } from './helpers.ts';

const N = Number(process.env.WIRETRACE_LONGTASK_PACKETS ?? 1_000_000);
const FILE = `test-results/longtask-v2-${N}.pcap`;

/** A little-endian microsecond pcap of Ethernet/IPv4/TCP frames between 64 hosts. */
function writeCapture(): void {
  if (existsSync(FILE) && statSync(FILE).size > 0) return;
  mkdirSync('test-results', { recursive: true });
  const fd = openSync(FILE, 'w');
  const head = Buffer.alloc(24);
  head.writeUInt32LE(0xa1b2c3d4, 0); head.writeUInt16LE(2, 4); head.writeUInt16LE(4, 6);
  head.writeUInt32LE(65535, 16); head.writeUInt32LE(1, 20);
  writeSync(fd, head);
  const REC = 16 + 54;
  const BATCH = 8192;
  const buf = Buffer.alloc(REC * BATCH);
  for (let base = 0; base < N; base += BATCH) {
    const n = Math.min(BATCH, N - base);
    for (let k = 0; k < n; k++) {
      const i = base + k;
      const o = k * REC;
      buf.writeUInt32LE(1_700_000_000 + Math.floor(i / 10_000), o);
      buf.writeUInt32LE((i % 10_000) * 100, o + 4);
      buf.writeUInt32LE(54, o + 8); buf.writeUInt32LE(54, o + 12);
      const f = o + 16;
      buf.fill(0, f, f + 54);
      buf[f] = 0x02; buf[f + 5] = 1; buf[f + 6] = 0x02; buf[f + 11] = 2; buf.writeUInt16BE(0x0800, f + 12);
      const ip = f + 14;
      buf[ip] = 0x45; buf.writeUInt16BE(40, ip + 2); buf.writeUInt16BE(i & 0xffff, ip + 4); buf[ip + 8] = 64; buf[ip + 9] = 6;
      buf[ip + 12] = 10; buf[ip + 15] = (i % 64) + 1; buf[ip + 16] = 10; buf[ip + 17] = 1; buf[ip + 19] = ((i >> 6) % 64) + 1;
      // A valid header checksum: frames with a bad one are dropped before the ip provider fires.
      let sum = 0;
      for (let w = 0; w < 20; w += 2) sum += buf.readUInt16BE(ip + w);
      while (sum > 0xffff) sum = (sum & 0xffff) + (sum >>> 16);
      buf.writeUInt16BE(~sum & 0xffff, ip + 10);
      const tcp = ip + 20;
      buf.writeUInt16BE(40000 + (i % 1000), tcp); buf.writeUInt16BE(443, tcp + 2); buf[tcp + 12] = 0x50; buf[tcp + 13] = 0x10;
    }
    writeSync(fd, buf, 0, n * REC);
  }
  closeSync(fd);
}

test('no main-thread task over 50 ms while a large capture is processed', async ({ page }) => {
  test.setTimeout(600_000);
  await page.addInitScript(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.__long.push(e.duration); }).observe({ type: 'longtask' });
  });
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor({ timeout: 60_000 });
  await setScript(page, 'ip:::send\n{\n}\n');
  const probe = await runAndWait(page);
  expect(probe).not.toMatch(/engine not available yet|does not match any probes/);
  writeCapture();
  await setScript(page, '#pragma D option quiet\nip:::send,\nip:::receive\n{\n\tprintf("%d %s -> %s %d\\n", args[0]->pkt_addr, args[2]->ip_saddr, args[2]->ip_daddr, args[2]->ip_plength);\n}\n');
  await page.evaluate(() => { (window as unknown as { __long: number[] }).__long = []; });
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
  const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
  const max = Math.max(0, ...long);
  const note = `${N} packets in ${secs.toFixed(1)} s (${Math.round(N / secs)} packets/s); ${long.length} long tasks, longest ${max.toFixed(0)} ms`;
  test.info().annotations.push({ type: 'responsiveness', description: note });
  console.log(note);
  // The target is no task over 50 ms. On a shared, loaded machine the scheduler alone stretches tasks past
  // that, so the default bound only catches regressions (a layout pass over a million rows took 150+ ms);
  // WIRETRACE_LONGTASK_STRICT=1 checks the target itself.
  expect(max).toBeLessThanOrEqual(process.env.WIRETRACE_LONGTASK_STRICT ? 50 : 250);
});
