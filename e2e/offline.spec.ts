/**
 * "Works offline once loaded": the production build registers dist/web/sw.js,
 * which precaches the app shell and every built file (Monaco and its editor
 * worker, the engine worker chunks, the bundled sample captures). Once it is
 * active, a reload with the network off still renders, runs the default
 * example and prints what the CLI prints.
 */
import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { monacoReady, watch } from './helpers.ts';

test('after the first load the app works offline: reload, run ipio.d, same Output as the CLI', async ({ page, context }) => {
  const w = await watch(page);
  await page.goto('/');
  await monacoReady(page);
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });

  // The worker is active, controls the page, and its cache holds the whole build.
  const cached = await page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    if (!navigator.serviceWorker.controller) {
      await new Promise<void>((r) => navigator.serviceWorker.addEventListener('controllerchange', () => r(), { once: true }));
    }
    const names = (await caches.keys()).filter((k) => k.startsWith('wiretrace-'));
    const urls = names.length ? (await (await caches.open(names[0]!)).keys()).map((r) => new URL(r.url).pathname) : [];
    return { state: reg.active?.state, scope: reg.scope, names, urls };
  });
  expect(cached.state).toBe('activated');
  expect(cached.names).toHaveLength(1);
  expect(cached.urls).toContain('/');
  expect(cached.urls.some((u) => /\/assets\/.*\.pcapng$/.test(u))).toBe(true);
  expect(cached.urls.some((u) => /\/assets\/worker-.*\.js$/.test(u))).toBe(true);
  expect(cached.urls.some((u) => /editor\.worker.*\.js$/.test(u))).toBe(true);
  expect(cached.urls.filter((u) => u.endsWith('.js')).length).toBeGreaterThan(3);

  const failed: string[] = [];
  // A fetch the app cancels itself (net::ERR_ABORTED: e.g. a capture read superseded by the run)
  // is not a network failure; an offline miss shows as ERR_INTERNET_DISCONNECTED / ERR_FAILED.
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    if (why !== 'net::ERR_ABORTED') failed.push(`${r.url()} ${why}`);
  });
  await context.setOffline(true);
  try {
    const res = await page.reload();
    // The page itself came from the service worker's cache (the network is off).
    expect(res?.fromServiceWorker()).toBe(true);
    await monacoReady(page);
    await expect(page.locator('.script-name')).toHaveText('ipio.d');
    await expect(page.locator('.capture-name')).toHaveText('blog-ipio-tunnel.pcapng');
    await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });
    await page.getByRole('tab', { name: 'Output' }).click();
    const cli = spawnSync('node', ['bin/wiretrace.mjs', '-s', 'samples/scripts/ipio.d', '-r', 'samples/captures/blog-ipio-tunnel.pcapng'], { encoding: 'utf8' });
    expect(cli.status).toBe(0);
    expect((await page.getByTestId('output-text').innerText()).trimEnd()).toBe(cli.stdout.trimEnd());
    expect(await w.csp()).toEqual([]);
    // Everything the app fetched came from the cache.
    expect(failed).toEqual([]);
  } finally {
    await context.setOffline(false);
  }
});

test('the Capture tab shows the bundled sample\'s size, read from the stream', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.app')).toHaveAttribute('data-run-status', 'idle', { timeout: 30_000 });
  await page.getByRole('tab', { name: 'Capture' }).click();
  const bytes = statSync('samples/captures/blog-ipio-tunnel.pcapng').size;
  await expect(page.locator('.facts')).toContainText(`Size${(bytes / 1024).toFixed(1)} KiB (${bytes.toLocaleString('en-US')} bytes)`, { timeout: 15_000 });
  await expect(page.locator('.facts')).not.toContainText('unknown');
});
