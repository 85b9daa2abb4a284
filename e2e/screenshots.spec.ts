/**
 * Screenshots of each view into docs/screenshots (run on demand:
 * WIRETRACE_SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts).
 * They show whatever the current build computes: nothing here is staged.
 */
import { test } from '@playwright/test';
import { monacoReady } from './helpers.ts';

test.skip(!process.env.WIRETRACE_SCREENSHOTS, 'set WIRETRACE_SCREENSHOTS=1 to refresh docs/screenshots');

test('screenshots of every view', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 860 });
  await page.goto('/');
  await monacoReady(page);
  await page.locator('.app[data-run-status="idle"]').waitFor();
  await page.waitForTimeout(800);
  for (const t of ['Output', 'Aggregations', 'Hosts', 'Timeline', 'Tunnels', 'Capture']) {
    await page.getByRole('tab', { name: t, exact: true }).click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `docs/screenshots/${t.toLowerCase()}.png` });
  }
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('tab', { name: 'Output', exact: true }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/dark.png' });
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/classroom.png' });
  await page.getByRole('button', { name: 'Classroom mode' }).click();
  await page.getByRole('button', { name: 'Dark theme' }).click();
  await page.getByRole('button', { name: 'Examples' }).click();
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshots/examples-menu.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Share' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshots/share.png' });
});
