/**
 * Links that fail loudly: a damaged share link, a capture left out of a link,
 * ?capture= addresses that cannot be fetched or must not be, and the question
 * asked before fetching a capture from another site.
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deflateSync } from 'fflate';
import { expect, test, type Page } from '@playwright/test';
import { editorText, monacoReady, watch } from './helpers.ts';
import { encodeShare, SHARE_PREFIX, toBase64Url } from '../src/ui/lib/share.ts';

const SMALL = 'samples/captures/proto2-tcp4-in.pcapng';
const problem = (page: Page) => page.getByTestId('link-problem');

test('a damaged share link says so, and the default sample is not loaded as if nothing happened', async ({ page }) => {
  const w = await watch(page);
  const good = encodeShare({ script: 'ip:::send { @[args[2]->ip_daddr] = count(); }\n', name: 'mine.d', tab: 'Hosts', options: '' });
  const body = good.slice(SHARE_PREFIX.length);
  const changed = SHARE_PREFIX + body.slice(0, 20) + (body[20] === 'A' ? 'B' : 'A') + body.slice(21);
  const cases: [string, RegExp][] = [
    [changed, /changed|does not decode/],
    [good.slice(0, Math.floor(good.length / 2)), /cut off|changed/],
    ['wt2=AAAA!!%3Cb%3E', /characters a share link never has/],
    [SHARE_PREFIX + toBase64Url(deflateSync(new Uint8Array(80 * 1024 * 1024))), /more than 64 MB/],
  ];
  for (const [frag, why] of cases) {
    // A fresh document each time (going from one fragment to another would not reload the page).
    await page.goto('about:blank');
    await page.goto(`/#${frag}`);
    await monacoReady(page);
    await expect(problem(page)).toContainText('This share link is damaged');
    await expect(problem(page)).toContainText(why);
    await expect(page.locator('.capture-name')).toHaveCount(0);
    expect(await editorText(page)).not.toContain('ipio');
    expect(await page.locator('.app').getAttribute('data-run-count')).toBe('0');
  }
  expect(w.errors).toEqual([]);
});

test('a link whose capture was too big to embed tells the recipient what was left out and what to open', async ({ page, browser }) => {
  await page.goto('/');
  await monacoReady(page);
  // 600 KB of random bytes does not compress under the 256 KB embedding limit.
  const big = randomBytes(600 * 1024);
  await page.getByLabel('Open capture').setInputFiles({ name: 'huge.pcapng', mimeType: 'application/octet-stream', buffer: big });
  await page.getByRole('button', { name: 'Share' }).click();
  await expect(page.getByRole('dialog')).toContainText('too large to embed');
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#wt2=/);
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await fresh.goto(link);
  await monacoReady(fresh);
  await expect(problem(fresh)).toContainText('The capture was left out of this link');
  await expect(problem(fresh)).toContainText('huge.pcapng (600 KB)');
  await expect(problem(fresh)).toContainText('Open huge.pcapng');
  await ctx.close();
});

test('the Share dialog can link the capture by URL instead of embedding it', async ({ page, browser }) => {
  await page.goto('/');
  await monacoReady(page);
  await page.getByRole('button', { name: 'Share' }).click();
  await page.getByLabel(/Capture URL/).fill('samples/captures/proto2-tcp4-in.pcapng');
  await page.getByRole('button', { name: 'Use this URL' }).click();
  await expect(page.getByRole('dialog')).toContainText('linked by URL');
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const ctx = await browser.newContext();
  const fresh = await ctx.newPage();
  await fresh.goto(link);
  await expect(fresh.locator('.capture-name')).toHaveText('proto2-tcp4-in.pcapng', { timeout: 20_000 });
  await ctx.close();
});

test('?capture= errors name the URL and the HTTP status or the content type received', async ({ page }) => {
  // A real server on another port (another origin: the page asks first), allowing cross-origin reads so the status is visible.
  const srv = createServer((req, res) => {
    res.setHeader('access-control-allow-origin', '*');
    if (req.url === '/page.pcap') { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end('<!doctype html><title>x</title>'); return; }
    res.writeHead(404, 'Not Found', { 'content-type': 'text/plain' });
    res.end('no');
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const origin = `http://127.0.0.1:${(srv.address() as AddressInfo).port}`;
  try {
    for (const [path, msg] of [
      ['/missing.pcap', /cannot open http:\/\/127\.0\.0\.1:\d+\/missing\.pcap: the server answered HTTP 404 Not Found/],
      ['/page.pcap', /cannot open http:\/\/127\.0\.0\.1:\d+\/page\.pcap: the server sent a web page \(Content-Type: text\/html\), not a capture/],
    ] as const) {
      await page.goto('about:blank');
      await page.goto(`/?capture=${encodeURIComponent(origin + path)}`);
      await monacoReady(page);
      await page.getByRole('button', { name: 'Fetch and open it' }).click();
      await expect(page.locator('.app[data-run-count="1"][data-run-status="idle"]')).toHaveCount(1, { timeout: 30_000 });
      const out = page.getByTestId('output-text');
      await expect(out).toContainText(msg);
      await expect(out).not.toContainText('bytes 3c 21');
    }
  } finally {
    srv.close();
  }
});

test('a malformed percent-encoding or a javascript: URL is refused with a message', async ({ page }) => {
  const w = await watch(page);
  await page.goto('/?capture=%E0%A4%A');
  await monacoReady(page);
  await expect(problem(page)).toContainText('percent-encoding is malformed');
  await page.goto('about:blank');
  await page.goto('/?capture=javascript:alert(1)');
  await monacoReady(page);
  await expect(problem(page)).toContainText('Refused to open javascript: code as a capture');
  const js = encodeShare({ script: 'BEGIN { exit(0); }\n', name: 'a.d', tab: 'Output', options: '', captureUrl: 'javascript:alert(1)' });
  await page.goto('about:blank');
  await page.goto(`/#${js}`);
  await monacoReady(page);
  await expect(problem(page)).toContainText('Refused to open javascript: code');
  expect(w.errors).toEqual([]);
});

test('a link naming a capture on another origin asks before fetching it', async ({ page }) => {
  let fetched = 0;
  const srv = createServer((_req, res) => {
    fetched++;
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'access-control-allow-origin': '*' });
    res.end(readFileSync(SMALL));
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  // localhost, not 127.0.0.1: another origin than the page's.
  const url = `http://localhost:${(srv.address() as AddressInfo).port}/c.pcapng`;
  try {
    await page.goto(`/?capture=${encodeURIComponent(url)}`);
    await monacoReady(page);
    const ask = page.getByRole('alertdialog', { name: 'Open a capture from another site?' });
    await expect(ask).toContainText(url);
    await page.waitForTimeout(500);
    expect(fetched).toBe(0);
    await ask.getByRole('button', { name: 'Don’t' }).click();
    await expect(ask).toHaveCount(0);
    expect(fetched).toBe(0);
    await page.reload();
    await monacoReady(page);
    await page.getByRole('button', { name: 'Fetch and open it' }).click();
    await expect(page.locator('.capture-name')).toHaveText('c.pcapng');
    await expect(page.locator('.app[data-run-count="1"][data-run-status="idle"]')).toHaveCount(1, { timeout: 30_000 });
    expect(fetched).toBeGreaterThan(0);
    await expect(page.getByTestId('output-text')).not.toContainText('cannot open');
  } finally {
    srv.close();
  }
});
