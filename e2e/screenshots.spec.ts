/**
 * Screenshots of each view into docs/screenshots (run on demand:
 * WIRETRACE_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts).
 * They show whatever the current build computes over the bundled samples:
 * nothing here is staged.
 */
import { test, type Page } from '@playwright/test';
import { monacoReady } from './helpers.ts';

test.skip(!process.env.WIRETRACE_SCREENSHOTS, 'set WIRETRACE_SCREENSHOTS=1 to refresh docs/screenshots');

async function example(page: Page, title: RegExp): Promise<void> {
  const n = Number(await page.locator('.app').getAttribute('data-run-count'));
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.getByRole('menuitem', { name: title }).first().click();
  await page.locator(`.app[data-run-count="${n + 1}"][data-run-status="idle"]`).waitFor({ timeout: 60_000 });
}

async function shot(page: Page, tab: string, file: string): Promise<void> {
  await page.getByRole('tab', { name: tab, exact: true }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `docs/screenshots/${file}.png` });
}

test('screenshots of every view', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  for (const t of ['Output', 'Hosts', 'Capture']) await shot(page, t, t.toLowerCase());
  // The Timeline with a frame opened: its layers and bytes.
  await page.getByRole('tab', { name: 'Timeline', exact: true }).click();
  await page.getByRole('table', { name: 'Timeline' }).getByRole('row').nth(2).click();
  await page.getByTestId('hexdump').waitFor({ timeout: 15_000 });
  await shot(page, 'Timeline', 'timeline');
  await example(page, /^Bytes per host/);
  await shot(page, 'Aggregations', 'aggregations');
  await example(page, /^Connection latency/);
  await shot(page, 'Aggregations', 'aggregations-quantize');
  await example(page, /^ipio01\.d: outbound TCP through an IPsec/);
  await shot(page, 'Tunnels', 'tunnels');
  await shot(page, 'Output', 'output-ipio01');
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await shot(page, 'Timeline', 'dark');
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await shot(page, 'Output', 'classroom');
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/examples-menu.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/share.png' });
  await page.keyboard.press('Escape');
  // A NIC-only IPsec capture decrypted with keys from `ip xfrm state`: the example brings them into the dialog.
  await example(page, /keys from ip xfrm state/);
  await page.getByRole('button', { name: /ESP keys/ }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/esp-keys.png' });
  await page.keyboard.press('Escape');
  // Classroom mode at a projector's 1280x720 (the default example, its own splitter width).
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-count="1"][data-run-status="idle"]').waitFor();
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await shot(page, 'Output', 'classroom-1280x720');
  await shot(page, 'Timeline', 'classroom-1280x720-timeline');
  // A damaged share link: what the reader sees.
  await page.goto('about:blank');
  await page.goto('/#wt2=eJzLSM3JyQcABiwCFQ');
  await monacoReady(page);
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/damaged-link.png' });
});
